# SPDX-License-Identifier: GPL-2.0
# End-to-end guest test (Documentation/testing.rst, "End to end"): aiot.ko and
# aiot_hwsim.ko in Debian's kernel, aiot-bridge on both netlink families'
# events, aiotf-sim as the AIOTF over a real SCTP association on loopback.
#
#  1. reliability: an authenticated inventory of 1,000 devices during which
#     the AIOTF cuts the association and the bridge is SIGKILLed and
#     restarted: the AIOTF ends with every device exactly once;
#  2. 990 devices whose keys the ADM holds are authenticated and exactly the
#     10 with other keys are rejected;
#  3. Read, Write and Disable round trips, relay and offload mode;
#  4. each integrity-failure policy of seed 000 gives its own outcome;
#  5. bad input from the AIOTF: each refused message gets an Error Indication
#     with its cause and is logged, the bridge reconnects after a header it
#     cannot parse, and no journaled report is lost;
#  6. solution-9 (Documentation/security-profiles.rst): 20 devices of that
#     profile beside the normative ones, each authenticated on its own by
#     protected ID, one by T-ID, a 9 Command Request Write read back, a bad
#     MAC and a policy below the device's floor getting its integrity-failure
#     policy; an Inventory Request paging with a NAS container reaches the
#     reader, and one with both RAND_N and NAS, or neither, is refused;
#  7. solution-y: 20 devices of that profile (default configuration: mutual
#     authentication, counter with resync, paging MAC, commands ciphered),
#     each accessed on its own with the NRES exchange by T-ID, then all at
#     once by a group paging found by KID; a Write read back in relay mode,
#     a Read in offload mode, a bad MAC getting the device's integrity-
#     failure policy, a desynchronised counter repaired by one resync, and a
#     second command in one session refused by the AIOTF.
. /opt/guest-lib.sh

SEED=5eed0000000000000000000000000001
OTHER=0bad0000000000000000000000000002
AP=sctp:127.0.0.1
J=/tmp/journal.db

load_deps /opt/modules/aiot.ko
check e2e_aiot_loads insmod /opt/modules/aiot.ko
check e2e_hwsim_loads insmod /opt/modules/aiot_hwsim.ko readers=1
check e2e_sctp_loads load_sctp
ifconfig lo 127.0.0.1 up

# 990 devices from the seed the ADM knows, 10 from one it does not
aiotctl hwsim add-devices 0 count 990 id a1000000 bits 32 seed $SEED >/dev/null
check e2e_population_known test $? = 0
aiotctl hwsim add-devices 0 count 10 id a2000000 bits 32 seed $OTHER >/dev/null
check e2e_population_unknown test $? = 0
# 20 solution-9 devices (default configuration), the same seed; an AS
# indication with the cause on an integrity failure, one of them silent
aiotctl hwsim add-devices 0 count 20 id a9000000 bits 32 seed $SEED profile 2 policy 2 >/dev/null
check e2e_population_solution9 test $? = 0
aiotctl hwsim set-device 0 id a9000007 bits 32 policy 0 >/dev/null
aiotctl hwsim set-device 0 id a1000005 bits 32 mem 48656c6c6f2c20412d496f5421 >/dev/null
aiotctl hwsim set-device 0 id a1000010 bits 32 policy 0 >/dev/null
aiotctl hwsim set-device 0 id a1000011 bits 32 policy 1 >/dev/null
aiotctl hwsim set-device 0 id a1000012 bits 32 policy 2 >/dev/null

bridge() {
	aiot-bridge -a $AP -J $J -g gw-e2e -v 2>>/tmp/bridge.log &
	BRIDGE=$!
}

dump_logs() {
	{
		echo "=== $1: aiotf-sim stderr"
		tail -n 40 /tmp/$1.err
		echo "=== $1: aiotf-sim summary"
		tail -n 40 /tmp/$1.out
		echo "=== bridge log (tail)"
		tail -n 60 /tmp/bridge.log
	} >$R
}

# ---- 1: cut link and SIGKILL in the middle of an inventory ------------------
# Paced in real time at 10x the default data rates, the inventory takes a few
# seconds, long enough to kill the bridge while it runs.
aiotctl reader set 0 r2d-rate 100000 d2r-rate 100000 >/dev/null
aiotctl hwsim medium 0 paced on >/dev/null
check e2e_paced test $? = 0
cat >/tmp/reliability.scn <<EOF
seed $SEED
timeout 180
cut-link after 150
inventory 0 expect 990 reject 10
EOF
aiotf-sim run /tmp/reliability.scn --listen $AP -j >/tmp/reliability.out 2>/tmp/reliability.err &
SIM=$!
sleep 0.5
bridge
# SIGKILL the bridge once the AIOTF has 400 reports of this inventory
i=0
until grep -Eq 'inventory [0-9a-f]+: ([4-9][0-9][0-9]|[0-9]{4,}) reports' /tmp/reliability.err ||
	[ $i -ge 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
check e2e_inventory_under_way_before_kill test $i -lt 600
kill -9 $BRIDGE
wait $BRIDGE 2>/dev/null
echo "--- bridge SIGKILLed" >>/tmp/bridge.log
sleep 1
bridge
wait $SIM
rc=$?
[ $rc = 0 ] || dump_logs reliability
{
	echo "=== reliability: what happened"
	grep -E 'cut-link|progress' /tmp/reliability.err | tail -n 8
	grep -E 'link (up|down)|SIGKILL|running it again|ended' /tmp/bridge.log | sed 's/^aiot-bridge\[[0-9.]*\] //'
	grep -o '"duplicates_suppressed":[0-9]*\|"associations":[0-9]*\|"cut_at":[0-9]*' /tmp/reliability.out
} >$R
check e2e_reliability_scenario_passes test $rc = 0
check e2e_link_was_cut grep -q 'cut' /tmp/reliability.err
check e2e_bridge_resumed grep -q 'running it again' /tmp/bridge.log
check e2e_every_report_once grep -q '"duplicate_devices":0' /tmp/reliability.out
check e2e_reliability_990_authenticated grep -q '"authenticated":990' /tmp/reliability.out
aiotctl hwsim medium 0 paced off >/dev/null

# ---- 2-4: authentication, commands, integrity-failure policies ----------------
cat >/tmp/functional.scn <<EOF
seed $SEED
timeout 120
inventory 0 expect 990 reject 10
read a1000005 0 13 expect 48656c6c6f2c20412d496f5421
write a1000005 0 4c696e7578
read a1000005 0 5 expect 4c696e7578
write a1000006 0 0102 offload
read a1000006 0 2 offload expect 0102
read a1000010 0 4 bad-mac outcome no-response
read a1000011 0 4 bad-mac outcome as-indication cause none
read a1000012 0 4 bad-mac outcome as-indication cause 1
disable a1000007
read a1000007 0 4 outcome no-response
EOF
aiotf-sim run /tmp/functional.scn --listen $AP -j >/tmp/functional.out 2>/tmp/functional.err &
SIM=$!
wait $SIM
rc=$?
[ $rc = 0 ] || dump_logs functional
check e2e_functional_scenario_passes test $rc = 0
check e2e_990_authenticated grep -q '"authenticated":990' /tmp/functional.out
# exactly the ten devices of the other population are rejected
grep -o '"failed_devices":\[[^]]*\]' /tmp/functional.out | grep -o 'a2[0-9a-f]*' | sort >/tmp/rej
seq 0 9 | while read -r n; do printf 'a200000%x\n' "$n"; done >/tmp/rej.want
check e2e_exactly_the_10_rejected cmp -s /tmp/rej /tmp/rej.want

# ---- a request the reader refuses: its result, journaled, with the reason --
cat >/tmp/refused.scn <<EOF
seed $SEED
timeout 60
inventory 7 expect 0
EOF
aiotf-sim run /tmp/refused.scn --listen $AP -j >/tmp/refused.out 2>/tmp/refused.err
check e2e_refused_request_is_not_met test $? = 1
check e2e_refused_request_ends_failed grep -q '"end_cause":"failed"' /tmp/refused.out
check e2e_refused_request_says_why grep -q '"diag":"no reader with this index' /tmp/refused.out
grep -q '"diag":"no reader with this index' /tmp/refused.out || cat /tmp/refused.out /tmp/refused.err >$R

# ---- aiotctl's own offload commands, keys from the AIOTF ---------------------
RAND=$(aiotf-sim rand | awk '{ print $2 }')
aiotctl -j inventory start 0 rand "$RAND" target perm:a1000020/32 watch >/tmp/inv.json
aiotf-sim verify --seed $SEED --rand "$RAND" /tmp/inv.json >/tmp/verify.txt
check e2e_aiotctl_target_inventory grep -q '^1 devices: 1 authenticated' /tmp/verify.txt
RAND_D=$(awk '$2 == "a1000020" { print $5 }' /tmp/verify.txt)
K=$(aiotf-sim request --seed $SEED --rand "$RAND" --device a1000020 --rand-d "$RAND_D" --keys \
	read 0 4 | awk '/^k_aiotf/ { print $2 }')
aiotctl command write 0 device perm:a1000020/32 0 c0ffee k-aiotf "$K" >/tmp/w.txt
check e2e_aiotctl_command_write grep -q 'cmd_sec verified' /tmp/w.txt
aiotctl -j command read 0 device perm:a1000020/32 0 3 k-aiotf "$K" >/tmp/r.json
check e2e_aiotctl_command_read_back grep -q '"cmd_sec":"verified".*c0ffee\|c0ffee.*"cmd_sec":"verified"' /tmp/r.json
[ -s /tmp/r.json ] || cat /tmp/w.txt /tmp/verify.txt >$R

# ---- 5: bad input from the AIOTF ----------------------------------------------
# Messages written out octet by octet (Documentation/aiot-ap.rst, "Message
# format"), txn 0bad00000000000N, between short inventories of the devices
# the ADM has keys for: each refused one gets an Error Indication with its
# txn and is logged, a Report Ack of no report is taken silently, a length
# field below 16 makes the bridge reconnect, and nothing journaled is lost.
cat >/tmp/badinput.scn <<EOF
seed $SEED
timeout 30
inventory 0 expect 50 max-devices 50 filter a1/8
# version 2: an Inventory Request, READER 0, RAND_N
inject 02030000 00000024 0bad000000000001 0003000400000000 000400080102030405060708 expect-cause unsupported-version
# type 200
inject 01c80000 00000010 0bad000000000002 expect-cause unknown-message-type
# an Inventory Request whose RAND_N (8 octets) overruns the message by 4
inject 01030000 00000020 0bad000000000003 0003000400000000 0004000801020304 expect-cause malformed-message
inventory 0 expect 50 max-devices 50 filter a1/8
# a Command Request: READER, TARGET_TYPE permanent, TARGET a1000005/32, no NAS
inject 01060000 0000002b 0bad000000000004 0003000400000000 0005000101 00060004a1000005 000700020020 expect-cause missing-mandatory-ie
# a Setup Response with no Setup open
inject 01020000 00000010 0bad000000000005 expect-cause unexpected-message
# a Report Ack of a report id the journal never had
inject 01090000 0000001c 0bad000000000006 000a00080bad0000000000ff expect-cause none
# a header whose length is 3: the stream cannot be parsed
inject 01030000 00000003 0bad000000000007 expect-cause reconnect
inventory 0 expect 50 max-devices 50 filter a1/8
EOF
L0=$(wc -l </tmp/bridge.log)
aiotf-sim run /tmp/badinput.scn --listen $AP -j >/tmp/badinput.out 2>/tmp/badinput.err
rc=$?
[ $rc = 0 ] || dump_logs badinput
# what the bridge logged meanwhile
BL=/tmp/bridge.badinput.log
tail -n +$((L0 + 1)) /tmp/bridge.log >$BL
{
	echo "=== bad input: the bridge's warnings"
	grep 'warning:' $BL | sed 's/^aiot-bridge\[[0-9.]*\] //'
} >$R
# the step of injected txn $1, from the one-line JSON summary
inject_step() {
	grep -o '{"step":[^{}]*}' /tmp/badinput.out | grep "\"txn\":\"0bad00000000000$1\""
}
answered() {
	inject_step "$1" | grep -q "\"answered\":true,\"cause\":\"$2\",\"bad_type\":$3,\"diag\":\"[^\"]"
}
check e2e_badinput_scenario_passes test $rc = 0
check e2e_badinput_unsupported_version answered 1 unsupported-version 3
check e2e_badinput_unknown_message_type answered 2 unknown-message-type 200
check e2e_badinput_malformed_message answered 3 malformed-message 3
check e2e_badinput_missing_mandatory_ie answered 4 missing-mandatory-ie 6
check e2e_badinput_unexpected_message answered 5 unexpected-message 2
check e2e_badinput_report_ack_taken_silently eval 'inject_step 6 | grep -q "\"answered\":false"'
check e2e_badinput_reconnected eval 'inject_step 7 | grep -q "\"reconnected\":true" &&
	grep -q "\"associations\":2," /tmp/badinput.out'
check e2e_badinput_inventories_complete test "$(grep -o '"authenticated":50,' /tmp/badinput.out | wc -l)" = 3
check e2e_badinput_no_stray_or_repeated_report \
	grep -q '"duplicates_suppressed":0,"stray_reports":0,' /tmp/badinput.out
check e2e_badinput_bridge_warns_unsupported_version \
	grep -q 'warning: error indication to the AIOTF: unsupported-version .*txn 0bad000000000001' $BL
check e2e_badinput_bridge_warns_unknown_message_type \
	grep -q 'warning: error indication to the AIOTF: unknown-message-type .*txn 0bad000000000002' $BL
check e2e_badinput_bridge_warns_malformed_message \
	grep -q 'warning: error indication to the AIOTF: malformed-message .*txn 0bad000000000003' $BL
check e2e_badinput_bridge_warns_missing_mandatory_ie \
	grep -q 'warning: error indication to the AIOTF: missing-mandatory-ie .*txn 0bad000000000004' $BL
check e2e_badinput_bridge_warns_unexpected_message \
	grep -q 'warning: error indication to the AIOTF: unexpected-message .*txn 0bad000000000005' $BL
check e2e_badinput_bridge_warns_unparsable_stream \
	grep -q "warning: the AIOTF's stream cannot be parsed" $BL

# ---- 6: solution-9 -------------------------------------------------------------
# The normative step of "filter a9/8" pages no normative device (the
# solution-9 ones ignore a paging without RAND_n and a protected ID or
# T-ID); each of the 20 is then paged by its protected ID, a fresh NN each.
cat >/tmp/sol9.scn <<EOF
seed $SEED
timeout 120
population a9000000 count 20 profile solution-9
inventory 0 filter a9/8 expect 20
inventory 0 target a9000003 tid expect 1
write a9000005 0 53392d6532652d64617461
read a9000005 0 11 expect 53392d6532652d64617461
read a9000005 0 4 bad-mac outcome as-indication cause 1
read a9000007 0 4 bad-mac attempts 1 outcome no-response
# clear ID, no ciphering, no integrity: below the device's floor
write a9000005 0 0000 policy 00 outcome as-indication cause 1
read a9000005 0 4 expect 53392d65
# an Inventory Request paging with a NAS container (a Y Paging Request)
inject 01030000 00000027 0bad000000000011 0003000400000000 000b000b006000 1112131415161718 expect-cause none
# with RAND_N too; with neither
inject 01030000 00000033 0bad000000000012 0003000400000000 000b000b0060001112131415161718 000400080102030405060708 expect-cause malformed-message
inject 01030000 00000018 0bad000000000013 0003000400000000 expect-cause missing-mandatory-ie
EOF
L0=$(wc -l </tmp/bridge.log)
aiotf-sim run /tmp/sol9.scn --listen $AP -j >/tmp/sol9.out 2>/tmp/sol9.err
rc=$?
[ $rc = 0 ] || dump_logs sol9
BL=/tmp/bridge.sol9.log
tail -n +$((L0 + 1)) /tmp/bridge.log >$BL
{
	echo "=== solution-9: authentications, command outcomes"
	grep -o '"by":"[a-z-]*","txn":"[0-9a-f]*","nn":"[0-9a-f]*","result":"[a-z-]*"' /tmp/sol9.out |
		sed 's/"txn":"[0-9a-f]*","nn":"[0-9a-f]*",//' | sort | uniq -c
	grep -o '"device":"a9[0-9a-f]*","reader":[0-9]*,"profile":"solution-9"[^{}]*"outcome":"[a-z-]*","as_cause":[0-9a-z]*' \
		/tmp/sol9.out | sed 's/"reader".*"outcome"/"outcome"/'
} >$R
# a command step of the one-line JSON summary, by its line in the scenario
sol9_step() {
	grep -o '{"step":[^{}]*}' /tmp/sol9.out | grep "\"line\":$1,"
}
auths() {	# how many authentications by $1 ended $2
	grep -o "\"by\":\"$1\",\"txn\":\"[0-9a-f]\{16\}\",\"nn\":\"[0-9a-f]\{16\}\",\"result\":\"$2\"" \
		/tmp/sol9.out | grep -c .
}
check e2e_sol9_scenario_passes test $rc = 0
check e2e_sol9_20_authenticated_each_by_protected_id eval \
	'[ "$(auths protected-id authenticated)" = 20 ] &&
	grep -q "\"authenticated\":20,\"failed\":0,\"failed_devices\":\[\]" /tmp/sol9.out'
check e2e_sol9_authenticated_by_tid eval '[ "$(auths t-id authenticated)" = 1 ]'
check e2e_sol9_nothing_not_found_or_malformed eval \
	'[ "$(grep -o "\"not_found\":0,\"not_found_devices\":\[\]" /tmp/sol9.out | grep -c .)" = 2 ] &&
	[ "$(grep -o "\"malformed\":0," /tmp/sol9.out | grep -c .)" = 2 ]'
check e2e_sol9_write_then_read_back eval \
	'sol9_step 6 | grep -q "\"profile\":\"solution-9\",\"mode\":\"relay\",\"policy\":\"15\".*\"nas_verdict\":\"ok\",\"nas_type\":83,\"status\":\"success\"" &&
	sol9_step 7 | grep -q "\"nas_verdict\":\"ok\",\"nas_type\":81,\"status\":\"success\",\"data\":\"53392d6532652d64617461\""'
check e2e_sol9_bad_mac_gets_the_devices_policy eval \
	'sol9_step 8 | grep -q "\"bad_mac\":true.*\"outcome\":\"as-indication\",\"as_cause\":1," &&
	sol9_step 9 | grep -q "\"outcome\":\"no-response\",\"as_cause\":null,"'
check e2e_sol9_policy_below_floor_refused_not_executed eval \
	'sol9_step 11 | grep -q "\"policy\":\"00\".*\"outcome\":\"as-indication\",\"as_cause\":1," &&
	sol9_step 12 | grep -q "\"data\":\"53392d65\""'
check e2e_sol9_nas_paging_reaches_the_reader \
	grep -q 'txn 0bad000000000011: inventory on reader 0 ended (complete), 0 devices reported' $BL
check e2e_sol9_rand_and_nas_refused eval \
	'grep -o "{\"step\":[^{}]*}" /tmp/sol9.out | grep "\"txn\":\"0bad000000000012\"" |
	grep -q "\"answered\":true,\"cause\":\"malformed-message\",\"bad_type\":3," &&
	grep -q "warning: error indication to the AIOTF: malformed-message .*txn 0bad000000000012" $BL'
check e2e_sol9_neither_refused eval \
	'grep -o "{\"step\":[^{}]*}" /tmp/sol9.out | grep "\"txn\":\"0bad000000000013\"" |
	grep -q "\"answered\":true,\"cause\":\"missing-mandatory-ie\",\"bad_type\":3,"'

# ---- 7: solution-y -------------------------------------------------------------
# Added only now: a Y Paging Request without a PID (step 6's injection) is a
# group paging every solution-y device would answer.
aiotctl hwsim add-devices 0 count 20 id a8000000 bits 32 seed $SEED profile 1 policy 2 >/dev/null
check e2e_population_solutiony test $? = 0
cat >/tmp/soly.scn <<EOF
seed $SEED
timeout 120
population a8000000 count 20 profile solution-y
inventory 0 filter a8/8 expect 20
write a8000005 0 53592d6532652d64617461
inventory 0 target a8000005 expect 1
read a8000005 0 11 expect 53592d6532652d64617461
inventory 0 filter a8/8 group expect 20
read a8000006 0 4 offload
inventory 0 target a8000005 expect 1
read a8000005 0 4 bad-mac outcome as-indication cause 1
EOF
L0=$(wc -l </tmp/bridge.log)
aiotf-sim run /tmp/soly.scn --listen $AP -j >/tmp/soly.out 2>/tmp/soly.err
rc=$?
[ $rc = 0 ] || dump_logs soly
BL=/tmp/bridge.soly.log
tail -n +$((L0 + 1)) /tmp/bridge.log >$BL
soly_step() {
	grep -o '{"step":[^{}]*' /tmp/soly.out | grep "\"line\":$1,"
}
yauths() {	# how many solution-y authentications by $1 ended authenticated after NRES
	grep -o "\"profile\":\"solution-y\",\"by\":\"$1\",[^{}]*\"result\":\"authenticated\"[^{}]*" \
		/tmp/soly.out | grep '"nres":true' | grep -c .
}
check e2e_soly_scenario_passes test $rc = 0
check e2e_soly_20_accessed_each_with_nres eval \
	'[ "$(yauths y-paging)" = 22 ] &&
	grep -q "\"authenticated\":20,\"failed\":0,\"failed_devices\":\[\]" /tmp/soly.out'
check e2e_soly_group_paging_found_by_kid eval \
	'[ "$(yauths group-kid)" = 20 ] &&
	grep -q "\"group\":{\"txn\":\"[0-9a-f]*\",\"nonce1\":\"[0-9a-f]*\",\"reports\":20,\"unknown\":0,\"ended\":true" /tmp/soly.out'
check e2e_soly_write_then_read_back eval \
	'soly_step 5 | grep -q "\"profile\":\"solution-y\",\"mode\":\"relay\".*\"nas_verdict\":\"ok\",\"nas_type\":83,\"status\":\"success\"" &&
	soly_step 7 | grep -q "\"nas_verdict\":\"ok\",\"nas_type\":81,\"status\":\"success\",\"data\":\"53592d6532652d64617461\""'
check e2e_soly_offload_read eval \
	'soly_step 9 | grep -q "\"mode\":\"offload\".*\"outcome\":\"nas-response\".*\"sec\":\"verified\",\"nas_verdict\":\"ok\""'
check e2e_soly_bad_mac_gets_the_devices_policy eval \
	'soly_step 11 | grep -q "\"bad_mac\":true.*\"outcome\":\"as-indication\",\"as_cause\":1,"'

# a counter out of step: one resync, then the device is authenticated; a
# second command in the session is refused before anything is sent
aiotctl hwsim set-device 0 id a8000003 bits 32 counter 7 >/dev/null
check e2e_soly_counter_desynchronised test $? = 0
cat >/tmp/soly2.scn <<EOF
seed $SEED
timeout 60
population a8000000 count 20 profile solution-y
inventory 0 target a8000003 expect 1
read a8000003 0 4
read a8000003 0 4
EOF
aiotf-sim run /tmp/soly2.scn --listen $AP -j >/tmp/soly2.out 2>/tmp/soly2.err
rc=$?
[ $rc = 1 ] || dump_logs soly2
check e2e_soly_resync_repairs_the_counter eval \
	'grep -o "{\"step\":[^{}]*" /tmp/soly2.out | grep "\"line\":4," |
	grep -q "\"authenticated\":1,\"failed\":0,.*\"resyncs\":1," &&
	grep -q "\"counter\":7,\"resyncs\":1,\"ares_verified\":true,\"nres\":true" /tmp/soly2.out'
check e2e_soly_one_command_round_per_session eval \
	'[ $rc = 1 ] && grep -q "step 3 (line 6, read) did not meet its expectations: solution-y device a8000003: its session served its one command round already (step 2)" /tmp/soly2.err'

kill $BRIDGE
wait $BRIDGE
check e2e_bridge_stops_on_sigterm test $? = 0
# its last word: nothing journaled waits (earlier "link down" lines say the same)
check e2e_journal_empty_at_end eval "grep 'stopping on signal' /tmp/bridge.log | tail -n 1 |
	grep -q '; 0 reports wait in the journal'"
check e2e_hwsim_unloads rmmod aiot_hwsim
check e2e_aiot_unloads rmmod aiot
