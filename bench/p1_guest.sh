# SPDX-License-Identifier: GPL-2.0
# Benchmark P1 guest (bench/p1_sec.sh): the kernel side and the OpenSSL
# side in the same guest, alternately, P1_ROUNDS times, so that a slow
# moment of the host does not fall on one side only.  Every line goes to
# the result channel.
. /opt/guest-lib.sh
P1_ROUNDS=3
# the AES-NI driver first, so that the crypto API picks it for aiot.ko
for m in aesni_intel $(modinfo -F depends /opt/modules/aiot.ko | tr , ' ') \
	$(modinfo -F softdep /opt/modules/aiot.ko | sed -n 's/^pre: *//p'); do
	modprobe "$m" 2>/dev/null
done
if grep -qw aes /proc/cpuinfo; then pass p1_cpu_has_aesni; else fail p1_cpu_has_aesni; fi
check p1_aiot_loads insmod /opt/modules/aiot.ko
round=1
while [ $round -le $P1_ROUNDS ]; do
	dmesg -c >/dev/null
	check "p1_kernel_bench_round_$round" insmod /opt/modules/aiot_sec_bench.ko
	dmesg | sed -n 's/.*\(BENCH_P1 .*\)/\1/p' >$R
	rmmod aiot_sec_bench
	/opt/bin/p1_sec_user >/tmp/user.out
	check "p1_openssl_bench_round_$round" test $? = 0
	cat /tmp/user.out >$R
	round=$((round + 1))
done
echo "BENCH_P1 uname $(uname -r)" >$R
echo "BENCH_P1 cpu $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)" >$R
check p1_aiot_unloads rmmod aiot
