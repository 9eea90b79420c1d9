#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The install test (make check's "install" layer): the Debian packages as a
# user installs them, in a Debian system that then boots.
#
#   install.sh [KVER]   default: the newest installed 6.1 header set's release
#
# 1. make deb: aiot-dkms and aiot-tools (build/deb/).
# 2. A Debian root filesystem (debootstrap --variant=minbase, from the Debian
#    mirror the host's APT uses) with what a gateway needs from the archive:
#    Debian's kernel KVER (linux-image, the same package the stock guests
#    boot), its linux-headers, dkms, kmod and openssl (DKMS signs with it).
#    Cached in $AIOT_CACHE/install/base-<key>: the key is a hash of the
#    suite, the mirror lines and the package list.
# 3. The two packages installed into a copy of it with apt-get (chroot): the
#    package's postinst has DKMS build the modules for KVER, "dkms
#    autoinstall -k KVER" must then have nothing left to do, and depmod must
#    know the modules in /lib/modules/KVER/updates/dkms. The result becomes
#    an ext4 image (mkfs.ext4 -d, no loop mount), cached as
#    $AIOT_CACHE/install/img-<key>.ext4, the key a hash of the base's key and
#    of the two packages.
# 4. Debian's stock kernel boots with that image as its read-only root
#    (virtio-blk): a busybox initramfs loads the disk's drivers from the
#    stock module tree, mounts the image and switch_roots into it, with
#    tests/vm/init.sh as init and tests/vm/guest/install.sh as the test
#    (both on a tmpfs /opt, so they are not part of the image).
#
# Prints RESULT lines and "install: N passed, N failed". Needs root
# (debootstrap, chroot); as another user it says so and tests nothing.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
cd "$top"

SUITE=${AIOT_INSTALL_SUITE:-bookworm}
out=build/vm/install
icache=$AIOT_CACHE/install
t0=$(date +%s)
npass=0
nfail=0

result() {	# result PASS|FAIL name [detail]
	if [ "$1" = PASS ]; then
		npass=$((npass + 1))
	else
		nfail=$((nfail + 1))
	fi
	printf 'RESULT %s %s%s\n' "$1" "$2" "${3:+ ($3)}"
}
finish() {
	wait
	msg "install: done in $(( $(date +%s) - t0 ))s"
	echo "install: $npass passed, $nfail failed"
	[ $nfail = 0 ]
	exit
}
step() { msg "install: $* ($(( $(date +%s) - t0 ))s)"; }

if [ "$(id -u)" != 0 ]; then
	msg "install: skipped: debootstrap and chroot need root"
	finish
fi

# One harness run per tree at a time (build/vm, build/kmod are shared).
mkdir -p build
exec 8>build/.vm.lock
if ! flock -n 8; then
	msg "waiting for another guest run in this tree to finish"
	flock 8
fi
rm -rf "$out"
mkdir -p "$out" "$icache"

kver=${1:-$(for d in /usr/src/linux-headers-6.1.*-amd64; do
	[ -f "$d/Makefile" ] && echo "${d#/usr/src/linux-headers-}"; done | sort -V | tail -n 1)}
[ -n "$kver" ] || die "no Debian 6.1 linux-headers installed (make deps)"

# run_logged LOG LABEL COMMAND...: run with output to LOG and a line of
# progress every 20 s (the last line of the log).
run_logged() {
	local log=$1 label=$2 pid rc start
	shift 2
	start=$(date +%s)
	"$@" >"$log" 2>&1 &
	pid=$!
	while ! wait_for "$pid" 20; do
		msg "install: $label: $(( $(date +%s) - start ))s: $(tail -n 1 "$log" | cut -c1-100)"
	done
	wait "$pid"
	rc=$?
	[ $rc = 0 ] || { tail -n 30 "$log" >&2; msg "install: $label failed (log: $log)"; }
	return $rc
}
wait_for() {	# wait_for PID SECONDS: 0 once PID has ended
	local i
	for ((i = 0; i < $2; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 1
	done
	! kill -0 "$1" 2>/dev/null
}

# in_root DIR COMMAND...: a command in the chroot, with a clean environment
# and /proc and /dev/pts of its own (dkms and apt need them), which are
# unmounted when it ends.
in_root() {
	local dir=$1 rc
	shift
	mount -t proc proc "$dir/proc" || return 1
	mkdir -p "$dir/dev/pts"
	mount -t devpts -o newinstance,ptmxmode=0666 devpts "$dir/dev/pts" ||
		{ umount "$dir/proc"; return 1; }
	chroot "$dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C \
		DEBIAN_FRONTEND=noninteractive "$@"
	rc=$?
	umount "$dir/dev/pts" "$dir/proc"
	return $rc
}
# remove_root DIR: a root filesystem away, after whatever is still mounted
# in it (an interrupted run)
remove_root() {
	local m
	[ -e "$1" ] || return 0
	awk -v d="$1/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r |
		while read -r m; do umount -l "$m"; done
	rm -rf --one-file-system "$1"
}

# The host's Debian APT sources for the suite, its -updates and -security:
# "URI SUITE COMPONENTS" lines (one-line .list files and deb822 .sources).
debian_sources() {
	{
		cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			sed 's/\[[^]]*\]//' | awk '$1 == "deb" { c = $4; for (i = 5; i <= NF; i++) c = c " " $i; print $2, $3, c }'
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] || continue
			awk 'function flush(  n, m, i, j, U, S) {
				if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no") {
					n = split(uris, U, " "); m = split(suites, S, " ")
					for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print U[i], S[j], comps
				}
				types = uris = suites = comps = enabled = ""
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			{ k = tolower($1); v = $0; sub(/^[^:]*:[ \t]*/, "", v) }
			k == "types:" { types = v } k == "uris:" { uris = v } k == "suites:" { suites = v }
			k == "components:" { comps = v } k == "enabled:" { enabled = v }
			END { flush() }' "$f"
		done
	} | awk -v s="$SUITE" '$2 == s || $2 == s "-updates" || $2 == s "-security"' | sort -u
}

# The host's APT settings that decide whether an archive's Release file is
# taken (a mirror frozen in time has an expired Valid-Until): the chroot's
# APT gets the same.
mapfile -t APT_OPTS < <(apt-config dump 2>/dev/null |
	sed -n 's/^\(Acquire::Check-Valid-Until\|Acquire::Check-Date\) "\(.*\)";$/-o\n\1=\2/p')

# The base system's packages from the archive. No initramfs (INITRD=No):
# the guest boots with the test's own.
base_packages() {
	set -e
	in_root "$1" apt-get "${APT_OPTS[@]}" update
	# shellcheck disable=SC2086
	in_root "$1" INITRD=No apt-get "${APT_OPTS[@]}" install -y --no-install-recommends $base_pkgs
	in_root "$1" apt-get clean
}

# ---- 1. the packages ---------------------------------------------------------
step "make deb"
if make -s deb >"$out/deb.log" 2>&1; then
	result PASS install/make_deb
else
	tail -n 30 "$out/deb.log" >&2
	result FAIL install/make_deb "see $out/deb.log"
	finish
fi
debs=(build/deb/aiot-dkms_*_all.deb build/deb/aiot-tools_*_amd64.deb)
[ ${#debs[@]} = 2 ] && [ -f "${debs[0]}" ] && [ -f "${debs[1]}" ] ||
	{ result FAIL install/debs_found "build/deb: ${debs[*]}"; finish; }

read -r vmlinuz modroot < <(stock_kernel "$kver") ||
	{ result FAIL install/kernel_image "apt-get download failed"; finish; }

# ---- 2. the base system --------------------------------------------------------
sources=$(debian_sources)
mirror=$(echo "$sources" | awk -v s="$SUITE" '$2 == s { print $1; exit }')
[ -n "$mirror" ] || { result FAIL install/debian_mirror "no $SUITE entry in /etc/apt/sources.list*"; finish; }
# the tools' libraries too, so that installing the packages needs no download
base_pkgs="linux-image-$kver linux-headers-$kver dkms kmod openssl
	libjson-c5 libmnl0 libnl-3-200 libnl-genl-3-200 libsqlite3-0 libssl3"
# shellcheck disable=SC2086
base_key=$(printf '%s\n' "base-v2" "$SUITE" "$sources" $base_pkgs | sha256sum | cut -c1-12)
base=$icache/base-$base_key
if [ ! -f "$base.done" ]; then
	step "no cached root filesystem for this package list: debootstrap $SUITE from $mirror (a few minutes, once)"
	remove_root "$base"; rm -f "$base.done"
	if ! run_logged "$out/debootstrap.log" debootstrap \
		debootstrap --variant=minbase "$SUITE" "$base" "$mirror"; then
		result FAIL install/debootstrap "see $out/debootstrap.log"
		finish
	fi
	echo "$sources" | awk '{ print "deb", $0 }' >"$base/etc/apt/sources.list"
	step "base system: apt-get install $(echo "$base_pkgs" | tr -s ' \t\n' ' ')"
	if ! run_logged "$out/base-apt.log" "base system" base_packages "$base"; then
		result FAIL install/base_packages "see $out/base-apt.log"
		finish
	fi
	# only the newest base is kept
	for d in "$icache"/base-*; do
		[ "$d" = "$base" ] || [ "$d" = "$base.done" ] || remove_root "$d"
	done
	touch "$base.done"
	step "base system cached in $base ($(du -sm "$base" | cut -f1) MB)"
else
	step "base system from the cache: $base"
fi
result PASS install/base_system

# ---- 3. the packages installed, DKMS, the image -----------------------------
img_key=$(printf '%s\n' "img-v1" "$base_key" "$(sha256sum "${debs[@]}" | cut -d' ' -f1)" | sha256sum | cut -c1-12)
img=$icache/img-$img_key.ext4
# The results of this section are kept with the image and shown again when
# the image comes from the cache: they are about the same two packages.
ires() {	# ires PASS|FAIL name [detail]
	result "$@"
	printf 'RESULT %s %s%s\n' "$1" "$2" "${3:+ ($3)}" >>"$out/image-results"
}
# dkms_state DIR: the status lines of aiot in the system at DIR
dkms_state() { in_root "$1" dkms status aiot 2>&1 | tr '\n' ' '; }
# modules_dep_has DIR MODULE: depmod's view of the DKMS module
modules_dep_has() { grep -Eq "^updates/dkms/$2\.ko(\.xz|\.zst)?:" "$1/lib/modules/$kver/modules.dep"; }
debs_in_root=("${debs[@]/#build\/deb\//\/tmp\/debs\/}")

if [ ! -f "$img" ]; then
	work=$icache/work
	remove_root "$work"
	remove_root "$work.old"
	step "installing the packages into a copy of the base system"
	cp -a "$base" "$work" || die "cannot copy $base"
	mkdir -p "$work/tmp/debs"
	cp "${debs[@]}" "$work/tmp/debs/"
	# as a user would: apt-get with the archive for dependencies; the
	# postinst of aiot-dkms has DKMS build for every kernel with headers
	if run_logged "$out/apt-install.log" "apt-get install" in_root "$work" \
		apt-get "${APT_OPTS[@]}" install -y "${debs_in_root[@]}"; then
		ires PASS install/apt_install_packages
	else
		ires FAIL install/apt_install_packages "see $out/apt-install.log"
		finish
	fi
	grep -E "^(Building for|Building initial module|Done\.|Skipped\.|Error)|Installing to" \
		"$out/apt-install.log" | sed 's/^/  postinst: /' >&2
	# what a kernel's postinst hook runs: must find nothing left to do
	in_root "$work" dkms autoinstall -k "$kver" >"$out/autoinstall.log" 2>&1
	rc=$?
	state=$(dkms_state "$work")
	if [ $rc = 0 ] && [[ $state == *"aiot/"*", $kver, x86_64: installed"* ]]; then
		ires PASS install/dkms_installed_for_kernel "$state"
	else
		ires FAIL install/dkms_installed_for_kernel "autoinstall rc $rc; $state"
	fi
	for m in aiot aiot_hwsim; do
		if modules_dep_has "$work" $m; then
			ires PASS "install/depmod_knows_$m"
		else
			ires FAIL "install/depmod_knows_$m" "no updates/dkms/$m.ko in modules.dep"
		fi
	done
	in_root "$work" apt-get clean
	size=$(( $(du -sm "$work" | cut -f1) * 5 / 4 + 200 ))
	step "ext4 image of the installed system (${size} MB, sparse)"
	rm -f "$icache"/img-*.tmp
	if ! mkfs.ext4 -q -F -L aiot-root -d "$work" "$img.tmp" "${size}M" >"$out/mkfs.log" 2>&1; then
		result FAIL install/image "see $out/mkfs.log"
		remove_root "$work"
		finish
	fi

	# After the image: an upgrade (the same packages again: the old
	# version's prerm removes its modules, the new postinst builds them
	# again), then removal with purge, on the same system.
	step "upgrade and removal of the packages"
	if in_root "$work" apt-get "${APT_OPTS[@]}" install -y --reinstall "${debs_in_root[@]}" \
		>"$out/apt-reinstall.log" 2>&1 &&
		grep -q '^Building initial module for' "$out/apt-reinstall.log" &&
		modules_dep_has "$work" aiot; then
		ires PASS install/upgrade_rebuilds "$(dkms_state "$work")"
	else
		ires FAIL install/upgrade_rebuilds "see $out/apt-reinstall.log"
	fi
	in_root "$work" apt-get "${APT_OPTS[@]}" purge -y aiot-dkms aiot-tools >"$out/apt-purge.log" 2>&1
	rc=$?
	state=$(dkms_state "$work")
	left=$(cd "$work" && ls -d lib/modules/"$kver"/updates/dkms/aiot* usr/src/aiot-* etc/aiot \
		usr/sbin/aiotctl 2>/dev/null | tr '\n' ' ')
	if [ $rc = 0 ] && [ -z "$state" ] && [ -z "$left" ] && ! modules_dep_has "$work" aiot; then
		ires PASS install/purge_removes_everything
	else
		ires FAIL install/purge_removes_everything "rc $rc; dkms: $state; left: $left"
	fi
	step "image cached as $img"
	# the copy goes away while the guest runs: right after the image was
	# written, removing it takes a minute or more of disk time
	mv "$work" "$work.old" && { remove_root "$work.old" & }
	for f in "$icache"/img-*; do
		[ "$f" = "$img.tmp" ] || rm -f "$f"
	done
	cp "$out/image-results" "$img.results"
	mv "$img.tmp" "$img"
else
	step "installed system from the cache: $img"
	while read -r _ verdict name detail; do
		detail=${detail#(}
		result "$verdict" "$name" "${detail%)}${detail:+; }from the image's build"
	done <"$img.results"
fi

# ---- 4. boot it ------------------------------------------------------------------
# The initramfs: busybox, the disk's drivers and their dependencies from the
# stock module tree (ext4 wants crc32c, which busybox's modprobe does not
# load by itself), /init (tests/vm/install-initramfs.sh), and what goes to
# the installed system's /opt: init.sh, the test, guest-lib.sh, a reboot.
st=$(mktemp -d)
mkdir -p "$st"/{bin,dev,proc,sys,newroot,opt/bin}
cp "$(command -v busybox)" "$st/bin/busybox"
for a in $("$st/bin/busybox" --list); do
	[ "$a" = busybox ] || ln -s busybox "$st/bin/$a"
done
for m in crc32c_generic virtio_pci virtio_blk ext4; do
	modprobe -d "$modroot" -S "$kver" --show-depends "$m" | awk '$1 == "insmod" { print $2 }'
done | sort -u | while read -r ko; do
	mkdir -p "$st/$(dirname "${ko#"$modroot"}")"
	cp "$ko" "$st/${ko#"$modroot"}"
done
cp "$modroot/lib/modules/$kver"/modules.{order,builtin,builtin.modinfo} "$st/lib/modules/$kver/"
depmod -b "$st" "$kver"
cp "$here/install-initramfs.sh" "$st/init"
cp "$here/init.sh" "$st/opt/init"
cp "$here/guest/install.sh" "$st/opt/run.sh"
cp "$here/guest-lib.sh" "$st/opt/guest-lib.sh"
cp "$st/bin/busybox" "$st/opt/bin/busybox"
ln -s busybox "$st/opt/bin/reboot"
chmod +x "$st/init" "$st/opt/init" "$st/opt/run.sh"
(cd "$st" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) | gzip -1 >"$out/initrd.gz"
rm -rf "$st"

step "booting Debian $kver from the installed system's image"
rm -f "$out/console.log" "$out/results.log"
timeout -k 5 "${AIOT_VM_TIMEOUT:-300}" qemu-system-x86_64 \
	-accel tcg -cpu "${AIOT_VM_CPU:-max}" -smp 2 -m "${AIOT_VM_MEM:-1024}" \
	-nographic -no-reboot -nodefaults \
	-serial "file:$out/console.log" -serial "file:$out/results.log" \
	-drive "file=$img,format=raw,if=virtio,readonly=on" \
	-kernel "$vmlinuz" -initrd "$out/initrd.gz" \
	-append "console=ttyS0 panic=-1 oops=panic loglevel=7 quiet" \
	</dev/null >"$out/qemu.log" 2>&1
rc=$?
sed -i 's/\r$//' "$out/results.log" 2>/dev/null
[ $rc = 124 ] && echo "VM TIMEOUT after ${AIOT_VM_TIMEOUT:-300}s" >>"$out/console.log"

# ---- what the guest says, and the host's checks of a finished guest --------
TAINT_O=4096 TAINT_E=8192
# the same patterns as run.sh
BAD_LOG='BUG:|WARNING:|Oops|Kernel panic|KASAN|UBSAN|kmemleak:.*new suspected|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|INFO: task .* blocked|general protection fault|Call Trace:'
if grep -q '^=== VM_DONE' "$out/results.log" 2>/dev/null; then
	result PASS install/guest_finished
else
	result FAIL install/guest_finished "no VM_DONE: crash, panic or timeout; see $out/console.log"
fi
while read -r _ verdict name; do
	result "$verdict" "install/$name"
done < <(grep '^RESULT ' "$out/results.log" 2>/dev/null)
taint=$(sed -n 's/^=== TAINT //p' "$out/results.log" 2>/dev/null)
if [ -n "$taint" ] && [ $((taint & ~(TAINT_O | TAINT_E))) = 0 ]; then
	result PASS install/taint_clean "tainted=$taint"
else
	result FAIL install/taint_clean "tainted=${taint:-unknown}, allowed: out-of-tree, unsigned"
fi
bad=$(grep -E "$BAD_LOG" "$out/console.log" 2>/dev/null | head -n 3)
if [ -z "$bad" ]; then
	result PASS install/kernel_log_clean
else
	result FAIL install/kernel_log_clean "$(echo "$bad" | tr '\n' ' ' | cut -c1-300)"
fi
finish
