#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Benchmark P4: inventories of 10^2 .. 10^5 simulated devices (aiot_hwsim)
# through the real inventory engine, in one guest of Debian's stock kernel:
# wall time against modelled air time, devices per second, memory per
# device (Documentation/performance.rst).
#
# usage: bench/p4_hwsim.sh [KVER]    (default: the newest 6.12 headers)
# P4_SIZES (default "100 1000 10000 100000").
#
# Prints per size "BENCH P4 wall_over_air_<n> <percent> %", "BENCH P4
# devices_per_s_wall_<n> <value> devices/s", "BENCH P4
# devices_per_s_air_<n> <value> devices/s" and "BENCH P4 bytes_per_device_<n>
# <value> B"; the guest's lines as comments.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. tests/vm/lib.sh

kver=${1:-$(newest_headers)} || die "no Debian linux-headers (make deps)"
kb=build/kmod/$kver
out=build/vm/bench-p4-$kver
mkdir -p "$out"
# the module build tree and the guest logs are the harness's: one at a time
exec 8>build/.vm.lock
flock -n 8 || { msg "waiting for another guest run in this tree to finish"; flock 8; }
make -s modules KDIR="/usr/src/linux-headers-$kver" KBUILD_OUT="$kb" \
	>"$out/modules.log" 2>&1 || { cat "$out/modules.log" >&2; die "module build failed"; }
make -s build/bin/aiot-hwsim-test >&2 || die "aiot-hwsim-test build failed"
read -r vmlinuz modroot < <(stock_kernel "$kver") || die "stock kernel $kver unavailable"
echo "${P4_SIZES:-100 1000 10000 100000}" >"$out/p4_sizes"
AIOT_GUEST_MODS="$(module_deps "$kb/aiot.ko")" tests/vm/mkinitramfs.sh "$out/initrd.gz" \
	"$kver" "$modroot" bench/p4_guest.sh "$kb/aiot.ko" "$kb/aiot_hwsim.ko" \
	build/bin/aiot-hwsim-test "$out/p4_sizes" || die "initramfs failed"
msg "P4: booting Debian $kver (TCG)"
AIOT_VM_TIMEOUT=${AIOT_VM_TIMEOUT:-1800} tests/vm/run-vm.sh "$vmlinuz" "$out/initrd.gz" "$out" quiet
flock -u 8

r=$out/results.log
grep '^RESULT ' "$r" | sed 's/^/# /'
grep -q '^=== VM_DONE' "$r" || die "the P4 guest did not finish; see $out/console.log"
sed -n 's/^BENCH_P4 /# P4 /p' "$r"
awk '$1 == "BENCH_P4" && $2 == "scale" && $4 == "inventory" {
	n = $3; sub(":", "", n)
	printf "BENCH P4 wall_over_air_%s %s %%\n", n, substr($12, 1, length($12) - 2)
	printf "BENCH P4 devices_per_s_wall_%s %s devices/s\n", n, $13
	printf "BENCH P4 devices_per_s_air_%s %s devices/s\n", n, $16
}
$1 == "BENCH_P4" && $2 == "scale" && $4 == "add" {
	n = $3; sub(":", "", n); b = $10; sub("[(]", "", b)
	printf "BENCH P4 bytes_per_device_%s %s B\n", n, b
}' "$r"
echo "# P4 host load average: $(cut -d' ' -f1-3 /proc/loadavg)"
! grep -q '^RESULT FAIL' "$r"
