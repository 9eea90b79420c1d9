# SPDX-License-Identifier: GPL-2.0
# Stock-guest smoke test: the module loads into Debian's kernel, the family
# resolves from userspace, and the module unloads cleanly.
. /opt/guest-lib.sh

check module_deps_load load_deps /opt/modules/aiot.ko
check module_loads insmod /opt/modules/aiot.ko
check sysfs_module_live test "$(cat /sys/module/aiot/initstate 2>/dev/null)" = live
out=$(aiotctl info)
check family_resolves test $? = 0
check info_reports_version sh -c "echo '$out' | grep -q '^version [0-9]'"
run_tap nltest aiot-nltest
json=$(aiotctl -j info)
check info_json sh -c "echo '$json' | grep -q '\"family\": *\"aiot\"'"
# the simulated front end: one reader per the module parameter, then the
# end-to-end guest test over both families
check hwsim_loads insmod /opt/modules/aiot_hwsim.ko readers=2
check hwsim_readers_at_load test "$(ls /sys/devices/platform/aiot_hwsim/aiot 2>/dev/null | wc -l)" = 2
run_tap hwsim aiot-hwsim-test
check hwsim_unloads rmmod aiot_hwsim
check hwsim_readers_gone test "$(ls /sys/class/aiot | wc -l)" = 0
check module_unloads rmmod aiot
check module_gone test ! -e /sys/module/aiot
aiotctl info 2>/tmp/err
check family_gone_exit_3 test $? = 3
check family_gone_says_why grep -q 'not registered' /tmp/err
