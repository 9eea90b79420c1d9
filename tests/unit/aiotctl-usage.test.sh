#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of aiotctl's command line for the reader commands, on the host
# (no module here): every malformed word is a usage error (status 2, a
# sentence naming it) found before the kernel is asked; a well-formed
# request without the module is status 3 with the reason.
top=$(cd "$(dirname "$0")/../.." && pwd)
A=$top/build/bin/aiotctl
make -s -C "$top" userspace >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 aiotctl builds"; exit 1; }
n=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
usage() {	# name, expected sentence, arguments...
	local name=$1 want=$2
	shift 2
	n=$((n + 1))
	"$A" "$@" >/dev/null 2>"$t/err"
	local rc=$?
	if [ $rc = 2 ] && grep -q -- "$want" "$t/err"; then
		echo "ok $n $name"
	else
		echo "not ok $n $name (status $rc: $(cat "$t/err"))"
	fi
}
echo "1..13"
usage "identity not hex" "not an even number of hex digits" \
	secctx set 0 device perm:zz k-enc 00112233445566778899aabbccddeeff
usage "identity kind unknown" "is not a device identity" \
	secctx set 0 device serial:a107 k-aiotf 00
usage "a filter is not one device" "is not a device identity" \
	command send 0 device filter:a1 nas 0050
usage "identity bits beyond its octets" "not a number in 0..16" \
	command send 0 device perm:a107/17 nas 0050
usage "k-enc of 15 octets" "k-enc must be 16 octets" \
	secctx set 0 device perm:a107 k-enc 00112233445566778899aabbccddee
usage "k-aiotf not hex" "k-aiotf must be 32 octets" \
	secctx set 0 device perm:a107 k-aiotf xyz
usage "cipher 2" "cipher '2' is not a number in 0..1" \
	secctx set 0 device perm:a107 k-aiotf $(printf '%064d' 0) cipher 2
usage "unknown word" "unknown word 'bogus'" inventory start 0 target all bogus
usage "keyword without a value" "'max-devices' needs a value" inventory start 0 max-devices
usage "reader index not a number" "reader index 'x'" reader show x
usage "reader show without index" "usage: aiotctl reader show INDEX" reader show
usage "monitor count 0" "N at least 1" monitor count 0

n=$((n + 1))
"$A" inventory start 0 target perm:a107 watch >/dev/null 2>"$t/err"
rc=$?
if [ $rc = 3 ] && grep -q "not registered" "$t/err"; then
	echo "ok $n well-formed request without the module: status 3, says why"
else
	echo "not ok $n well-formed request without the module (status $rc)"
fi
