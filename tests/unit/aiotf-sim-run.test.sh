#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of `aiotf-sim run` on the host: the AIOTF side of AIoT-AP against
# a fake gateway (aiotf-sim-gw.py, Python standard library, TCP on
# 127.0.0.1, a free port). The gateway computes real Inventory Responses by
# aiot_hwsim's key rule, cuts the link, sends a report again, sends
# malformed, unknown and unexpected messages, reports a device twice, never
# ends an inventory, answers Command Requests it checked with
# `aiotctl crypto nia2`, and answers injected octets with Error Indications
# (or silently, or by reconnecting); the checks here read aiotf-sim's
# summary, its JSON and its exit status. Scenario syntax errors: exit 2 with FILE:LINE.
top=$(cd "$(dirname "$0")/../.." && pwd)
F=$top/build/bin/aiotf-sim
GW=$top/tests/unit/aiotf-sim-gw.py
export AIOTCTL=$top/build/bin/aiotctl
make -s -C "$top" userspace >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 aiotf-sim builds"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n $1"; else echo "not ok $n $1"; fi; }
# jq-like, one Python for many questions: j FILE EXPR... sets V[i] to the
# value of the i-th Python expression on the document d
j() {
	mapfile -t V < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for e in sys.argv[2:]:
    print(eval(e))' "$@" 2>/dev/null)
}
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

SEED=00112233445566778899aabbccddeeff
KEY=$(python3 -c 'import os; print(os.urandom(16).hex())')

# play NAME MODE SCENARIO [ARGS]: aiotf-sim against the fake gateway;
# $tmp/NAME.{out,err,gw}, $rc, $port; the gateway's checks become TAP lines
# unless QUIET is set
play() {
	local name=$1 mode=$2 scn=$3 pid line
	shift 3
	port=$(free_port)
	timeout 120 "$F" run "$scn" --listen "tcp:127.0.0.1:$port" "$@" \
		>"$tmp/$name.out" 2>"$tmp/$name.err" &
	pid=$!
	timeout 120 python3 "$GW" "$mode" "$port" $SEED "$KEY" >"$tmp/$name.gw" 2>>"$tmp/$name.err"
	wait $pid
	rc=$?
	[ -n "$QUIET" ] && return
	while read -r line; do
		case $line in
		PASS*) n=$((n + 1)); echo "ok $n gateway ($mode): ${line#PASS }" ;;
		FAIL*) n=$((n + 1)); echo "not ok $n gateway ($mode): ${line#FAIL }" ;;
		esac
	done <"$tmp/$name.gw"
}

cat >"$tmp/main.scn" <<EOF
# one inventory against the fake gateway; --listen wins over this line
listen tcp:127.0.0.1:1
seed $SEED
key b2000010/28 $KEY
timeout 20
wait-gateway
inventory 3 expect 6 reject 1 max-devices 100
EOF
play main main "$tmp/main.scn" -j
j "$tmp/main.out" 'd["ok"]' \
	'[d["steps"][1][k] for k in ("reports", "devices", "authenticated", "failed", "failed_devices")]' \
	'[d["steps"][1]["duplicates_suppressed"], d["duplicates_suppressed"], d["steps"][1]["duplicate_devices"]]' \
	'[d["steps"][1][k] for k in ("end_cause", "gateway_devices", "air_us", "slots", "collisions")]' \
	'[d["associations"], d["steps"][1]["reconnects"], d["error_indications_sent"], d["gateway_id"], d["journal_epoch"]]'
ok "main: exit 0, every step met" "[ $rc = 0 ] && [ '${V[0]}' = True ]"
ok "main: listening on the --listen address, not the file's" \
	"grep -qx 'aiotf-sim: listening on tcp:127.0.0.1:$port' $tmp/main.err"
ok "main: 7 devices, 6 authenticated (one by its own key), a1070003 failed" \
	"[ \"\${V[1]}\" = \"[7, 7, 6, 1, ['a1070003']]\" ]"
ok "main: the report sent again is suppressed, no device twice" "[ '${V[2]}' = '[1, 1, 0]' ]"
ok "main: end cause, gateway count and air time from INVENTORY_END" \
	"[ \"\${V[3]}\" = \"['complete', 7, 12345, 64, 3]\" ]"
ok "main: three associations, two during the inventory; six error indications sent" \
	"[ \"\${V[4]}\" = \"[3, 2, 6, 'fake-gw', 7]\" ]"
ok "main: the progress line, in its documented format" \
	"grep -Eq '^aiotf-sim: progress: step 2 inventory [0-9a-f]{16}: 7 reports, 6 authenticated, 1 failed, 1 duplicates suppressed\$' $tmp/main.err"
ok "main: the malformed message is logged" "grep -q 'malformed-message' $tmp/main.err"

QUIET=1 play text main "$tmp/main.scn"
T=$tmp/text.out
ok "text summary: exit 0 and the gateway's checks pass again" \
	"[ $rc = 0 ] && ! grep -q '^FAIL' $tmp/text.gw && grep -q '^PASS' $tmp/text.gw"
ok "text summary: authenticated, failed with its id, duplicates" \
	"grep -q '^  authenticated          6 (6 expected)\$' $T && grep -q '^  failed                 1: a1070003\$' $T && grep -q '^  duplicates suppressed  1\$' $T && grep -q '^  duplicate devices      0\$' $T"
ok "text summary: end cause, air time, software time, result" \
	"grep -q '^  end cause              complete (the gateway counted 7 devices)\$' $T && grep -q '^  air time               12.345 ms (64 slots, 3 collisions)\$' $T && grep -q '^  software time          [0-9.]* s\$' $T && grep -q '^result: all 2 steps met their expectations\$' $T"

cat >"$tmp/faults.scn" <<EOF
seed $SEED
timeout 20
cut-link after 2
inventory 0 expect 4
inventory 0 expect 2
timeout 1
inventory 0
read a10700ff 0 4
EOF
play faults faults "$tmp/faults.scn" -j
dups=$(awk '$1 == "INFO" && $2 == "cut-dups" { print $3 }' "$tmp/faults.gw")
j "$tmp/faults.out" 'd["ok"]' \
	'[d["steps"][0][k] for k in ("met", "cut_at", "reports", "devices", "authenticated", "duplicates_suppressed", "reconnects")]' \
	'[d["steps"][1][k] for k in ("met", "duplicate_devices", "duplicate_device_ids", "devices")]' \
	'[d["steps"][2][k] for k in ("met", "timed_out", "why")]' \
	'[d["steps"][3][k] for k in ("met", "no_session", "txn")]'
ok "faults: exit 1" "[ $rc = 1 ] && [ '${V[0]}' = False ]"
ok "cut-link: the link cut after 2 reports, all 4 devices once, the resent ones suppressed" \
	"[ '${V[1]}' = '[True, 2, 4, 4, 4, ${dups:-x}, 1]' ]"
ok "a device reported twice in one inventory: a protocol violation, step not met" \
	"[ \"\${V[2]}\" = \"[False, 1, ['a1070000'], 2]\" ]"
ok "an inventory that never ends times out, in its step's timeout" \
	"[ \"\${V[3]}\" = \"[False, True, 'no INVENTORY_END within 1 s (0 reports)']\" ]"
ok "a command to a device no inventory authenticated: no session" "[ '${V[4]}' = '[False, True, None]' ]"
ok "faults: each unmet step said in a sentence on stderr" \
	"grep -q '^aiotf-sim: step 3 (line 7, inventory) did not meet its expectations: no INVENTORY_END within 1 s' $tmp/faults.err && [ \$(grep -c 'did not meet its expectations' $tmp/faults.err) = 3 ]"

cat >"$tmp/commands.scn" <<EOF
seed $SEED
timeout 20
inventory 2 expect 2
read a1070001 0 4 expect 48656c6c
write a1070001 2 abcd integrity-only
read a1070001 0 4 bad-mac outcome as-indication cause 1
read a1070001 0 4 offload attempts 3 expect 41424344
disable a1070002 status invalid
read a1070002 0 4
EOF
play commands commands "$tmp/commands.scn" -j
j "$tmp/commands.out" '[s["met"] for s in d["steps"]]' \
	'[d["steps"][1][k] for k in ("mode", "outcome", "nas_verdict", "status", "data")]' \
	'[d["steps"][3][k] for k in ("outcome", "as_cause", "nas_verdict")]' \
	'[d["steps"][4][k] for k in ("mode", "sec", "nas_verdict", "data")]' \
	'd["steps"][5]["status"]' \
	'[d["steps"][6][k] for k in ("nas_verdict", "why")]'
ok "commands: exit 1, only the last step (a response with a wrong MAC-I) not met" \
	"[ $rc = 1 ] && [ '${V[0]}' = '[True, True, True, True, True, True, False]' ]"
ok "relay read: the response verified and opened here, data read" \
	"[ \"\${V[1]}\" = \"['relay', 'nas-response', 'ok', 'success', '48656c6c']\" ]"
ok "bad-mac: outcome as-indication, AS cause 1" "[ \"\${V[2]}\" = \"['as-indication', 1, 'none']\" ]"
ok "offload: the gateway verified it (SEC), the plain response taken" \
	"[ \"\${V[3]}\" = \"['offload', 'verified', 'ok', '41424344']\" ]"
ok "disable: the status the scenario expected" "[ '${V[4]}' = invalid ]"
ok "a response with a wrong MAC-I: integrity-failure" \
	"[ \"\${V[5]}\" = \"['integrity-failure', \\\"the NAS response's verdict is integrity-failure\\\"]\" ]"

# solution-9: populations, one authentication per device, 9 Command Requests;
# the fake gateway plays the devices (Documentation/security-profiles.rst)
cat >"$tmp/sol9.scn" <<EOF
seed $SEED
timeout 20
population a9070000 count 4 profile solution-9
population a9080000 count 1 profile solution-9 config 114
inventory 2 expect 2 reject 1 filter a907/16
inventory 2 target a9070003 tid expect 1
inventory 2 target a9070000 tid expect 0 reject 1
inventory 2 target a9080000 expect 1
inventory 2 target a9070002
read a9070000 0 4 expect 48656c6c
write a9070000 2 abcd
read a9070000 0 4 bad-mac outcome as-indication cause 1
read a9070003 0 4 policy 0e
read a9080000 0 4 expect 41424344
read a9070003 0 4
EOF
play sol9 sol9 "$tmp/sol9.scn" -j
j "$tmp/sol9.out" '[s["met"] for s in d["steps"]]' \
	'[d["steps"][0][k] for k in ("solution9_devices", "reports", "devices", "authenticated", "failed", "failed_devices", "not_found", "not_found_devices", "malformed")]' \
	'[(a["device"], a["by"], a["result"], a["why"], a["reports"], a["end_cause"], len(a["nn"]), a["dn"] is not None) for a in d["steps"][0]["authentications"]]' \
	'[d["steps"][0][k] is not None for k in ("txn", "rand_n")] + [d["steps"][0]["ended"], d["steps"][0]["gateway_devices"]]' \
	'[(s["txn"], s["ended"], [(a["by"], a["result"], a["why"]) for a in s["authentications"]]) for s in d["steps"][1:4]]' \
	'[d["steps"][4][k] for k in ("malformed", "not_found", "why")] + [d["steps"][4]["authentications"][0]["result"]]' \
	'[d["steps"][5][k] for k in ("profile", "mode", "policy", "outcome", "nas_verdict", "status", "data")] + [len(d["steps"][5]["nn"])]' \
	'[d["steps"][7][k] for k in ("outcome", "as_cause", "bad_mac")] + [d["steps"][8][k] for k in ("policy", "outcome", "nas_verdict")]' \
	'[d["steps"][9][k] for k in ("reader", "policy", "nas_verdict", "data")]' \
	'[d["steps"][10][k] for k in ("nas_verdict", "why")]'
ok "sol9: exit 1, only the malformed answer and the weaker response not met" \
	"[ $rc = 1 ] && [ '${V[0]}' = '[True, True, True, True, False, True, True, True, True, True, False]' ]"
ok "sol9: a filtered step pages 4 solution-9 devices one by one: 2 authenticated, a9070001 failed, a9070002 not found" \
	"[ \"\${V[1]}\" = \"[4, 3, 3, 2, 1, ['a9070001'], 1, ['a9070002'], 0]\" ]"
ok "sol9: each authentication in the JSON, by protected ID, with its result and why" \
	"[ \"\${V[2]}\" = \"[('a9070000', 'protected-id', 'authenticated', None, 1, 'complete', 16, True), ('a9070001', 'protected-id', 'failed', 'MAC* does not verify', 1, 'complete', 16, True), ('a9070002', 'protected-id', 'not-found', None, 0, 'complete', 16, False), ('a9070003', 'protected-id', 'authenticated', None, 1, 'complete', 16, True)]\" ]"
ok "sol9: the filtered step's normative request: its txn, RAND_n and end" \
	"[ \"\${V[3]}\" = \"[True, True, True, 0]\" ]"
ok "sol9: a target that is a solution-9 device: no normative request; T-ID* verified, a wrong one refused; the clear-ID policy's MAC*" \
	"[ \"\${V[4]}\" = \"[(None, None, [('t-id', 'authenticated', None)]), (None, None, [('t-id', 'failed', 'T-ID* does not verify')]), (None, None, [('protected-id', 'authenticated', None)])]\" ]"
ok "sol9: an Inventory Response to an authentication is malformed" \
	"[ \"\${V[5]}\" = \"[1, 0, \\\"1 answers to study profile authentications did not carry the profile's answer (9 Authentication Response, Y Access Response, Y Protected Identity)\\\", 'malformed']\" ]"
ok "sol9: a Read under the device's policy: opened, its data" \
	"[ \"\${V[6]}\" = \"['solution-9', 'relay', '15', 'nas-response', 'ok', 'success', '48656c6c', 16]\" ]"
ok "sol9: bad-mac gets the device's policy; a policy below its floor expects no NAS response" \
	"[ \"\${V[7]}\" = \"['as-indication', 1, True, '0e', 'no-response', 'none']\" ]"
ok "sol9: a clear-ID policy device read on the reader of its authentication" \
	"[ \"\${V[8]}\" = \"[2, '14', 'ok', '41424344']\" ]"
ok "sol9: a response under a weaker policy than the request's is refused" \
	"[ \"\${V[9]}\" = \"['weaker-policy', \\\"the NAS response's verdict is weaker-policy\\\"]\" ]"
QUIET=1 play sol9text sol9 "$tmp/sol9.scn"
T=$tmp/sol9text.out
ok "sol9, text summary: the solution-9 line, failed and not found, the command heads" \
	"grep -q '^  study profiles         4 solution-9 of 4 paged by protected ID, 0 solution-y of 0: 1 not found: a9070002\$' $T && grep -q '^  failed                 1: a9070001\$' $T && grep -q '^step 8, line 12: read a9070000 (solution-9, policy 15, bad MAC), txn [0-9a-f]*\$' $T && grep -q '^step 2, line 6: inventory on reader 2\$' $T"

# inject: raw octets to the gateway, its Error Indication checked; the first
# one is sent once the gateway is set up (no wait-gateway before it)
cat >"$tmp/inject.scn" <<EOF
timeout 5
inject 02030000 00000010 000000000000a001 expect-cause unsupported-version
inject 01c8000000000010000000000000a002 expect-cause unknown-message-type
inject 0103000000000010000000000000a004 expect-cause missing-mandatory-ie
inject 010900000000001c000000000000a005 000a0008ffffffffffffffff expect-cause none
inject 0102000000000010000000000000a006 expect-cause none
timeout 1
inject 010900000000001c000000000000a007000a00080000000000000001 expect-cause unexpected-message
timeout 5
inject 0103000000000003000000000000a008 expect-cause reconnect
inject 0103000000000003000000000000a009 expect-cause malformed-message
inject 0106000000000010000000000000a00a
EOF
play inject inject "$tmp/inject.scn" -j
j "$tmp/inject.out" '[s["met"] for s in d["steps"]]' \
	'[d["steps"][0][k] for k in ("kind", "txn", "octets", "injected", "expect_cause", "sent", "answered", "cause", "bad_type", "diag")]' \
	'[d["steps"][1][k] for k in ("cause", "bad_type")] + [d["error_indications_received"]]' \
	'd["steps"][2]["why"]' \
	'[d["steps"][3][k] for k in ("answered", "cause", "bad_type", "diag", "timed_out", "association_closed")] + [1.9e6 < d["steps"][3]["wall_us"] < 4e6]' \
	'd["steps"][4]["why"]' \
	'[d["steps"][5][k] for k in ("timed_out", "why")]' \
	'[d["steps"][6][k] for k in ("expect_cause", "answered", "association_closed", "reconnected", "reconnects", "why")]' \
	'[d["steps"][7][k] for k in ("association_closed", "reconnected", "why")]' \
	'[d["steps"][8][k] for k in ("expect_cause", "cause", "bad_type")] + [d["associations"]]'
ok "inject: exit 1, exactly the steps whose answer differs not met" \
	"[ $rc = 1 ] && [ '${V[0]}' = '[True, True, False, True, False, False, True, False, True]' ]"
ok "inject: the HEX words joined, sent once the gateway is set up; cause, BAD_TYPE, DIAG recorded" \
	"[ \"\${V[1]}\" = \"['inject', '000000000000a001', 16, '0203000000000010000000000000a001', 'unsupported-version', True, True, 'unsupported-version', 3, 'fake-gw refused type 3']\" ]"
ok "inject: only the Error Indication with the injected txn answers the step" \
	"[ \"\${V[2]}\" = \"['unknown-message-type', 200, 6]\" ]"
ok "inject: another cause than the one expected: not met" \
	"[ '${V[3]}' = 'Error Indication cause malformed-message, missing-mandatory-ie expected' ]"
ok "inject: expect-cause none, taken silently: met after 2 s without an answer" \
	"[ '${V[4]}' = '[False, None, None, None, False, False, True]' ]"
ok "inject: expect-cause none, but an answer came: not met" \
	"[ '${V[5]}' = 'an Error Indication for txn 000000000000a006 came, cause unexpected-message; none expected' ]"
ok "inject: no answer within the step's timeout: not met" \
	"[ \"\${V[6]}\" = \"[True, 'no Error Indication for txn 000000000000a007 within 1 s']\" ]"
ok "inject: expect-cause reconnect: the gateway closed the association and set up again" \
	"[ \"\${V[7]}\" = \"['reconnect', False, True, True, 1, None]\" ]"
ok "inject: the association closed instead of an answer: not met" \
	"[ \"\${V[8]}\" = \"[True, False, 'the association closed without an Error Indication for txn 000000000000a009']\" ]"
ok "inject: without expect-cause any cause meets it, after waiting for the gateway" \
	"[ \"\${V[9]}\" = \"[None, 'missing-mandatory-ie', 6, 3]\" ]"

QUIET=1 play injtext inject "$tmp/inject.scn"
T=$tmp/injtext.out
ok "inject, text summary: the step, its cause, BAD_TYPE and DIAG" \
	"grep -q '^step 1, line 2: inject of 16 octets (expect-cause unsupported-version), txn 000000000000a001\$' $T && grep -q '^  error indication       unsupported-version about type 3 (inventory-request)\$' $T && grep -q '^  diag                   fake-gw refused type 3\$' $T"
ok "inject, text summary: none, the reconnection, the verdicts" \
	"grep -q '^  error indication       none\$' $T && grep -q '^  association            closed by the gateway, set up again\$' $T && grep -q '^step 9, line 12: inject of 16 octets (expect-cause any), txn 000000000000a00a\$' $T && grep -q '^result: 5 of 9 steps met their expectations\$' $T"

# scenario syntax: exit 2 with FILE:LINE, before listening
syntax() {
	local want=$1 text=$2 out
	printf '%b' "$text" >"$tmp/bad.scn"
	out=$("$F" run "$tmp/bad.scn" 2>&1)
	[ $? = 2 ] && echo "$out" | grep -q "$tmp/bad.scn:$want" && ! echo "$out" | grep -q 'listening on'
}
ok "syntax: an unknown word" "syntax '2: unknown word .frobnicate.' 'seed 00\nfrobnicate 3\n'"
ok "syntax: a number that is not one" "syntax '3: .expect x.: not a number' 'seed 00\n\ninventory 0 expect x\n'"
ok "syntax: a device that is not HEX/BITS" "syntax '2: device .a107/99. is not' 'seed 00\nread a107/99 0 4\n'"
ok "syntax: bad-mac with offload" "syntax '2: bad-mac is for relay mode' 'seed 00\nread a107 0 4 offload bad-mac\n'"
ok "syntax: cause without outcome as-indication" \
	"syntax '2: .cause. goes with outcome as-indication only' 'seed 00\nread a107 0 4 outcome no-response cause 1\n'"
ok "syntax: cut-link with no inventory after it" "syntax '3: cut-link with no inventory' 'seed 00\ninventory 0\ncut-link after 5\n'"
ok "syntax: a command with no key for its device" "syntax '2: read: no key for device a107' 'key a108 00112233445566778899aabbccddeeff\nread a107 0 4\n'"
# a device file (keys FILE): its own errors name it and its line
printf '# ADM provisioning\na107 00112233445566778899aabbccddeeff\n\n0000a108/32 ffeeddccbbaa99887766554433221100\n' >"$tmp/dev.keys"
printf 'a107 0011\n' >"$tmp/short.keys"
ok "syntax: a keys file that is not there" "syntax '1: cannot open the keys file' 'keys $tmp/none.keys\nread a107 0 4\n'"
ok "syntax: a keys file line with a short key" \
	"printf 'keys $tmp/short.keys\ninventory 0\n' >$tmp/k.scn; out=\$(\"$F\" run $tmp/k.scn 2>&1); [ \$? = 2 ] && echo \"\$out\" | grep -q '$tmp/short.keys:1: K_AIoT_root must be 16 octets'"
ok "keys file: its devices have keys (the scenario gets as far as listening)" \
	"printf 'keys $tmp/dev.keys\nread a107 0 4\nread 0000a108/32 0 4\n' >$tmp/k.scn; out=\$(\"$F\" run $tmp/k.scn 2>&1); [ \$? = 2 ] && echo \"\$out\" | grep -q 'no listen line and no --listen' && ! echo \"\$out\" | grep -q 'no key'"
ok "syntax: a bad listen address" "syntax '1: address .udp:x.' 'listen udp:x\nseed 00\ninventory 0\n'"
ok "syntax: inject with no hex" "syntax '2: give inject HEX' 'seed 00\ninject expect-cause none\n'"
ok "syntax: inject of what is not hex" "syntax '1: inject: .01x. is not hex' 'inject 0103 01x\n'"
ok "syntax: inject expecting an unknown cause" "syntax '1: unknown cause .bogus.' 'inject 01 expect-cause bogus\n'"
ok "syntax: a word after expect-cause NAME" "syntax '1: inject: .5. after expect-cause none' 'inject 01 expect-cause none 5\n'"
P9='population a9070000 count 4 profile solution-9'
ok "syntax: a population of no devices" "syntax '1: population: count must be 1' 'population a9 count 0\n'"
ok "syntax: a population without its count" "syntax '1: population: give its count' 'population a9 profile solution-9\n'"
ok "syntax: an unknown profile" "syntax '1: unknown profile .solution-x.' 'population a9 count 1 profile solution-x\n'"
ok "syntax: a configuration for the normative profile" \
	"syntax '1: population: the normative profile has no configuration' 'population a9 count 1 config 1\n'"
ok "syntax: a solution-9 configuration with a reserved ID protection, or beyond FLOOR" \
	"syntax '1: config 3 is not a solution-9 configuration' 'population a9 count 1 profile solution-9 config 3\n' && syntax '1: config 200 is not' 'population a9 count 1 profile solution-9 config 200\n'"
ok "syntax: identities that do not fit their bits" \
	"syntax '1: population: 2 identities from fe/7 do not fit in 7 bits' 'population fe/7 count 2\n'"
ok "syntax: populations that overlap, of any profile" \
	"syntax '2: population: it overlaps the population of line 1' '$P9\npopulation a9070003 count 2\n' && syntax '2: population: it overlaps the population of line 1' '$P9\npopulation a906ffff count 2 profile solution-9\n'"
ok "syntax: tid on a step that pages no solution-9 device" \
	"syntax '3: inventory: tid pages solution-9 devices by T-ID, but this step pages none' 'seed 00\n$P9\ninventory 0 target a9080000 tid\n' && syntax '2: inventory: tid' 'seed 00\ninventory 0 tid\n'"
ok "syntax: policy for a normative device" \
	"syntax '3: read: policy is for solution-9 devices, and no population line makes a9080000 one' 'seed 00\n$P9\nread a9080000 0 4 policy 15\n'"
ok "syntax: offload and integrity-only for a solution-9 device" \
	"syntax '3: read: a9070001 is a solution-9 device, and solution-9 has no offload mode' 'seed 00\n$P9\nread a9070001 0 4 offload\n' && syntax '2: write: integrity-only is the normative profile' 'seed 00\nwrite a9070001 0 00 integrity-only\n$P9\n'"
ok "syntax: bad-mac with a policy that has no MAC" \
	"syntax '3: disable: bad-mac, but policy 05 has no MAC' 'seed 00\n$P9\ndisable a9070001 policy 5 bad-mac\n'"
ok "syntax: a policy with a spare bit or a reserved value" \
	"syntax '1: policy .20. is not a Security Policy octet' 'read a9070001 0 4 policy 20\n' && syntax '1: policy .18. is not' 'read a9070001 0 4 policy 18\n' && syntax '1: policy .0x103. is not' 'read a9070001 0 4 policy 0x103\n'"
PY='population a8170000 count 4 profile solution-y'
ok "syntax: a solution-y configuration as aiot_hwsim checks it (spare bit, RESYNC or PAGING_MAC without REPLAY, CMD_CIPHER without CMD_INT)" \
	"syntax '1: config 40 is not a solution-y configuration' '$PY config 40\n' && syntax '1: config 5 is not' '$PY config 5\n' && syntax '1: config 9 is not' '$PY config 9\n' && syntax '1: config 21 is not' '$PY config 21\n'"
ok "syntax: group with a target, or with no solution-y device" \
	"syntax '3: inventory: group pages all the solution-y devices at once: no target' 'seed 00\n$PY\ninventory 0 group target a8170001\n' && syntax '2: inventory: group pages solution-y devices, but no population' 'seed 00\ninventory 0 group\n'"
ok "syntax: policy and integrity-only for a solution-y device" \
	"syntax '3: read: policy is for solution-9 devices; a8170001 is a solution-y device' 'seed 00\n$PY\nread a8170001 0 4 policy 15\n' && syntax '3: write: integrity-only is the normative profile.s; a8170001 is a solution-y device' 'seed 00\n$PY\nwrite a8170001 0 00 integrity-only\n'"
ok "syntax: bad-mac for a solution-y device whose commands have no MAC" \
	"syntax '3: read: bad-mac, but configuration 3 has no CMD_INT' 'seed 00\n$PY config 3\nread a8170001 0 4 bad-mac\n'"
printf 'seed 00\ninventory 0\n' >"$tmp/nolisten.scn"
"$F" run "$tmp/nolisten.scn" >/dev/null 2>"$tmp/nolisten.err"
ok "usage: no listen address is exit 2" "[ $? = 2 ] && grep -q 'no listen line and no --listen' $tmp/nolisten.err"
echo "1..$n"
