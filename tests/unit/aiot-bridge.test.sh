#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of aiot-bridge's command line and configuration file, on the
# host (the kernel family is never here): every bad option or setting is
# status 2 with a sentence naming it (file:line for the file); a good
# configuration gets as far as the kernel and stops with status 1 and the
# reason. The daemon itself is tested end to end in the guest
# (tests/vm/guest/e2e.sh).
top=$(cd "$(dirname "$0")/../.." && pwd)
B=$top/build/bin/aiot-bridge
make -s -C "$top" build/bin/aiot-bridge >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 aiot-bridge builds"; exit 1; }
n=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
expect() {	# name, status, sentence, arguments...
	local name=$1 want_rc=$2 want=$3
	shift 3
	n=$((n + 1))
	timeout 10 "$B" "$@" >"$t/out" 2>"$t/err"
	local rc=$?
	if [ $rc = "$want_rc" ] && grep -q -- "$want" "$t/err" "$t/out"; then
		echo "ok $n $name"
	else
		echo "not ok $n $name (status $rc: $(cat "$t/err"))"
	fi
}
conf() { printf '%s\n' "$@" >"$t/c.conf"; }
echo "1..16"
expect "help is status 0" 0 "usage: aiot-bridge" -h
expect "unknown option" 2 "usage: aiot-bridge" --bogus
expect "stray argument" 2 "unexpected argument 'extra'" -J "$t/j.db" extra
expect "address without a protocol" 2 "does not start with sctp: or tcp:" -a 127.0.0.1:38490 -J "$t/j.db"
expect "address with a bad port" 2 "port is not a number in 1..65535" -a tcp:127.0.0.1:70000 -J "$t/j.db"
expect "IPv6 address without ]" 2 "lacks the closing" -a 'tcp:[::1:5' -J "$t/j.db"
expect "missing configuration file" 2 "cannot read the configuration" -c "$t/none.conf"
conf "aiotf = tcp:127.0.0.1" "window"
expect "line without =" 2 "c.conf:2: expected 'key = value'" -c "$t/c.conf"
conf "# comment" "colour = blue"
expect "unknown setting" 2 "c.conf:2: unknown setting 'colour'" -c "$t/c.conf"
conf "window = 0"
expect "window out of range" 2 "window must be a number in 1..65536, not '0'" -c "$t/c.conf"
conf "journal-sync = sometimes"
expect "journal-sync value" 2 "journal-sync is full or normal" -c "$t/c.conf"
conf "reconnect-min-ms = 900" "reconnect-max-ms = 800"
expect "backoff bounds" 2 "reconnect-min-ms is above reconnect-max-ms" -c "$t/c.conf"
conf "log-level = loud"
expect "log level" 2 "log-level is error, warning, info or debug" -c "$t/c.conf"
conf "aiotf = tcp:127.0.0.1:7"
expect "option wins over the file" 2 "does not start with sctp: or tcp:" -c "$t/c.conf" -a udp:1.2.3.4
# the shipped example, with an address: valid up to the kernel
sed 's/^#aiotf = .*/aiotf = tcp:127.0.0.1/; s|^#journal = .*|journal = '"$t"'/j.db|' \
	"$top/userspace/bridge/bridge.conf" >"$t/shipped.conf"
expect "the shipped configuration is valid" 1 'no "aiot" family: load the module' -c "$t/shipped.conf"
n=$((n + 1))
if [ ! -e "$t/j.db" ]; then
	echo "ok $n no journal is created when the kernel family is missing"
else
	echo "not ok $n a journal was created although the bridge could not run"
fi
