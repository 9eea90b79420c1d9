#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of `aiotctl crypto`: published vectors from the command line
# (EIA2 set 1 at 58 bits, EEA2 set 1 at 253 bits, the KDF regression
# vector), JSON output, and the error sentences and exit statuses of bad
# input.
top=$(cd "$(dirname "$0")/../.." && pwd)
A=$top/build/bin/aiotctl
make -s -C "$top" userspace >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 aiotctl builds"; exit 1; }
n=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n $1"; else echo "not ok $n $1"; fi; }
echo "1..12"

K1=2bd6459f82c5b300952c49104881ff48
out=$("$A" crypto nia2 -k $K1 -c 0x38a6f056 -b 0x18 -d 0 -l 58 3332346263393840)
ok "nia2 reproduces EIA2 set 1 (58 bits)" "[ '$out' = 118c6eb8 ]"

"$A" crypto nia2 -k $K1 -c 0x38a6f056 -b 0x18 -d uplink -l 58 -v 118c6eb8 3332346263393840 >/dev/null
ok "nia2 -v accepts the right MAC-I" "[ $? = 0 ]"

"$A" crypto nia2 -k $K1 -c 0x38a6f056 -b 0x18 -d 0 -l 58 -v 118c6eb9 3332346263393840 \
	>/dev/null 2>"$t/err"
ok "nia2 -v refuses a wrong MAC-I with status 1 and says so" \
	"[ $? = 1 ] && grep -q 'MAC-I mismatch: computed 118c6eb8, given 118c6eb9' $t/err"

out=$("$A" crypto nia2 -k $K1 -c 0x38a6f056 -b 0x18 -d 0 3332346263393840)
ok "LENGTH defaults to every octet (64 bits, another MAC-I)" "[ '$out' != 118c6eb8 ] && [ \${#out} = 8 ]"

out=$("$A" crypto nea2 -k d3c5d592327fb11c4035c6680af8c6d1 -c 0x398a59b4 -b 0x15 -d 1 -l 253 \
	981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0)
ok "nea2 reproduces EEA2 set 1 (253 bits)" \
	"[ '$out' = e9fed8a63d155304d71df20bf3e82214b20ed7dad2f233dc3c22d7bdeeed8e78 ]"

out=$("$A" -j crypto kdf -k 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f -f 0x69 01 02)
ok "kdf -j shows S and the 128-bit key of the regression vector" \
	"echo '$out' | grep -q '\"s\":\"69010001020001\"' && echo '$out' | grep -q '\"key128\":\"ddc7502d98fad8bb623be6b55f253e93\"'"

R=000102030405060708090a0b0c0d0e0f
out=$("$A" crypto res -k $R -n a0a1a2a3a4a5a6a7 -r b0b1b2b3b4b5b6b7)
ok "res: RES_AIOT of the derivation vector" "[ '$out' = 13a6c6ff0629cb28 ]"

kaiotf=$("$A" crypto kaiotf -k $R -n a0a1a2a3a4a5a6a7 -r b0b1b2b3b4b5b6b7)
out=$("$A" -j crypto kcmd -k "$kaiotf")
ok "kaiotf then kcmd give K_Command_enc/int of the derivation vector" \
	"echo '$out' | grep -q '\"k_command_enc\":\"4424e8113413b8bc92ee9df583cdf58e\",\"k_command_int\":\"8c53b72e0bd3050c2331eab2ac47bd4e\"'"

"$A" crypto nia2 -k 2bd6 -c 1 -b 1 -d 0 00 >/dev/null 2>"$t/err"
ok "a short key: status 2 and a sentence" "[ $? = 2 ] && grep -q 'KEY (-k) must be 16 octets of hex' $t/err"

"$A" crypto nia2 -k $K1 -c 1 -b 32 -d 0 00 >/dev/null 2>"$t/err"
ok "BEARER out of range: status 2" "[ $? = 2 ] && grep -q \"BEARER '32' is not a number in 0..31\" $t/err"

"$A" crypto nea2 -k $K1 -c 1 -b 1 -d 0 -l 17 00 >/dev/null 2>"$t/err"
ok "LENGTH longer than the data: status 2" "[ $? = 2 ] && grep -q 'LENGTH 17 bits does not fit' $t/err"

"$A" crypto nia2 -k $K1 -c 1 -b 1 -d 0 0g >/dev/null 2>"$t/err"
ok "non-hex message: status 2" "[ $? = 2 ] && grep -q \"the message '0g' is not hex\" $t/err"
