#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Kernel-code lint, zero findings allowed:
#   checkpatch.pl --strict (from Debian's linux-source) on every kernel file,
#   a W=1 build with sparse (C=2) against every installed Debian header set
#   and against the KUnit kernel (the test modules build only there).
# Prints "lint: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. tests/vm/lib.sh
npass=0 nfail=0
result() {
	if [ "$1" = PASS ]; then npass=$((npass + 1)); else nfail=$((nfail + 1)); fi
	printf 'RESULT %s %s\n' "$1" "$2"
}
mkdir -p build/lint

src=$(tests/vm/get-kernel.sh --source) || die "kernel source unavailable for checkpatch"
files=$(git ls-files 'kernel/*.[ch]' 'include/*.h' 2>/dev/null)
[ -n "$files" ] || files=$(find kernel include -name '*.[ch]')
for f in $files; do
	log=build/lint/checkpatch-$(echo "$f" | tr / _).log
	if perl "$src/scripts/checkpatch.pl" --no-tree --strict --quiet --show-types \
		--ignore FILE_PATH_CHANGES -f "$f" >"$log" 2>&1; then
		result PASS "checkpatch/$f"
	else
		cat "$log"
		result FAIL "checkpatch/$f"
	fi
done

# Every header set Debian ships, with the benchmark module; and the KUnit
# kernel, the only one the KUnit test modules build against.
kdirs=
for d in /usr/src/linux-headers-*-amd64; do
	[ -f "$d/Makefile" ] && kdirs="$kdirs $d"
done
kb=$(tests/vm/get-kernel.sh) || die "KUnit kernel unavailable for linting the test modules"
kdirs="$kdirs $kb"
for d in $kdirs; do
	case $d in
	/usr/src/linux-headers-*) kver=${d#/usr/src/linux-headers-} ;;
	*) kver=kunit ;;
	esac
	# one full build with both: W=1 warnings come from the compiler, sparse
	# (C=2) checks every file; not -s, so sparse is seen to run (CHECK lines)
	out=build/kmod/lint-$kver
	log=build/lint/W1-C2-$kver.log
	rm -rf "$out"
	if make modules KDIR="$d" KBUILD_OUT="$out" AIOT_BENCH=1 W=1 C=2 >"$log" 2>&1 &&
		! grep -E 'warning:|error:' "$log" >/dev/null &&
		grep -q '^  CHECK ' "$log" && grep -q '^  CC \[M\]' "$log"; then
		result PASS "W=1+sparse/$kver"
	else
		grep -E 'warning|error' "$log" | head -n 20
		result FAIL "W=1+sparse/$kver"
	fi
done
echo "lint: $npass passed, $nfail failed"
[ $nfail = 0 ]
