# SPDX-License-Identifier: GPL-2.0
# `make demo` guest: a real inventory and protected commands on simulated
# devices. The reader subsystem and its simulated front end run in Debian's
# kernel; aiotf-sim plays the AIOTF and its ADM; aiotctl is the gateway's
# command line. Everything printed here reaches the host's terminal.
exec >/dev/ttyS1 2>&1
. /opt/guest-lib.sh
say() { printf '\n$ %s\n' "$*"; }
run() { say "$@"; "$@"; }
fail() { echo "DEMO FAILED: $*"; exit 1; }

load_deps /opt/modules/aiot.ko
run insmod /opt/modules/aiot.ko || fail "aiot does not load"
run insmod /opt/modules/aiot_hwsim.ko readers=1 || fail "aiot_hwsim does not load"
run aiotctl info
run ls /sys/class/aiot
run aiotctl reader show 0

SEED=00112233445566778899aabbccddeeff
DEV=a1070005
echo
echo "# 50 simulated devices with keys from a seed the ADM knows (aiot_hwsim's key rule);"
echo "# device $DEV holds 13 octets of user memory"
run aiotctl hwsim add-devices 0 count 50 id a1070000 bits 32 seed $SEED || fail "population"
run aiotctl hwsim set-device 0 id $DEV bits 32 mem 48656c6c6f2c20412d496f5421 || fail "memory"

inventory() {
	RAND=$(aiotf-sim rand | awk '{print $2}')
	echo
	echo "# the AIOTF draws RAND_n = $RAND and asks for an inventory of every device"
	say aiotctl -j inventory start 0 rand "$RAND" watch
	aiotctl -j inventory start 0 rand "$RAND" watch >/tmp/inv.json || fail "inventory"
	grep '"inventory-done"' /tmp/inv.json
	say aiotf-sim verify --seed $SEED --rand "$RAND" '<' reports
	aiotf-sim verify --seed $SEED --rand "$RAND" /tmp/inv.json >/tmp/verify.txt
	rc=$?
	tail -n 1 /tmp/verify.txt
	[ $rc = 0 ] || fail "not every device authenticated"
	RAND_D=$(awk -v d=$DEV '$2 == d { print $5 }' /tmp/verify.txt)
	[ -n "$RAND_D" ] || fail "device $DEV was not read"
	echo "device $DEV authenticated, RAND_d $RAND_D"
}

inventory
echo
echo "# relay mode: the AIOTF protects a Read Request (128-NEA2 + 128-NIA2 under"
echo "# K_Command_enc/int from K_AIOTF); the gateway relays it untouched"
say aiotf-sim request ... read 0 13
REQ=$(aiotf-sim request --seed $SEED --rand "$RAND" --device $DEV --rand-d "$RAND_D" read 0 13 |
	awk '/^protected/ { print $2 }')
echo "protected $REQ"
run aiotctl command send 0 device perm:$DEV nas "$REQ" | tee /tmp/cmd.txt
RSP=$(awk '$1 == "nas" { print $2 }' /tmp/cmd.txt)
grep -q 'cmd_outcome nas-response' /tmp/cmd.txt || fail "no NAS response"
say aiotf-sim response ... "$RSP"
aiotf-sim response --seed $SEED --rand "$RAND" --device $DEV --rand-d "$RAND_D" "$RSP" ||
	fail "the AIOTF did not verify the response"

inventory
echo
echo "# offload mode: the AIOTF hands the gateway K_AIOTF of this session (write-only),"
echo "# the kernel protects the plain Write Request and verifies the response"
OUT=$(aiotf-sim request --seed $SEED --rand "$RAND" --device $DEV --rand-d "$RAND_D" --keys \
	write 0 4c696e7578)
K=$(echo "$OUT" | awk '/^k_aiotf/ { print $2 }')
PLAIN=$(echo "$OUT" | awk '/^plain/ { print $2 }')
say aiotctl command send 0 device perm:$DEV nas "$PLAIN" k-aiotf '<K_AIOTF>'
aiotctl command send 0 device perm:$DEV nas "$PLAIN" k-aiotf "$K" | tee /tmp/cmd.txt
grep -q 'cmd_sec verified' /tmp/cmd.txt || fail "the gateway did not verify the response"

inventory
REQ=$(aiotf-sim request --seed $SEED --rand "$RAND" --device $DEV --rand-d "$RAND_D" read 0 13 |
	awk '/^protected/ { print $2 }')
echo
echo "# reading back what offload mode wrote (relay mode again)"
aiotctl command send 0 device perm:$DEV nas "$REQ" >/tmp/cmd.txt || fail "command"
RSP=$(awk '$1 == "nas" { print $2 }' /tmp/cmd.txt)
aiotf-sim response --seed $SEED --rand "$RAND" --device $DEV --rand-d "$RAND_D" "$RSP" |
	tee /tmp/rsp.txt
grep -q '^data 4c696e7578' /tmp/rsp.txt || fail "the write did not land"
echo "(4c696e7578 is \"Linux\": written in offload mode, read back in relay mode)"

run aiotctl stats 0
run rmmod aiot_hwsim
run rmmod aiot
echo
echo "DEMO OK"
