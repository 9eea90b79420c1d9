#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Assemble a busybox initramfs for a test guest.
#
# usage: mkinitramfs.sh OUT.cpio.gz KVER MODROOT RUNSCRIPT [FILE...]
#   KVER/MODROOT  kernel release and the root holding lib/modules/KVER of the
#                 guest kernel ("-" when the kernel has everything built in)
#   RUNSCRIPT     becomes /opt/run.sh; run by /init
#   FILE          .ko files go to /opt/modules (with their dependencies from
#                 MODROOT resolved), executables to /opt/bin (with their shared
#                 libraries), anything else to /opt
# Environment: AIOT_GUEST_MODS="m1 m2": Debian modules to include with deps.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1 kver=$2 modroot=$3 run=$4
shift 4

st=$(mktemp -d)
trap 'rm -rf "$st"' EXIT
mkdir -p "$st"/{bin,sbin,dev,proc,sys,tmp,opt/bin,opt/modules,lib,lib64,etc}

bb=$(command -v busybox)
file -L "$bb" 2>/dev/null | grep -q 'statically linked' ||
	{ echo "busybox is not static: apt-get install busybox-static" >&2; exit 1; }
cp "$bb" "$st/bin/busybox"
# busybox --list names busybox itself: linking it over itself loops at exec.
for a in $("$bb" --list); do
	[ "$a" = busybox ] || ln -s busybox "$st/bin/$a"
done
cp "$here/init.sh" "$st/init"
cp "$run" "$st/opt/run.sh"
chmod +x "$st/init" "$st/opt/run.sh"
cp "$here/guest-lib.sh" "$st/opt/guest-lib.sh"

# Debian modules the guest needs, with their dependencies.
if [ "$modroot" != - ]; then
	mkdir -p "$st/lib/modules/$kver"
	for m in $AIOT_GUEST_MODS; do
		modprobe -d "$modroot" -S "$kver" --show-depends "$m" 2>/dev/null |
			awk '$1 == "insmod" { print $2 }'
	done | sort -u | while read -r ko; do
		rel=${ko#"$modroot"}
		mkdir -p "$st/$(dirname "$rel")"
		cp "$ko" "$st/$rel"
	done
	cp "$modroot/lib/modules/$kver/modules.order" "$modroot/lib/modules/$kver/modules.builtin"* \
		"$st/lib/modules/$kver/" 2>/dev/null || true
	depmod -b "$st" "$kver"
fi

for f in "$@"; do
	case "$f" in
	*.ko)
		cp "$f" "$st/opt/modules/" ;;
	*)
		if [ -x "$f" ] && file -L "$f" | grep -q ELF; then
			cp "$f" "$st/opt/bin/"
			# the binary's shared libraries and the dynamic loader
			ldd "$f" 2>/dev/null | awk '/=>/ { print $3 } /^\t\// { print $1 }' |
				while read -r lib; do
					[ -f "$lib" ] || continue
					mkdir -p "$st$(dirname "$lib")"
					cp -L "$lib" "$st$lib"
				done
		else
			cp "$f" "$st/opt/"
		fi ;;
	esac
done

(cd "$st" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) | gzip -1 >"$out"
