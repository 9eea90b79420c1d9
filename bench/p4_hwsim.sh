#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Benchmark P4: inventories of 10^2 .. 10^5 simulated devices (aiot_hwsim)
# through the real inventory engine, in one guest of Debian's stock kernel:
# wall time against modelled air time, devices per second, memory per
# device (Documentation/performance.rst).
#
# usage: bench/p4_hwsim.sh [KVER]    (default: the newest 6.12 headers)
# P4_SIZES (default "100 1000 10000 100000"), P4_REPEAT runs of each
# (default 3), after one warm-up run.
#
# Prints per size the median over the runs of "BENCH P4 wall_over_air_<n>
# <percent> %", "BENCH P4 devices_per_s_wall_<n> <value> devices/s", "BENCH
# P4 devices_per_s_air_<n> <value> devices/s" and "BENCH P4
# bytes_per_device_<n> <value> B", with the runs' minimum and maximum; then
# "BENCH P4 devices_per_s_wall_spread <max/min of the medians>"; the guest's
# lines as comments.
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
echo "${P4_REPEAT:-3}" >"$out/p4_repeat"
AIOT_GUEST_MODS="$(module_deps "$kb/aiot.ko")" tests/vm/mkinitramfs.sh "$out/initrd.gz" \
	"$kver" "$modroot" bench/p4_guest.sh "$kb/aiot.ko" "$kb/aiot_hwsim.ko" \
	build/bin/aiot-hwsim-test "$out/p4_sizes" "$out/p4_repeat" || die "initramfs failed"
msg "P4: booting Debian $kver (TCG)"
AIOT_VM_TIMEOUT=${AIOT_VM_TIMEOUT:-1800} tests/vm/run-vm.sh "$vmlinuz" "$out/initrd.gz" "$out" quiet
flock -u 8

r=$out/results.log
grep '^RESULT ' "$r" | sed 's/^/# /'
grep -q '^=== VM_DONE' "$r" || die "the P4 guest did not finish; see $out/console.log"
sed -n 's/^BENCH_P4 /# P4 /p' "$r"
python3 - "$r" <<'EOF'
import re, statistics, sys
runs = {}
def entry(n):
    return runs.setdefault(n, {"wall_over_air": [], "wall": [], "air": [], "mem": []})
for line in open(sys.argv[1]):
    m = re.match(r"BENCH_P4 scale (\d+): inventory wall \S+ s, air \S+ s, "
                 r"wall/air ([\d.]+)%, (\d+) devices/s wall, ([\d.]+) devices/s air", line)
    if m:
        e = entry(int(m[1]))
        e["wall_over_air"].append(float(m[2]))
        e["wall"].append(float(m[3]))
        e["air"].append(float(m[4]))
    m = re.match(r"BENCH_P4 scale (\d+): add .*\(([-\d]+) B/device\)", line)
    if m:
        entry(int(m[1]))["mem"].append(float(m[2]))
med = {}
for n in sorted(runs):
    e = runs[n]
    for name, key, unit, fmt in (("wall_over_air", "wall_over_air", "%", "%.2f"),
                                 ("devices_per_s_wall", "wall", "devices/s", "%.0f"),
                                 ("devices_per_s_air", "air", "devices/s", "%.1f"),
                                 ("bytes_per_device", "mem", "B", "%.0f")):
        v = e[key]
        if v:
            print(f"BENCH P4 {name}_{n} {fmt % statistics.median(v)} {unit}"
                  f" (median of {len(v)}, {fmt % min(v)} to {fmt % max(v)})")
    if e["wall"]:
        med[n] = statistics.median(e["wall"])
if len(med) > 1:
    print("BENCH P4 devices_per_s_wall_spread %.2f (max/min of the medians;"
          " within +-20 %% of their midpoint when at most 1.50)"
          % (max(med.values()) / min(med.values())))
EOF
echo "# P4 host load average: $(cut -d' ' -f1-3 /proc/loadavg)"
! grep -q '^RESULT FAIL' "$r"
