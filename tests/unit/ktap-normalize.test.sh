#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP tests of tests/vm/ktap-normalize.py on canned console logs: a passing
# module, a failing case, a crash mid-suite, a suite that never ran.
top=$(cd "$(dirname "$0")/../.." && pwd)
n=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
norm() { python3 "$top/tests/vm/ktap-normalize.py" "$@" >/dev/null 2>&1; }
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n $1"; else echo "not ok $n $1"; fi; }
echo "1..6"

cat >"$t/pass.log" <<'LOG'
[    0.500000] KTAP version 1
[    0.500001] 1..0
[    1.000000] aiot: A-IoT reader subsystem 0.1.0
[    1.100000]     KTAP version 1
[    1.100001]     # Subtest: demo
[    1.100002]     1..2
[    1.100003] random noise at column zero
[    1.100004]     ok 1 first
[    1.100005]     ok 2 second
[    1.100006] ok 1 demo
LOG
norm "$t/pass.log" -o "$t/pass.ktap" --expect demo
ok "passing suite exits 0" "[ $? = 0 ]"
ok "noise dropped and header written" \
	"[ \"\$(head -n 2 $t/pass.ktap | tr '\n' ' ')\" = 'KTAP version 1 1..1 ' ] && ! grep -q noise $t/pass.ktap"

sed 's/    ok 2 second/    not ok 2 second/; s/^\(\[ *1.100006\]\) ok 1 demo/\1 not ok 1 demo/' \
	"$t/pass.log" >"$t/fail.log"
norm "$t/fail.log" -o "$t/fail.ktap" --expect demo
ok "failing case exits 1" "[ $? = 1 ]"

head -n 8 "$t/pass.log" >"$t/crash.log"
norm "$t/crash.log" -o "$t/crash.ktap" --expect demo
ok "unfinished suite exits 1" "[ $? = 1 ]"
ok "unfinished suite marked not ok" "grep -q '^not ok 1 demo # suite did not finish' $t/crash.ktap"

norm "$t/pass.log" -o "$t/missing.ktap" --expect demo --expect other
ok "expected suite that never ran exits 1" "[ $? = 1 ] && grep -q '^not ok 2 other' $t/missing.ktap"
