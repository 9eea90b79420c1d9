# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the guest harness. Sourced, not executed.

# Where built kernels, unpacked sources and guest images are cached: outside
# the clone, so a fresh clone on the same machine reuses them.
: "${AIOT_CACHE:=${XDG_CACHE_HOME:-$HOME/.cache}/linux-aiot}"
export AIOT_CACHE

# The Debian kernel source release used for the KUnit guest.
: "${AIOT_KSRC_SERIES:=6.1}"

msg() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Newest installed Debian linux-headers build dir (for amd64 flavour).
newest_headers() {
	local d best=
	for d in /usr/src/linux-headers-*-amd64; do
		[ -f "$d/Makefile" ] || continue
		best="$best ${d#/usr/src/linux-headers-}"
	done
	[ -n "$best" ] || return 1
	# shellcheck disable=SC2086
	printf '%s\n' $best | sort -V | tail -n 1
}

# Debian's stock kernel image for the stock guest. It is unpacked from the
# linux-image package into the cache, never installed on the host, so the
# host's /boot and bootloader are left alone.
# Prints "<vmlinuz> <module root>" for the release given.
stock_kernel() {
	local kver=$1 dir="$AIOT_CACHE/stock/$1" pkg
	if [ ! -f "$dir/.done" ]; then
		pkg=linux-image-$kver
		apt-cache show "$pkg" >/dev/null 2>&1 || pkg=linux-image-$kver-unsigned
		msg "stock guest: fetching $pkg (unpacked into the cache, not installed)"
		rm -rf "$dir" && mkdir -p "$dir/deb" || return 1
		(cd "$dir/deb" && apt-get download -o APT::Sandbox::User=root "$pkg" >/dev/null) || return 1
		dpkg-deb -x "$dir"/deb/*.deb "$dir/root" || return 1
		rm -rf "$dir/deb"
		touch "$dir/.done"
	fi
	# the package ships no modules.dep: depmod runs at install time
	if [ ! -s "$dir/root/lib/modules/$kver/modules.dep" ]; then
		depmod -b "$dir/root" "$kver" || return 1
	fi
	printf '%s %s\n' "$dir/root/boot/vmlinuz-$kver" "$dir/root"
}

# Modules a project module needs from the kernel's tree: its hard
# dependencies and its soft "pre:" dependencies (e.g. the crypto modules the
# crypto API loads by name).
module_deps() {
	local ko own
	# the project's own modules (aiot_hwsim depends on aiot) are not Debian's
	own=$(for ko in "$@"; do basename "$ko" .ko; done)
	for ko in "$@"; do
		modinfo -F depends "$ko" | tr ',' '\n'
		modinfo -F softdep "$ko" | sed -n 's/^pre: *//p' | tr ' ' '\n'
	done | sed '/^$/d' | grep -vxF "$own" | sort -u | tr '\n' ' '
}
