#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bounded fuzz run for `make check`: the air-interface target from the seed
# corpus for FUZZ_SMOKE_TIME seconds (default 40, at most 60). Prints a
# RESULT line and "fuzz: N passed, N failed"; exits non-zero on a finding.
set -uo pipefail
bin=$1
t=${FUZZ_SMOKE_TIME:-40}
[ "$t" -le 60 ] || t=60
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/fuzz/smoke
rm -rf "$out"
mkdir -p "$out/corpus" "$out/artifacts"
"$bin" -max_total_time="$t" -print_final_stats=1 -timeout=10 \
	-artifact_prefix="$out/artifacts/" "$out/corpus" "$top/tests/fuzz/corpus" \
	>"$out/log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log")
if [ $rc = 0 ] && [ -n "$execs" ] && [ "$execs" -gt 0 ]; then
	echo "RESULT PASS fuzz_air ($execs executions in ${t}s, no finding)"
	echo "fuzz: 1 passed, 0 failed"
	exit 0
fi
grep -E 'ERROR|SUMMARY|runtime error|artifact' "$out/log" | head -n 10
echo "RESULT FAIL fuzz_air (exit $rc; log $out/log, artifacts $out/artifacts)"
echo "fuzz: 0 passed, 1 failed"
exit 1
