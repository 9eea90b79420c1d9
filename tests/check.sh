#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `make check`: every test of the project, one summary line per layer and the
# total, in the form "<layer>: N passed, N failed" / "N passed, N failed".
# Exit status 0 only if nothing failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p build/check
t0=$(date +%s)
summaries=()
total_p=0 total_f=0

# layer NAME COMMAND...: run a layer, keep its log, take its summary line.
layer() {
	local name=$1 t1 line p f
	shift
	t1=$(date +%s)
	echo "== $name: $*"
	"$@" 2>&1 | tee "build/check/$name.log"
	line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "build/check/$name.log" | tail -n 1)
	if [ -z "$line" ]; then
		line="$name: 0 passed, 1 failed"
		echo "$name: the layer did not report its results (see build/check/$name.log)"
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	total_p=$((total_p + p))
	total_f=$((total_f + f))
	summaries+=("$line")
	echo "== $name done in $(( $(date +%s) - t1 ))s"
}

build_layer() {
	if make -s all >build/check/make-all.log 2>&1; then
		echo "RESULT PASS make_all"
		echo "build: 1 passed, 0 failed"
	else
		cat build/check/make-all.log
		echo "RESULT FAIL make_all"
		echo "build: 0 passed, 1 failed"
	fi
}

if ! tests/deps.sh; then
	echo "deps: required packages are missing; nothing can be tested"
	echo "0 passed, 1 failed"
	exit 1
fi

layer build build_layer
layer lint tests/lint.sh
layer unit make -s unit
if grep -q '^fuzz-smoke:' Makefile; then
	layer fuzz make -s fuzz-smoke
fi
layer guest tests/vm/run.sh stock
layer e2e tests/vm/run.sh e2e
layer evaluate eval/run.sh smoke
layer install tests/vm/install.sh
layer kunit tests/vm/run.sh kunit
layer harness tests/vm/run.sh selftest

echo
echo "== summary (wall time $(( $(date +%s) - t0 ))s)"
for s in "${summaries[@]}"; do
	echo "$s"
done
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
