#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (or find in the cache) the KUnit guest kernel from Debian's
# linux-source package: tinyconfig + tests/vm/kernel.config.
#
# Prints the build directory on stdout. The cache key covers the config
# fragment, the linux-source package version and the compiler version, so a
# warm run with the same inputs rebuilds nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

series=$AIOT_KSRC_SERIES
tarball=/usr/src/linux-source-$series.tar.xz
[ -f "$tarball" ] || die "$tarball missing: apt-get install linux-source-$series (make deps does it)"
srcver=$(dpkg-query -W -f '${Version}' "linux-source-$series")
gccver=$(gcc -dumpfullversion)
key=$(cat "$here/kernel.config" | sha256sum | cut -c1-12)
key=$key-$(printf '%s %s' "$srcver" "$gccver" | sha256sum | cut -c1-8)
src=$AIOT_CACHE/src-$srcver/linux-source-$series
kb=$AIOT_CACHE/kbuild-$series-$key

# --source: only make sure the source is unpacked, print its directory.
if [ "${1:-}" = --source ] && [ -f "$src/.done" ]; then
	printf '%s\n' "$src"
	exit 0
fi

if [ -f "$kb/.done" ] && [ -f "$src/.done" ]; then
	printf '%s\n' "$kb"
	exit 0
fi

mkdir -p "$AIOT_CACHE"
exec 9>"$AIOT_CACHE/.kbuild.lock"
flock 9

if [ ! -f "$src/.done" ]; then
	msg "kunit kernel: unpacking linux-source-$series $srcver"
	rm -rf "$AIOT_CACHE/src-$srcver"
	mkdir -p "$AIOT_CACHE/src-$srcver"
	tar -C "$AIOT_CACHE/src-$srcver" -xf "$tarball"
	touch "$src/.done"
fi

if [ "${1:-}" = --source ]; then
	printf '%s\n' "$src"
	exit 0
fi

if [ ! -f "$kb/.done" ]; then
	rm -rf "$kb"
	mkdir -p "$kb"
	msg "kunit kernel: configuring in $kb"
	make -s -C "$src" ARCH=x86_64 O="$kb" tinyconfig >/dev/null
	"$src/scripts/kconfig/merge_config.sh" -m -O "$kb" "$kb/.config" \
		"$here/kernel.config" >"$kb/merge.log" 2>&1
	make -s -C "$src" ARCH=x86_64 O="$kb" olddefconfig >/dev/null
	bad=0
	while IFS= read -r line; do
		case "$line" in ''|'#'*) continue ;; esac
		if ! grep -qx -- "$line" "$kb/.config"; then
			msg "kunit kernel: config fragment line not honoured: $line"
			bad=1
		fi
	done <"$here/kernel.config"
	[ $bad = 0 ] || die "kernel config fragment does not apply to linux-source-$series"

	jobs=$(nproc)
	msg "kunit kernel: building with -j$jobs (about 7-10 minutes on 2 cores; log in $kb/build.log)"
	start=$(date +%s)
	path=$PATH
	[ -d /usr/lib/ccache ] && [ "${USE_CCACHE:-1}" = 1 ] && path=/usr/lib/ccache:$PATH
	PATH=$path make -C "$src" ARCH=x86_64 O="$kb" -j"$jobs" >"$kb/build.log" 2>&1 &
	mk=$!
	while kill -0 $mk 2>/dev/null; do
		sleep 30
		n=$(grep -c '^  CC ' "$kb/build.log" || true)
		msg "kunit kernel: $n objects compiled, $(( $(date +%s) - start ))s elapsed"
	done
	if ! wait $mk; then
		tail -n 40 "$kb/build.log" >&2
		die "kunit kernel build failed (log: $kb/build.log)"
	fi
	msg "kunit kernel: built in $(( $(date +%s) - start ))s"
	touch "$kb/.done"
fi
printf '%s\n' "$kb"
