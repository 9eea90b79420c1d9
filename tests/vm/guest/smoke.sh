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
# the attacks of Documentation/security-profiles.rst, profile normative
run_tap attack aiot-attack-test
# aiotctl hwsim on a reader of its own: medium, population, faults
idx=$(aiotctl hwsim reader add | sed -n 's/^reader_index //p')
check aiotctl_hwsim_reader_add test -n "$idx"
check aiotctl_hwsim_reader_list sh -c "aiotctl -j hwsim reader list | grep -q '\"reader_index\":$idx,'"
check aiotctl_hwsim_medium aiotctl hwsim medium "$idx" ber-ppm 0 capture on paced off seed 7
check aiotctl_hwsim_medium_shown sh -c \
	"aiotctl -j hwsim reader show $idx | grep -q '\"ber_ppm\":0,\"capture\":1,\"paced\":0,\"seed\":7,'"
check aiotctl_hwsim_add_devices aiotctl hwsim add-devices "$idx" count 20 id b2000000 bits 32 seed 01
check aiotctl_hwsim_devices_20 test \
	"$(aiotctl -j hwsim devices "$idx" | grep -o '"message":"get-device"' | wc -l)" = 20
# the capture of the air (debugfs monitor), decoded by aiotctl
check aiotctl_hwsim_capture_start aiotctl hwsim capture "$idx" start
aiotctl inventory start "$idx" max-empty 2 watch >/dev/null
aiotctl -j hwsim capture "$idx" show >/tmp/cap
check aiotctl_hwsim_capture_show test $? = 0
check aiotctl_hwsim_capture_paging grep -q '"link":"R2D",.*"type":"paging"' /tmp/cap
check aiotctl_hwsim_capture_msg3 grep -q \
	'"link":"D2R",.*"type":"msg3",.*"nas":"inventory-response","nas_id":"perm:b20000[01][0-9a-f]/32"' /tmp/cap
check aiotctl_hwsim_capture_all_decode sh -c "! grep -q '\"error\"' /tmp/cap"
check aiotctl_hwsim_capture_text sh -c \
	"aiotctl hwsim capture $idx show | head -n 1 | grep -q '^# ring 4096 captured [1-9][0-9]* overwritten 0$'"
check aiotctl_hwsim_capture_stop aiotctl hwsim capture "$idx" stop
check aiotctl_hwsim_capture_stopped test \
	"$(aiotctl hwsim capture "$idx" show)" = "# ring 0 captured 0 overwritten 0"
check aiotctl_hwsim_fault_drop aiotctl hwsim fault "$idx" drop 1
aiotctl inventory start "$idx" max-empty 2 watch >/dev/null
check aiotctl_hwsim_fault_dropped sh -c "aiotctl -j hwsim reader show $idx | grep -q '\"dropped\":1,'"
check aiotctl_hwsim_fault_drop_msg3 aiotctl hwsim fault "$idx" drop-msg3 1
aiotctl inventory start "$idx" max-empty 2 watch >/dev/null
check aiotctl_hwsim_fault_msg3_dropped sh -c "aiotctl -j hwsim reader show $idx | grep -q '\"dropped\":2,'"
check aiotctl_hwsim_kill_energy aiotctl hwsim fault "$idx" kill-energy b2000005
check aiotctl_hwsim_no_energy test \
	"$(aiotctl -j hwsim devices "$idx" | grep -o '"state":"no-energy"' | wc -l)" = 1
aiotctl hwsim fault "$idx" kill-energy ffffffff 2>/tmp/err
check aiotctl_hwsim_kill_unknown_exit_1 test $? = 1
check aiotctl_hwsim_clear_devices aiotctl hwsim clear-devices "$idx"
check aiotctl_hwsim_reader_del aiotctl hwsim reader del "$idx"
aiotctl hwsim reader show "$idx" 2>/tmp/err
check aiotctl_hwsim_gone_extack grep -q 'no simulated reader with this index' /tmp/err
check hwsim_unloads rmmod aiot_hwsim
check hwsim_readers_gone test "$(ls /sys/class/aiot | wc -l)" = 0
check module_unloads rmmod aiot
check module_gone test ! -e /sys/module/aiot
aiotctl info 2>/tmp/err
check family_gone_exit_3 test $? = 3
check family_gone_says_why grep -q 'not registered' /tmp/err
