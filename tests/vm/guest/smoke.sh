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
# aiotctl on the real family: the kernel's extack message, exit statuses
aiotctl reader show 4242 2>/tmp/err
check aiotctl_missing_reader_exit_1 test $? = 1
check aiotctl_prints_extack grep -q 'no reader with this index' /tmp/err
check aiotctl_stats_no_reader test "$(aiotctl -j stats)" = "[]"
aiotctl secctx set 0 device perm:a107 k-enc 00 2>/tmp/err
check aiotctl_bad_key_exit_2 test $? = 2
# the simulated front end: one reader per the module parameter, then the
# end-to-end guest test over both families
check hwsim_loads insmod /opt/modules/aiot_hwsim.ko readers=2
check hwsim_readers_at_load test "$(ls /sys/devices/platform/aiot_hwsim/aiot 2>/dev/null | wc -l)" = 2
check aiotctl_reader_list sh -c "aiotctl -j reader list | grep -q '\"reader_name\":\"aiot[0-9]'"
check aiotctl_stats_drivers sh -c "aiotctl stats 0 | grep -q '^sec_driver_cmac '"
check aiotctl_reader_set aiotctl reader set 0 port 0
out=$(aiotctl -j inventory start 0 max-empty 2 watch)
check aiotctl_inventory_watch sh -c "echo '$out' | grep -q '\"message\":\"inventory-done\"'"
run_tap hwsim aiot-hwsim-test
check hwsim_unloads rmmod aiot_hwsim
check hwsim_readers_gone test "$(ls /sys/class/aiot | wc -l)" = 0
check module_unloads rmmod aiot
check module_gone test ! -e /sys/module/aiot
aiotctl info 2>/tmp/err
check family_gone_exit_3 test $? = 3
check family_gone_says_why grep -q 'not registered' /tmp/err
