#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bounded fuzz run for `make check`: each target from its seed corpus, the
# FUZZ_SMOKE_TIME seconds (default 40, at most 60) shared evenly between the
# targets. Prints a RESULT line per target and "fuzz: N passed, N failed";
# exits non-zero on a finding.
# Usage: smoke.sh BIN CORPUS [BIN CORPUS ...]
set -uo pipefail
if [ $# = 0 ] || [ $(($# % 2)) != 0 ]; then
	echo "usage: $0 BIN CORPUS [BIN CORPUS ...]" >&2
	exit 2
fi
t=${FUZZ_SMOKE_TIME:-40}
[ "$t" -le 60 ] || t=60
each=$((t / ($# / 2)))
[ "$each" -ge 1 ] || each=1
top=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$top/build/fuzz/smoke"
npass=0 nfail=0
while [ $# -ge 2 ]; do
	bin=$1 corpus=$2
	shift 2
	name=$(basename "$bin")
	out=$top/build/fuzz/smoke/$name
	mkdir -p "$out/corpus" "$out/artifacts"
	"$bin" -max_total_time="$each" -print_final_stats=1 -timeout=10 \
		-artifact_prefix="$out/artifacts/" "$out/corpus" "$corpus" \
		>"$out/log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log")
	if [ $rc = 0 ] && [ -n "$execs" ] && [ "$execs" -gt 0 ]; then
		echo "RESULT PASS $name ($execs executions in ${each}s, no finding)"
		npass=$((npass + 1))
	else
		grep -E 'ERROR|SUMMARY|runtime error|artifact' "$out/log" | head -n 10
		echo "RESULT FAIL $name (exit $rc; log $out/log, artifacts $out/artifacts)"
		nfail=$((nfail + 1))
	fi
done
echo "fuzz: $npass passed, $nfail failed"
[ $nfail = 0 ]
