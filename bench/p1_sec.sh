#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Benchmark P1: protect + verify (128-NEA2 + 128-NIA2, then MAC check and
# deciphering) of 16, 64 and 125-octet messages, the kernel's security
# engine (kernel/sec.c through the crypto API) against the OpenSSL twin,
# in one guest of Debian's stock kernel with a CPU model that has AES-NI.
#
# usage: bench/p1_sec.sh [KVER]      (default: the newest 6.1 headers)
#
# Prints, per size, "BENCH P1 kernel_vs_openssl_<size> <ratio> ratio"
# (kernel operations per second over OpenSSL's, so above 1 means the kernel
# is faster) and "BENCH P1 kernel_<size> <ns> ns", "BENCH P1
# openssl_<size> <ns> ns"; then, as "# " comments, each round's values, the
# drivers used and the guest.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. tests/vm/lib.sh

kver=${1:-}
if [ -z "$kver" ]; then
	for d in /usr/src/linux-headers-6.1.*-amd64; do
		[ -f "$d/Makefile" ] && kver=${d#/usr/src/linux-headers-}
	done
fi
[ -n "$kver" ] || die "no Debian linux-headers-6.1 for the P1 guest (make deps)"
kb=build/kmod/bench-$kver
out=build/vm/bench-p1-$kver
mkdir -p "$out"
make -s modules KDIR="/usr/src/linux-headers-$kver" KBUILD_OUT="$kb" AIOT_BENCH=1 \
	>"$out/modules.log" 2>&1 || { cat "$out/modules.log" >&2; die "module build failed"; }
make -s build/bench/p1_sec_user >&2 || die "p1_sec_user build failed"
read -r vmlinuz modroot < <(stock_kernel "$kver") || die "stock kernel $kver unavailable"
# aiot.ko's dependencies, its soft ones (the crypto modules) and AES-NI
mods="aesni_intel $(modinfo -F depends "$kb/aiot.ko" | tr ',' ' ')
	$(modinfo -F softdep "$kb/aiot.ko" | sed -n 's/^pre: *//p')"
AIOT_GUEST_MODS="$mods" tests/vm/mkinitramfs.sh "$out/initrd.gz" "$kver" \
	"$modroot" bench/p1_guest.sh "$kb/aiot.ko" "$kb/aiot_sec_bench.ko" \
	build/bench/p1_sec_user || die "initramfs failed"
msg "P1: booting Debian $kver (CPU model ${AIOT_VM_CPU:-max}, TCG)"
tests/vm/run-vm.sh "$vmlinuz" "$out/initrd.gz" "$out" quiet

r=$out/results.log
grep '^RESULT ' "$r" | sed 's/^/# /'
grep -q '^=== VM_DONE' "$r" || die "the P1 guest did not finish; see $out/console.log"
# the median over the rounds of each round's median
ns() {
	awk -v side="$1" -v size="$2" '$1 == "BENCH_P1" && $2 == side && $3 == size { print $4 }' "$r" |
		sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}
ns_all() {
	awk -v side="$1" -v size="$2" '$1 == "BENCH_P1" && $2 == side && $3 == size { print $4 }' "$r" |
		tr '\n' ' ' | sed 's/ $//'
}
nfail=0
for size in 16 64 125; do
	k=$(ns kernel $size)
	o=$(ns openssl $size)
	if [ -z "$k" ] || [ -z "$o" ]; then
		echo "BENCH P1 kernel_vs_openssl_$size not measured (see $out/console.log)"
		nfail=$((nfail + 1))
		continue
	fi
	echo "BENCH P1 kernel_vs_openssl_$size $(awk -v k="$k" -v o="$o" 'BEGIN { printf "%.2f", o / k }') ratio"
	echo "BENCH P1 kernel_$size $k ns"
	echo "BENCH P1 openssl_$size $o ns"
	echo "# P1 $size octets, ns per round: kernel $(ns_all kernel $size), OpenSSL $(ns_all openssl $size)"
done
sed -n 's/^BENCH_P1 drivers /# P1 kernel drivers: /p' "$r" | sort -u
sed -n 's/^BENCH_P1 openssl_version /# P1 userspace: /p' "$r" | sort -u
sed -n 's/^BENCH_P1 cpu_aes /# P1 AES-NI seen by OpenSSL: /p' "$r" | sort -u
sed -n 's/^BENCH_P1 uname /# P1 guest kernel: /p; s/^BENCH_P1 cpu /# P1 guest CPU: /p' "$r"
echo "# P1 host load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ $nfail = 0 ]
