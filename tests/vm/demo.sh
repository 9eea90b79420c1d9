#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The main job: boot Debian's stock kernel in a QEMU guest with the project's
# module and tools, and show what the subsystem does.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
cd "$top"
tests/deps.sh
mkdir -p build
exec 8>build/.vm.lock
flock 8
kver=${AIOT_DEMO_KVER:-$(for d in /usr/src/linux-headers-6.1.*-amd64; do echo "${d#/usr/src/linux-headers-}"; done | sort -V | tail -n 1)}
kb=build/kmod/$kver
make -s modules KDIR=/usr/src/linux-headers-$kver KBUILD_OUT="$kb" >/dev/null
make -s userspace
read -r vmlinuz modroot < <(stock_kernel "$kver")
out=build/vm/demo
mkdir -p "$out"
AIOT_GUEST_MODS="$(module_deps "$kb"/aiot*.ko) sctp" \
	"$here/mkinitramfs.sh" "$out/initrd.gz" "$kver" "$modroot" "$here/guest/demo.sh" \
	"$kb"/aiot*.ko build/bin/aiotctl build/bin/aiotf-sim build/bin/aiot-bridge
echo "demo: booting Debian's $kver kernel under QEMU (TCG)..."
"$here/run-vm.sh" "$vmlinuz" "$out/initrd.gz" "$out" quiet &
vm=$!
# the guest's output as it comes, up to the end of its script
sleep 1
tail -n +1 -F --pid=$vm "$out/results.log" 2>/dev/null | sed -u 's/\r$//' |
	sed -u -n '/^=== GUEST START/,/^=== RUN_RC/{/^=== RUN_RC/q;/^===/d;p}' || true
wait $vm || true
grep -q '^=== RUN_RC 0' "$out/results.log" || die "the demo failed; see $out/results.log and $out/console.log"
grep -q '^=== VM_DONE' "$out/results.log" || die "the guest did not finish; see $out/console.log"
