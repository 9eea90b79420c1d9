# SPDX-License-Identifier: GPL-2.0
# `make demo` guest: the whole gateway on simulated devices. The reader
# subsystem and its simulated front end run in Debian's kernel; aiotf-sim
# plays the AIOTF and its ADM; aiot-bridge links them over an SCTP
# association (AIoT-AP); aiotctl is the gateway's command line. Everything
# printed here reaches the host's terminal.
exec >/dev/ttyS1 2>&1
. /opt/guest-lib.sh
say() { printf '\n$ %s\n' "$*"; }
run() { say "$@"; "$@"; }
fail() { echo "DEMO FAILED: $*"; exit 1; }

SEED=00112233445566778899aabbccddeeff
N=${DEMO_DEVICES:-200}
DEV=a1070005

echo "# loading the reader subsystem, its simulated front end and SCTP"
load_deps /opt/modules/aiot.ko
insmod /opt/modules/aiot.ko || fail "aiot does not load"
insmod /opt/modules/aiot_hwsim.ko readers=1 || fail "aiot_hwsim does not load"
load_sctp || fail "sctp does not load"
ifconfig lo 127.0.0.1 up
run aiotctl info

echo
echo "# $N simulated devices whose keys the ADM derives from a seed it holds"
echo "# (aiot_hwsim's key rule); device $DEV holds 13 octets of user memory"
run aiotctl hwsim add-devices 0 count "$N" id a1070000 bits 32 seed $SEED || fail "population"
aiotctl hwsim set-device 0 id $DEV bits 32 mem 48656c6c6f2c20412d496f5421 || fail "memory"

cat >/tmp/demo.scn <<SCN
# the AIOTF's plan: authenticate every device, then protected commands
seed $SEED
inventory 0 expect $N
# relay mode: the AIOTF protects (128-NEA2 + 128-NIA2), the gateway relays
read $DEV 0 13 expect 48656c6c6f2c20412d496f5421
write $DEV 0 4c696e7578
read $DEV 0 5 expect 4c696e7578
# offload mode: the AIOTF hands over K_AIOTF, the gateway's kernel protects
write a1070006 0 4c696e7578 offload
read a1070006 0 5 offload expect 4c696e7578
SCN
echo
echo "# the AIOTF's scenario:"
sed 's/^/    /' /tmp/demo.scn

echo
echo "# starting aiotf-sim (the AIOTF, listening on SCTP) and aiot-bridge (the gateway)"
aiotf-sim run /tmp/demo.scn --listen sctp:127.0.0.1 >/tmp/summary.txt 2>/tmp/progress.txt &
SIM=$!
aiot-bridge -a sctp:127.0.0.1 -J /tmp/journal.db -g demo-gateway 2>/tmp/bridge.log &
BRIDGE=$!
# progress while it runs: what the AIOTF says
shown=0
while kill -0 $SIM 2>/dev/null; do
	n=$(wc -l </tmp/progress.txt)
	if [ "$n" -gt "$shown" ]; then
		sed -n "$((shown + 1)),${n}p" /tmp/progress.txt | sed 's/^/  /'
		shown=$n
	fi
	sleep 0.2
done
wait $SIM
rc=$?
sed -n "$((shown + 1)),\$p" /tmp/progress.txt | sed 's/^/  /'
echo
echo "# summary (aiotf-sim)"
cat /tmp/summary.txt
echo
echo "# the gateway's log (aiot-bridge)"
sed 's/^aiot-bridge\[[0-9.]*\] /  /' /tmp/bridge.log | tail -n 15
kill $BRIDGE
wait $BRIDGE
run aiotctl stats 0
rmmod aiot_hwsim
rmmod aiot
[ $rc = 0 ] || fail "the scenario did not meet its expectations (aiotf-sim exit $rc)"
echo
echo "DEMO OK"
