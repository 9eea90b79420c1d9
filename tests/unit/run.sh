#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run every userspace unit-test binary (cmocka, TAP output) and the
# script-level tests in tests/unit/*.test.sh; print
# "unit: N passed, N failed". A binary that crashes or prints no plan
# counts as a failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
npass=0 nfail=0
for t in build/tests/unit/test_* tests/unit/*.test.sh; do
	[ -x "$t" ] || continue
	log=build/tests/unit/$(basename "$t").tap
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	plan=$(grep -Eo '^1\.\.[0-9]+' "$log" | head -n 1 | cut -d. -f3)
	if [ -z "$plan" ] || [ $((p + f)) != "$plan" ] || { [ $rc != 0 ] && [ "$f" = 0 ]; }; then
		f=$((f + 1))
		echo "RESULT FAIL $(basename "$t") (exit $rc, plan ${plan:-missing}, $p ok, see $log)"
	fi
	grep '^not ok ' "$log" | sed "s|^|RESULT FAIL $(basename "$t"): |"
	npass=$((npass + p))
	nfail=$((nfail + f))
done
echo "unit: $npass passed, $nfail failed"
[ $nfail = 0 ]
