# SPDX-License-Identifier: GPL-2.0
# KUnit guest: load the product module, then each test module; KUnit runs a
# module's suites as it loads. KTAP goes to the console; the host collects it.
. /opt/guest-lib.sh
check module_loads insmod /opt/modules/aiot.ko
run_tap nltest aiot-nltest
# the simulated front end, and the guest test that drives it (under KASAN)
check hwsim_loads insmod /opt/modules/aiot_hwsim.ko readers=0
run_tap hwsim aiot-hwsim-test
for t in /opt/modules/*_test.ko; do
	[ -e "$t" ] || continue
	check "load_$(basename "$t" .ko)" insmod "$t"
done
for t in /opt/modules/*_test.ko; do
	[ -e "$t" ] || continue
	check "unload_$(basename "$t" .ko)" rmmod "$(basename "$t" .ko)"
done
check hwsim_unloads rmmod aiot_hwsim
check module_unloads rmmod aiot
