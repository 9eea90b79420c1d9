#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of aiotctl's command line for the reader and hwsim commands, on
# the host (no module here): every malformed word is a usage error (status
# 2, a sentence naming it) found before the kernel is asked; a well-formed
# request without the module is status 3 with the reason. hwsim fault on a
# debugfs tree of plain files (AIOT_DEBUGFS); the JSON names of aiot_hwsim;
# the bash completion.
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
echo "1..58"
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
usage "hwsim fault corrupt: negative count" "corrupt '-1' is not a number in 0..2147483647" \
	hwsim fault 0 corrupt -1
usage "hwsim fault delay above 2 s" "'2000001' is not a number in 0..2000000" \
	hwsim fault 0 delay 2000001
usage "hwsim fault unplug takes no value" "unknown word 'now'" hwsim fault 0 unplug now
usage "hwsim fault kill-energy: not hex" "identity 'xyz' is not 1 to 32 hex digits" \
	hwsim fault 0 kill-energy xyz
usage "hwsim fault kill-energy: number longer than its bits" "a1070005 does not fit 12 bits" \
	hwsim fault 0 kill-energy a1070005/12
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
for f in drop_next corrupt_next delay_next_us kill_energy unplug; do : >"$d/$f"; done
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
	"reader add-devices set-device devices clear-devices medium fault"
ok "completion: aiotctl -j hwsim reader <TAB>" "$(comp aiotctl -j hwsim reader '')" "add del list show"
ok "completion: reader indices from /sys/class/aiot" "$(comp aiotctl hwsim devices '')" "0 3"
ok "completion: aiotctl hwsim medium 0 capture <TAB>" "$(comp aiotctl hwsim medium 0 capture '')" "on off"
ok "completion: aiotctl hwsim fault 3 <TAB>" "$(comp aiotctl hwsim fault 3 '')" \
	"drop corrupt delay kill-energy unplug"
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
