# SPDX-License-Identifier: GPL-2.0
# Benchmark P4 guest (bench/p4_hwsim.sh): P4_REPEAT inventories of N
# simulated devices, each on a fresh aiot_hwsim reader, for each N of
# P4_SIZES (both written by the host into /opt/p4_sizes and /opt/p4_repeat),
# after one warm-up inventory of 100 devices whose figures are not kept:
# the first run of each code path also pays QEMU's translation of it.
# Every line goes to the result channel.
. /opt/guest-lib.sh
check p4_deps_load load_deps /opt/modules/aiot.ko
check p4_aiot_loads insmod /opt/modules/aiot.ko
check p4_hwsim_loads insmod /opt/modules/aiot_hwsim.ko readers=0
aiot-hwsim-test scale 100 >/tmp/scale.out 2>&1
check p4_warmup test $? = 0
for n in $(cat /opt/p4_sizes); do
	for r in $(seq "$(cat /opt/p4_repeat)"); do
		aiot-hwsim-test scale "$n" >/tmp/scale.out 2>&1
		check "p4_scale_${n}_$r" test $? = 0
		sed -n 's/^# \(scale .*\)/BENCH_P4 \1/p' /tmp/scale.out >$R
	done
done
echo "BENCH_P4 uname $(uname -r)" >$R
echo "BENCH_P4 cpu $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)" >$R
check p4_hwsim_unloads rmmod aiot_hwsim
check p4_aiot_unloads rmmod aiot
