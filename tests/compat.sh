#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the module against every installed kernel header set (Debian's
# /usr/src/linux-headers-*-amd64), W=1. Prints "compat: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
npass=0 nfail=0
for d in /usr/src/linux-headers-*-amd64; do
	[ -f "$d/Makefile" ] || continue
	kver=${d#/usr/src/linux-headers-}
	mkdir -p build/compat
	if make -s modules KDIR="$d" KBUILD_OUT="build/kmod/$kver" W=1 >"build/compat/$kver.log" 2>&1 &&
		! grep -q 'warning:' "build/compat/$kver.log"; then
		echo "RESULT PASS compat/$kver"
		npass=$((npass + 1))
	else
		cat "build/compat/$kver.log"
		echo "RESULT FAIL compat/$kver"
		nfail=$((nfail + 1))
	fi
done
echo "compat: $npass passed, $nfail failed"
[ $nfail = 0 ] && [ $npass -gt 0 ]
