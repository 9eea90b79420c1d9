#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make evaluate: real guest runs (tests/vm/run.sh evaluate) for populations
# of 100, 1,000 and 10,000 devices, then eval/report.py writes
# Documentation/evaluation.rst and its plots in Documentation/evaluation/.
# `eval/run.sh smoke` (make check): 100 devices, the report in
# build/eval/smoke/ only. Prints "evaluate: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
if [ "${1:-}" = smoke ]; then
	export EVAL_SIZES=100
	doc=build/eval/smoke/evaluation.rst plots=build/eval/smoke/plots prefix=plots
else
	export EVAL_SIZES=${EVAL_SIZES:-100 1000 10000}
	doc=Documentation/evaluation.rst plots=Documentation/evaluation prefix=evaluation
fi
mkdir -p "$(dirname "$doc")"
tests/vm/run.sh evaluate | tee build/eval/run.log
p=$(sed -n 's/^evaluate: \([0-9]*\) passed.*/\1/p' build/eval/run.log)
f=$(sed -n 's/^evaluate: [0-9]* passed, \([0-9]*\) failed/\1/p' build/eval/run.log)
p=${p:-0} f=${f:-1}
if python3 eval/report.py build/eval/results.txt "$doc" "$plots" --plot-prefix "$prefix"; then
	rm -f "$plots"/*.dat
	echo "RESULT PASS evaluate/report ($doc)"
	p=$((p + 1))
else
	echo "RESULT FAIL evaluate/report"
	f=$((f + 1))
fi
echo "evaluate: $p passed, $f failed"
[ "$f" = 0 ]
