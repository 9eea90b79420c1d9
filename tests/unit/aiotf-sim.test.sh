#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of aiotf-sim on the host: the ADM's key rule against an
# independent Python computation of aiot_hwsim's documented rule; requests
# whose MAC-I is recomputed with `aiotctl crypto` from the derived keys; a
# response sealed by hand (aiotctl crypto) verified and decoded, and a
# tampered one refused.
top=$(cd "$(dirname "$0")/../.." && pwd)
F=$top/build/bin/aiotf-sim
A=$top/build/bin/aiotctl
make -s -C "$top" userspace >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 aiotf-sim builds"; exit 1; }
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n $1"; else echo "not ok $n $1"; fi; }
echo "1..8"

SEED=00112233445566778899aabbccddeeff
DEV=a1070001
RAND=0102030405060708
RAND_D=1111111111111111
k=$("$F" key --seed $SEED --device $DEV | awk '{print $2}')
want=$(/usr/bin/python3 -c "
import hmac, hashlib
print(hmac.new(bytes.fromhex('$SEED'), b'aiot-hwsim-key' + bytes([32]) + bytes.fromhex('$DEV'),
               hashlib.sha256).hexdigest()[:32])")
ok "K_AIoT_root follows the documented key rule" "[ '$k' = '$want' ]"
k12=$("$F" key --seed $SEED --device a107/12 | awk '{print $2}')
want12=$(/usr/bin/python3 -c "
import hmac, hashlib
print(hmac.new(bytes.fromhex('$SEED'), b'aiot-hwsim-key' + bytes([12]) + bytes.fromhex('a107'),
               hashlib.sha256).hexdigest()[:32])")
ok "the identity length is part of the rule (12-bit ID)" "[ '$k12' = '$want12' ] && [ '$k12' != '$k' ]"

kaiotf=$("$A" crypto kaiotf -k "$k" -n $RAND -r $RAND_D)
kint=$("$A" crypto kcmd -k "$kaiotf" | awk '/K_Command_int/ {print $2}')
out=$("$F" request --seed $SEED --rand $RAND --device $DEV --rand-d $RAND_D --integrity-only \
	write 1 abcd)
plain=$(echo "$out" | awk '/^plain/ {print $2}')
prot=$(echo "$out" | awk '/^protected/ {print $2}')
ok "a Write Request, plain" "[ '$plain' = 00520001abcd ]"
mac=$("$A" crypto nia2 -k "$kint" -c 0 -b 0 -d 1 "${prot:0:12}")
ok "integrity only: SHT 1, body in clear, MAC-I = NIA2(K_Command_int, downlink)" \
	"[ '${prot:0:12}' = 01520001abcd ] && [ '${prot:12}' = '$mac' ]"
prot=$("$F" request --seed $SEED --rand $RAND --device $DEV --rand-d $RAND_D read 4 6 |
	awk '/^protected/ {print $2}')
mac=$("$A" crypto nia2 -k "$kint" -c 0 -b 0 -d 1 "${prot:0:12}")
ok "ciphered: SHT 2, body not in clear, MAC-I over the ciphertext" \
	"[ '${prot:0:2}' = 02 ] && [ '${prot:2:10}' != 5000040006 ] && [ '${prot:12}' = '$mac' ]"

rsp=015300
rmac=$("$A" crypto nia2 -k "$kint" -c 0 -b 0 -d 0 $rsp)
out=$("$F" response --seed $SEED --rand $RAND --device $DEV --rand-d $RAND_D $rsp$rmac)
rc=$?
ok "a response sealed by hand (uplink) is verified and decoded" \
	"[ $rc = 0 ] && echo '$out' | grep -q 'type 0x53' && echo '$out' | grep -q 'verdict ok'"
bad=015301$rmac
"$F" response --seed $SEED --rand $RAND --device $DEV --rand-d $RAND_D $bad >/dev/null
rc=$?
ok "a tampered response fails with status 1" "[ $rc = 1 ]"
out=$("$F" response --seed $SEED --rand $RAND --device $DEV --rand-d $RAND_D $bad)
ok "and is reported as an integrity failure" "echo '$out' | grep -q 'verdict integrity-failure'"
