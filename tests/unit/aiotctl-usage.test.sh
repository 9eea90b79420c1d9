#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of aiotctl's command line for the reader and hwsim commands, on
# the host (no module here): every malformed word is a usage error (status
# 2, a sentence naming it) found before the kernel is asked; a well-formed
# request without the module is status 3 with the reason. hwsim fault and
# hwsim capture on a debugfs tree of plain files (AIOT_DEBUGFS); decode of
# frames of the codec, field by field; the JSON names of aiot_hwsim; the
# bash completion.
top=$(cd "$(dirname "$0")/../.." && pwd)
A=$top/build/bin/aiotctl
make -s -C "$top" build/bin/aiotctl >/dev/null 2>&1 || { echo "1..4"; echo "not ok 1 aiotctl builds"; exit 1; }
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
echo "1..107"
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

# ---- hwsim ---------------------------------------------------------------
usage "hwsim: unknown subcommand lists the hwsim commands" \
	"unknown command 'hwsim reader bogus'; the hwsim commands: .*reader add" hwsim reader bogus
usage "hwsim reader add: unknown word" "unknown word 'bogus'; usage: aiotctl hwsim reader add" \
	hwsim reader add bogus
usage "hwsim reader del without index" "usage: aiotctl hwsim reader del INDEX" hwsim reader del
usage "hwsim reader show: index not a number" "reader index 'x'" hwsim reader show x
usage "hwsim reader list takes no argument" "usage: aiotctl hwsim reader list" hwsim reader list 1
usage "hwsim devices without index" "usage: aiotctl hwsim devices INDEX" hwsim devices
usage "hwsim devices: one index only" "usage: aiotctl hwsim devices INDEX" hwsim devices 0 1
usage "hwsim clear-devices: index not a number" "reader index '-1'" hwsim clear-devices -1
usage "hwsim add-devices: seed missing" "'seed' is missing" \
	hwsim add-devices 0 count 10 id a1070000 bits 32
usage "hwsim add-devices: count above the kernel's limit" "count '1000001' is not a number in 0..1000000" \
	hwsim add-devices 0 count 1000001 id a1070000 bits 32 seed 00
usage "hwsim set-device: policy 3" "policy '3' is not a number in 0..2" \
	hwsim set-device 0 id a1070000 bits 32 policy 3
usage "hwsim medium: nothing to set" "nothing to set" hwsim medium 0
usage "hwsim medium: ber-ppm above 10^6" "ber-ppm '1000001' is not a number in 0..1000000" \
	hwsim medium 0 ber-ppm 1000001
usage "hwsim medium: capture neither on nor off" "capture 'maybe' is neither on nor off" \
	hwsim medium 0 capture maybe
usage "hwsim medium: seed beyond 64 bits" "seed '18446744073709551616' is not a number" \
	hwsim medium 0 seed 18446744073709551616
usage "hwsim medium: unknown word" "unknown word 'loud'" hwsim medium 0 paced on loud
usage "hwsim fault without a fault" "usage: aiotctl hwsim fault INDEX" hwsim fault 0
usage "hwsim fault: unknown fault" "unknown fault 'explode'" hwsim fault 0 explode 1
usage "hwsim fault drop without a count" "'drop' needs a value" hwsim fault 0 drop
usage "hwsim fault drop-msg3 without a count" "'drop-msg3' needs a value" hwsim fault 0 drop-msg3
usage "hwsim fault corrupt: negative count" "corrupt '-1' is not a number in 0..2147483647" \
	hwsim fault 0 corrupt -1
usage "hwsim fault delay above 2 s" "'2000001' is not a number in 0..2000000" \
	hwsim fault 0 delay 2000001
usage "hwsim fault unplug takes no value" "unknown word 'now'" hwsim fault 0 unplug now
usage "hwsim fault kill-energy: not hex" "identity 'xyz' is not 1 to 32 hex digits" \
	hwsim fault 0 kill-energy xyz
usage "hwsim fault kill-energy: number longer than its bits" "a1070005 does not fit 12 bits" \
	hwsim fault 0 kill-energy a1070005/12
usage "hwsim capture without a verb" "usage: aiotctl hwsim capture INDEX start \[FRAMES\] | stop | show" \
	hwsim capture 0
usage "hwsim capture: index not a number" "reader index 'x'" hwsim capture x show
usage "hwsim capture: unknown verb" "unknown word 'record'" hwsim capture 0 record
usage "hwsim capture start 0" "frames 0: give 1 to 65536 frames" hwsim capture 0 start 0
usage "hwsim capture start above the kernel's ring" "frames '65537' is not a number in 0..65536" \
	hwsim capture 0 start 65537
usage "hwsim capture start: one size only" "unknown word '2'" hwsim capture 0 start 1 2
usage "hwsim capture show takes nothing more" "unknown word 'now'" hwsim capture 0 show now
usage "hwsim capture stop takes nothing more" "unknown word '5'" hwsim capture 0 stop 5
usage "decode: direction neither r2d nor d2r" "direction 'up' is neither r2d nor d2r" decode up 00
usage "decode: frame not hex" "frame 'zz' is not hex of 1 to 160 octets" decode r2d zz
usage "decode: odd number of digits" "frame '123' is not hex" decode d2r 123
usage "decode: BITS beyond the octets" "frame length 17 bits does not fit 1 octets: give 1 to 8 bits" \
	decode r2d 00/17
usage "decode: BITS 0" "frame length 0 bits does not fit 1 octets" decode r2d 00/0
usage "decode: BITS not a number" "frame length in bits 'x'" decode r2d 00/x
usage "decode without a frame" "usage: aiotctl decode r2d|d2r HEX\[/BITS\]" decode r2d
usage "command read without keys" "builds a plain request for offload mode" \
	command read 0 device perm:a1 0 4
usage "command write data not hex" "data 'zz' is not hex" \
	command write 0 device perm:a1 0 zz k-aiotf 00
usage "command disable with a NAS PDU" "command disable INDEX device ID" \
	command disable 0 device perm:a1 nas 00 k-aiotf 00

n=$((n + 1))
"$A" hwsim medium 0 paced off seed 0x10 >/dev/null 2>"$t/err"
rc=$?
if [ $rc = 3 ] && grep -q "'aiot_hwsim' is not registered: the aiot_hwsim module is not loaded" "$t/err"; then
	echo "ok $n hwsim: well-formed request without the module: status 3, names aiot_hwsim"
else
	echo "not ok $n hwsim: well-formed request without the module (status $rc: $(cat "$t/err"))"
fi

# hwsim fault: debugfs not mounted, then a tree of plain files standing in for it
n=$((n + 1))
AIOT_DEBUGFS=$t/nodebugfs "$A" hwsim fault 0 drop 1 2>"$t/err"
rc=$?
if [ $rc = 1 ] && grep -qF "$t/nodebugfs/aiot_hwsim/aiot0/drop_next does not exist: debugfs is not mounted at $t/nodebugfs; mount it with 'mount -t debugfs none $t/nodebugfs'" "$t/err"; then
	echo "ok $n hwsim fault without debugfs: status 1, the path and how to mount it"
else
	echo "not ok $n hwsim fault without debugfs (status $rc: $(cat "$t/err"))"
fi
d=$t/debugfs/aiot_hwsim/aiot0
mkdir -p "$d"
for f in drop_next drop_msg3 corrupt_next delay_next_us kill_energy unplug monitor; do
	: >"$d/$f"
done
fault() {	# name, file, expected contents, fault arguments...
	local name=$1 file=$2 want=$3
	shift 3
	n=$((n + 1))
	AIOT_DEBUGFS=$t/debugfs "$A" hwsim fault 0 "$@" 2>"$t/err"
	local rc=$?
	if [ $rc = 0 ] && [ "$(cat "$d/$file")" = "$want" ]; then
		echo "ok $n $name"
	else
		echo "not ok $n $name (status $rc, $file: '$(cat "$d/$file")', $(cat "$t/err"))"
	fi
}
fault "hwsim fault drop 3 writes drop_next" drop_next 3 drop 3
fault "hwsim fault drop-msg3 2 writes drop_msg3" drop_msg3 2 drop-msg3 2
fault "hwsim fault corrupt 0 writes corrupt_next" corrupt_next 0 corrupt 0
fault "hwsim fault delay writes delay_next_us" delay_next_us 1500000 delay 1500000
fault "hwsim fault kill-energy writes the identity" kill_energy 5/12 kill-energy 5/12
fault "hwsim fault unplug writes unplug" unplug 1 unplug
n=$((n + 1))
AIOT_DEBUGFS=$t/debugfs "$A" hwsim fault 7 drop 1 2>"$t/err"
rc=$?
if [ $rc = 1 ] && grep -q "aiot_hwsim/aiot7/drop_next does not exist: aiot_hwsim has no reader aiot7" "$t/err"; then
	echo "ok $n hwsim fault on a reader debugfs does not have: status 1, says which"
else
	echo "not ok $n hwsim fault on a missing reader (status $rc: $(cat "$t/err"))"
fi

# hwsim capture: start, stop and show on the same tree
capture() {	# name, expected contents of monitor, capture arguments...
	local name=$1 want=$2
	shift 2
	n=$((n + 1))
	AIOT_DEBUGFS=$t/debugfs "$A" hwsim capture 0 "$@" 2>"$t/err"
	local rc=$?
	if [ $rc = 0 ] && [ "$(cat "$d/monitor")" = "$want" ]; then
		echo "ok $n $name"
	else
		echo "not ok $n $name (status $rc, monitor: '$(cat "$d/monitor")', $(cat "$t/err"))"
	fi
}
capture "hwsim capture start: a ring of 4096 frames" 4096 start
capture "hwsim capture start 16" 16 start 16
capture "hwsim capture stop writes 0" 0 stop
n=$((n + 1))
AIOT_DEBUGFS=$t/debugfs "$A" hwsim capture 7 show 2>"$t/err"
rc=$?
if [ $rc = 1 ] && grep -q "aiot_hwsim/aiot7/monitor does not exist: aiot_hwsim has no reader aiot7" "$t/err"; then
	echo "ok $n hwsim capture show on a reader debugfs does not have: status 1, says which"
else
	echo "not ok $n hwsim capture show on a missing reader (status $rc: $(cat "$t/err"))"
fi

# Frames of kernel/frame.c, decoded field by field: the known answers of
# kernel/tests/air_cases.h (an independent bitwise model), the paging and
# Msg1 of hwsim.rst's monitor sample, and frames the codec encoded from
# known messages (a Msg3 with a plain Inventory Response of b2000005 with
# RAND_d 0102..08 and RES a0a1..a7, a CFRA paging, a 4-bit filter, ...).
expect() {	# name, want status, want output, command...
	local name=$1 wrc=$2 want=$3
	shift 3
	n=$((n + 1))
	"$@" >"$t/out" 2>"$t/err"
	local rc=$?
	if [ $rc = "$wrc" ] && [ "$(cat "$t/out")" = "$want" ]; then
		echo "ok $n $name"
	else
		echo "not ok $n $name (status $rc: '$(cat "$t/out")' $(cat "$t/err"); want '$want')"
	fi
}
while read -r dir frame want; do
	expect "decode $dir $frame: ${want#* * }" 0 "$want" "$A" decode "$dir" "$frame"
done <<'FRAMES'
d2r 1beeff40/26 D2R 26 msg1 rn16 beef
r2d 3beef5a054d8 R2D 48 msg2 rn16 beef as_id 90
r2d 24421c10/28 R2D 28 trigger cmd adjust txn 66 q 7
d2r 411844/22 D2R 22 no-nas-rsp as_id 17 cause integrity
r2d 10426f56df778933756c/79 R2D 79 paging ra cbra id all rand deadbeef q 4 txn 153
r2d 5218048c0cabc98bf0/68 R2D 68 r2d-data as_id 33 more 1 offset 291 len 12 data abc0
r2d 1120a21700034400810182028303840801d7ec/151 R2D 151 paging ra cbra id perm:a2170003/32 rand 0102030405060708 q 4 txn 0
D2R 15c3e580/26 D2R 26 msg1 rn16 5c3e
d2r 2070c000410120b20000050102030405060708a0a1a2a3a4a5a6a7bc30/232 D2R 232 msg3 as_id 7 more 0 offset 0 len 192 data 00410120b20000050102030405060708a0a1a2a3a4a5a6a7 nas inventory-response nas_id perm:b2000005/32 rand_d 0102030405060708 res a0a1a2a3a4a5a6a7
r2d 40001ff0160e R2D 48 nack rn16 0001 as_id 255
r2d 680060/22 R2D 22 r2d-ack as_id 128
r2d 2842a4/22 R2D 22 trigger cmd end txn 66
r2d 190ca170240d8818/62 R2D 62 paging ra cfra id perm:a170/12 as_id 9 txn 3
d2r 3098002004f6c0e0/60 D2R 60 d2r-data as_id 9 more 1 offset 8 len 4 data f0
r2d 1404b20000402152e0/67 R2D 67 paging ra cbra id filter:b0/4 slots 3 txn 1
FRAMES
expect "decode: a flipped bit is a bad CRC, status 1" 1 "D2R 26 error bad-crc" "$A" decode d2r 1beeff00/26
expect "decode: an R2D acknowledgement read as D2R is an unknown type" 1 "D2R 22 error unknown-type" \
	"$A" decode d2r 680060/22
expect "decode: 3 bits are a truncated frame" 1 "R2D 3 error truncated" "$A" decode r2d 00/3
expect "decode -j: the Msg3 and its Inventory Response, every key" 0 \
	'{"link":"D2R","bits":232,"frame":"2070c000410120b20000050102030405060708a0a1a2a3a4a5a6a7bc30","type":"msg3","as_id":7,"more":0,"offset":0,"len":192,"data":"00410120b20000050102030405060708a0a1a2a3a4a5a6a7","nas":"inventory-response","nas_id":"perm:b2000005/32","rand_d":"0102030405060708","res":"a0a1a2a3a4a5a6a7"}' \
	"$A" -j decode d2r 2070c000410120b20000050102030405060708a0a1a2a3a4a5a6a7bc30/232

# capture show: a monitor file in the kernel's format (hwsim.rst's sample,
# a Msg1 with a bit error, a ring that has overwritten its first frames)
cat >"$d/monitor" <<'MON'
# ring 4 captured 7 overwritten 3
3 0 R2D 151 1120a21700034400810182028303840801d7ec
4 10886000 D2R 26 15c3e580
5 2000000123 D2R 26 15c3e5c0
6 2000000999 R2D 48 40001ff0160e
MON
expect "hwsim capture show: the header, each frame decoded, the bad CRC said" 0 \
"# ring 4 captured 7 overwritten 3
3 0.000000000 R2D 151 paging ra cbra id perm:a2170003/32 rand 0102030405060708 q 4 txn 0
4 0.010886000 D2R 26 msg1 rn16 5c3e
5 2.000000123 D2R 26 error bad-crc
6 2.000000999 R2D 48 nack rn16 0001 as_id 255" env AIOT_DEBUGFS="$t/debugfs" "$A" hwsim capture 0 show
expect "hwsim capture show -j: one object per frame, no header" 0 \
'{"seq":3,"time_ns":0,"link":"R2D","bits":151,"frame":"1120a21700034400810182028303840801d7ec","type":"paging","ra":"cbra","id":"perm:a2170003/32","rand":"0102030405060708","q":4,"txn":0}
{"seq":4,"time_ns":10886000,"link":"D2R","bits":26,"frame":"15c3e580","type":"msg1","rn16":"5c3e"}
{"seq":5,"time_ns":2000000123,"link":"D2R","bits":26,"frame":"15c3e5c0","error":"bad-crc"}
{"seq":6,"time_ns":2000000999,"link":"R2D","bits":48,"frame":"40001ff0160e","type":"nack","rn16":"0001","as_id":255}' \
	env AIOT_DEBUGFS="$t/debugfs" "$A" -j hwsim capture 0 show
echo "# ring 0 captured 0 overwritten 0" >"$d/monitor"
expect "hwsim capture show: no capture, the header only" 0 "# ring 0 captured 0 overwritten 0" \
	env AIOT_DEBUGFS="$t/debugfs" "$A" hwsim capture 0 show
printf '# ring 4 captured 2 overwritten 0\n0 0 R2D 48 40001ff0160e\n1 5 D2R 26 15c3e5\n' >"$d/monitor"
n=$((n + 1))
AIOT_DEBUGFS=$t/debugfs "$A" hwsim capture 0 show >"$t/out" 2>"$t/err"
rc=$?
if [ $rc = 1 ] && [ "$(sed -n 2p "$t/out")" = "0 0.000000000 R2D 48 nack rn16 0001 as_id 255" ] &&
	grep -q "monitor, line 3: not 'SEQ TIME R2D|D2R BITS HEX': '1 5 D2R 26 15c3e5'" "$t/err"; then
	echo "ok $n hwsim capture show: a malformed line is named, status 1, the others printed"
else
	echo "not ok $n hwsim capture show with a malformed line (status $rc: $(cat "$t/out") $(cat "$t/err"))"
fi
: >"$d/monitor"
n=$((n + 1))
AIOT_DEBUGFS=$t/debugfs "$A" hwsim capture 0 show >"$t/out" 2>"$t/err"
rc=$?
if [ $rc = 1 ] && grep -q "no '# ring N captured N overwritten N' header line" "$t/err"; then
	echo "ok $n hwsim capture show: a file without the header is status 1, says so"
else
	echo "not ok $n hwsim capture show without a header (status $rc: $(cat "$t/err"))"
fi

# JSON keys: the aiot_hwsim attribute names as in the uapi header (which
# ynl-spec.test.sh checks against the YNL spec), '-' written '_'
n=$((n + 1))
sed -n 's/^\t\[AIOT_HWSIM_\(ATTR\|STATS\)_\([A-Z0-9_]*\)\] = { "\([a-z0-9_]*\)".*/\1_\2 \3/p' \
	"$top/userspace/aiotctl/attrs.c" >"$t/keys"
bad=$(while read -r c k; do
	[ "$(echo "${c#*_}" | tr 'A-Z' 'a-z')" = "$k" ] || echo "$c:$k"
done <"$t/keys")
missing=$(sed -n 's/^\tAIOT_HWSIM_\(ATTR_[A-Z0-9_]*\|STATS_[A-Z0-9_]*\),$/\1/p' \
	"$top/include/uapi/linux/aiot_hwsim.h" |
	grep -v '_\(UNSPEC\|PAD\)$\|^ATTR_KEY\(_SEED\)\?$' | while read -r c; do
	grep -q "^$c " "$t/keys" || echo "$c"
done)
if [ -s "$t/keys" ] && [ -z "$bad$missing" ]; then
	echo "ok $n hwsim JSON keys are the spec's attribute names, every one sent back"
else
	echo "not ok $n hwsim JSON keys: renamed: $(echo $bad); missing: $(echo $missing)"
fi

# ---- bash completion -------------------------------------------------------
C=$top/userspace/aiotctl/aiotctl.bash-completion
mkdir -p "$t/class/aiot0" "$t/class/aiot3"
comp() {	# the completions of a command line whose last word is being typed
	bash -c '. "$1" || exit 1; _aiotctl_class=$2; shift 2
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _aiotctl; echo "${COMPREPLY[*]}"' \
		comp "$C" "$t/class" "$@" 2>&1
}
ok() { n=$((n + 1)); if [ "$2" = "$3" ]; then echo "ok $n $1"; else echo "not ok $n $1 (got '$2', want '$3')"; fi; }
ok "completion loads and registers for aiotctl" \
	"$(bash -c '. "$1" && complete -p aiotctl' comp "$C" 2>&1)" "complete -F _aiotctl aiotctl"
ok "completion: aiotctl hw<TAB>" "$(comp aiotctl hw)" "hwsim"
ok "completion: aiotctl hwsim <TAB>" "$(comp aiotctl hwsim '')" \
	"reader add-devices set-device devices clear-devices medium fault capture"
ok "completion: aiotctl -j hwsim reader <TAB>" "$(comp aiotctl -j hwsim reader '')" "add del list show"
ok "completion: reader indices from /sys/class/aiot" "$(comp aiotctl hwsim devices '')" "0 3"
ok "completion: aiotctl hwsim medium 0 capture <TAB>" "$(comp aiotctl hwsim medium 0 capture '')" "on off"
ok "completion: aiotctl hwsim fault 3 <TAB>" "$(comp aiotctl hwsim fault 3 '')" \
	"drop drop-msg3 corrupt delay kill-energy unplug"
ok "completion: aiotctl hwsim capture 0 <TAB>" "$(comp aiotctl hwsim capture 0 '')" "start stop show"
ok "completion: aiotctl hwsim capture <TAB>: reader indices" "$(comp aiotctl hwsim capture '')" "0 3"
ok "completion: aiotctl decode <TAB>" "$(comp aiotctl decode '')" "r2d d2r"
ok "completion: aiotctl crypto nia2 -d <TAB>" "$(comp aiotctl crypto nia2 -k 00 -d '')" \
	"0 1 uplink downlink d2r r2d"
# every command aiotctl --help lists, word by word
n=$((n + 1))
missing=$("$A" --help | sed -n 's/^  \([a-z][a-z0-9 -]*[a-z0-9]\)\( .*\)\?$/\1/p' |
	sed 's/ \(-\|\[\|[A-Z]\).*//' | while read -r -a w; do
	for ((i = 0; i < ${#w[@]}; i++)); do
		got=" $(comp aiotctl "${w[@]:0:i}" "${w[i]:0:1}") "
		[[ $got == *" ${w[i]} "* ]] || { echo "${w[*]}"; break; }
	done
done)
if [ -z "$missing" ]; then
	echo "ok $n completion offers every command of aiotctl --help"
else
	echo "not ok $n completion misses: $missing"
fi
n=$((n + 1))
mv=$(sed -n 's/^#define AIOT_MODULE_VERSION[[:space:]]*"\(.*\)"/\1/p' "$top/kernel/aiot_core.h")
if [ -n "$mv" ] && [ "$("$A" --version)" = "aiotctl $mv" ]; then
	echo "ok $n aiotctl --version is the module's version ($mv)"
else
	echo "not ok $n aiotctl --version '$("$A" --version)' is not the module's '$mv'"
fi
