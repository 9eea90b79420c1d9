#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The guest harness.
#
#   run.sh stock [KVER...]  Debian's stock kernel(s): module loads, family
#                           resolves from userspace, module unloads, no taint
#                           but out-of-tree/unsigned. Default: every installed
#                           Debian linux-headers set.
#   run.sh kunit            KUnit guest (debug kernel built from Debian's
#                           linux-source): the project's KUnit suites.
#   run.sh selftest         proves the harness cannot be fooled: a failing
#                           KUnit case, a crashing guest and a KASAN report
#                           must each be detected as failures.
#
# Results and logs: build/vm/<run>/ (console.log is kept on failure).
# Prints one "RESULT PASS|FAIL <name>" line per check and, last,
# "<layer>: N passed, N failed". Exit status 0 only if nothing failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
cd "$top"

mode=${1:-}
shift || true

# One harness run per tree at a time: runs share build/kmod and build/vm.
mkdir -p build
exec 8>build/.vm.lock
if ! flock -n 8; then
	msg "waiting for another guest run in this tree to finish"
	flock 8
fi
npass=0
nfail=0

result() {	# result PASS|FAIL name [detail]
	if [ "$1" = PASS ]; then
		npass=$((npass + 1))
	else
		nfail=$((nfail + 1))
	fi
	printf 'RESULT %s %s%s\n' "$1" "$2" "${3:+ ($3)}"
}

# Patterns in the console log that fail a run whatever the tests said.
BAD_LOG='BUG:|WARNING:|Oops|Kernel panic|KASAN|UBSAN|kmemleak:.*new suspected|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|INFO: task .* blocked|general protection fault|Call Trace:'

# analyse OUTDIR NAME ALLOWED_TAINT_MASK
# Host-side checks of a finished guest; guest RESULT lines are counted too.
analyse() {
	local out=$1 name=$2 allowed=$3 taint rc line bad
	if ! grep -q '^=== VM_DONE' "$out/results.log" 2>/dev/null; then
		result FAIL "$name/guest_finished" "no VM_DONE: crash, panic or timeout; see $out/console.log"
	else
		result PASS "$name/guest_finished"
	fi
	while read -r line; do
		set -- $line
		result "$2" "$name/$3"
	done < <(grep '^RESULT ' "$out/results.log" 2>/dev/null)
	rc=$(sed -n 's/^=== RUN_RC //p' "$out/results.log" 2>/dev/null)
	taint=$(sed -n 's/^=== TAINT //p' "$out/results.log" 2>/dev/null)
	if [ -n "$taint" ] && [ $((taint & ~allowed)) = 0 ]; then
		result PASS "$name/taint_clean" "tainted=$taint"
	else
		result FAIL "$name/taint_clean" "tainted=${taint:-unknown}, allowed mask $allowed"
	fi
	bad=$(grep -E "$BAD_LOG" "$out/console.log" 2>/dev/null | head -n 3)
	if grep -q '^=== KMEMLEAK' "$out/results.log" 2>/dev/null; then
		bad="${bad:+$bad; }kmemleak: unreferenced objects reported"
	fi
	if [ -z "$bad" ]; then
		result PASS "$name/kernel_log_clean"
	else
		result FAIL "$name/kernel_log_clean" "$(echo "$bad" | tr '\n' ' ' | cut -c1-300)"
	fi
	[ -z "$rc" ] || [ "$rc" = 0 ] || msg "$name: guest script exited $rc"
}

TAINT_O=4096 TAINT_E=8192 TAINT_N=262144	# out-of-tree, unsigned, KUnit test ran

run_stock() {
	local kver vmlinuz modroot kb out
	local kvers=("$@")
	if [ ${#kvers[@]} = 0 ]; then
		for d in /usr/src/linux-headers-*-amd64; do
			[ -f "$d/Makefile" ] && kvers+=("${d#/usr/src/linux-headers-}")
		done
	fi
	[ ${#kvers[@]} -gt 0 ] || die "no Debian linux-headers installed (make deps)"
	make -s userspace >&2 || die "userspace build failed"
	for kver in "${kvers[@]}"; do
		kb=build/kmod/$kver
		if ! make -s modules KDIR=/usr/src/linux-headers-$kver KBUILD_OUT="$kb" >"build/modules-$kver.log" 2>&1; then
			result FAIL "stock-$kver/module_builds" "see build/modules-$kver.log"
			continue
		fi
		read -r vmlinuz modroot < <(stock_kernel "$kver") || { result FAIL "stock-$kver/kernel_image" "apt-get download failed"; continue; }
		out=build/vm/stock-$kver
		mkdir -p "$out"
		deps=$(module_deps "$kb"/aiot*.ko)
		AIOT_GUEST_MODS="$deps" "$here/mkinitramfs.sh" "$out/initrd.gz" "$kver" "$modroot" \
			"$here/guest/smoke.sh" "$kb"/aiot*.ko build/bin/aiotctl build/bin/aiot-nltest \
			build/bin/aiot-hwsim-test build/bin/aiot-attack-test ||
			{ result FAIL "stock-$kver/initramfs"; continue; }
		msg "guest: booting Debian $kver"
		"$here/run-vm.sh" "$vmlinuz" "$out/initrd.gz" "$out" quiet
		analyse "$out" "stock-$kver" $((TAINT_O | TAINT_E))
	done
}

# The newest Debian 6.1 stock kernel, the tools and the module built for
# it: sets kver, kb, vmlinuz and modroot of the caller; a failure is a
# RESULT of the run NAME.
stock61() {	# NAME
	kver=$(for d in /usr/src/linux-headers-6.1.*-amd64; do echo "${d#/usr/src/linux-headers-}"; done |
		sort -V | tail -n 1)
	[ -f "/usr/src/linux-headers-$kver/Makefile" ] || die "no Debian 6.1 linux-headers (make deps)"
	make -s userspace >&2 || die "userspace build failed"
	kb=build/kmod/$kver
	make -s modules KDIR=/usr/src/linux-headers-$kver KBUILD_OUT="$kb" >"build/modules-$kver.log" 2>&1 ||
		{ result FAIL "$1/module_builds" "see build/modules-$kver.log"; return 1; }
	read -r vmlinuz modroot < <(stock_kernel "$kver") ||
		{ result FAIL "$1/kernel_image" "apt-get download failed"; return 1; }
}

# End to end: the newest 6.1 stock kernel, with SCTP, aiot-bridge and
# aiotf-sim (tests/vm/guest/e2e.sh).
run_e2e() {
	local kver vmlinuz modroot kb out=build/vm/e2e
	stock61 e2e || return
	mkdir -p "$out"
	AIOT_GUEST_MODS="$(module_deps "$kb"/aiot*.ko) sctp" "$here/mkinitramfs.sh" "$out/initrd.gz" \
		"$kver" "$modroot" "$here/guest/e2e.sh" "$kb"/aiot*.ko build/bin/aiotctl \
		build/bin/aiotf-sim build/bin/aiot-bridge || { result FAIL "e2e/initramfs"; return; }
	msg "e2e: booting Debian $kver with aiot-bridge and aiotf-sim"
	AIOT_VM_TIMEOUT=${AIOT_VM_TIMEOUT:-600} "$here/run-vm.sh" "$vmlinuz" "$out/initrd.gz" "$out" quiet
	analyse "$out" e2e $((TAINT_O | TAINT_E))
}

# The evaluation's real runs (tests/vm/guest/evaluate.sh): EVAL_SIZES
# population sizes, EVAL_PROFILES security profiles; the EVAL lines go to
# build/eval/results.txt for eval/report.py.
run_evaluate() {
	local kver vmlinuz modroot kb out=build/vm/evaluate
	stock61 evaluate || return
	mkdir -p "$out" build/eval
	printf "SIZES='%s'\nPROFILES='%s'\n" "${EVAL_SIZES:-100 1000 10000}" \
		"${EVAL_PROFILES:-normative solution-y solution-9}" >"$out/eval.conf"
	AIOT_GUEST_MODS="$(module_deps "$kb"/aiot*.ko)" "$here/mkinitramfs.sh" "$out/initrd.gz" \
		"$kver" "$modroot" "$here/guest/evaluate.sh" "$kb"/aiot*.ko build/bin/aiotctl \
		build/bin/aiotf-sim build/bin/aiot-attack-test "$out/eval.conf" ||
		{ result FAIL "evaluate/initramfs"; return; }
	msg "evaluate: booting Debian $kver for sizes ${EVAL_SIZES:-100 1000 10000}"
	AIOT_VM_MEM=2048 AIOT_VM_TIMEOUT=${AIOT_VM_TIMEOUT:-1200} "$here/run-vm.sh" "$vmlinuz" \
		"$out/initrd.gz" "$out" quiet
	analyse "$out" evaluate $((TAINT_O | TAINT_E))
	{
		echo "# kernel $kver, QEMU TCG, sizes ${EVAL_SIZES:-100 1000 10000}, $(date -u +%Y-%m-%d)"
		grep '^EVAL ' "$out/results.log"
	} >build/eval/results.txt
}

# Build the project's module and test modules against the KUnit kernel.
kunit_build() {
	KB=$("$here/get-kernel.sh") || die "KUnit kernel not available"
	KMOD=build/kmod/kunit-$(basename "$KB")
	make -s modules KDIR="$KB" KBUILD_OUT="$KMOD" >build/modules-kunit.log 2>&1 ||
		{ cat build/modules-kunit.log >&2; die "module build against the KUnit kernel failed"; }
	SRC=$(dirname "$(readlink -f "$KB/source")")/$(basename "$(readlink -f "$KB/source")")
}

# The suites the test sources declare: every one must run.
expected_suites() {
	grep -h -A3 'struct kunit_suite [a-z0-9_]* = {' "$@" |
		sed -n 's/.*\.name = "\([^"]*\)".*/\1/p'
}

# parse_ktap OUTDIR NAME [expect...] -> counts cases into the totals
parse_ktap() {
	local out=$1 name=$2 exp=() s summary p f
	shift 2
	for s in "$@"; do exp+=(--expect "$s"); done
	python3 "$here/ktap-normalize.py" "$out/console.log" -o "$out/results.ktap" "${exp[@]}"
	local nrc=$?
	python3 "$SRC/tools/testing/kunit/kunit.py" parse --json="$top/$out/kunit.json" \
		<"$out/results.ktap" >"$out/kunit-parse.log" 2>&1
	local prc=$?
	grep -E '\[(PASSED|FAILED|CRASHED|SKIPPED)\]|ERROR' "$out/kunit-parse.log" | sed 's/^\[[0-9:]*\] //' >&2
	summary=$(grep -o 'Ran [0-9]* tests.*' "$out/kunit-parse.log" | tail -n 1)
	p=$(echo "$summary" | grep -o 'passed: [0-9]*' | grep -o '[0-9]*')
	f=0
	for k in failed crashed errors; do
		v=$(echo "$summary" | grep -o "$k: [0-9]*" | grep -o '[0-9]*')
		f=$((f + ${v:-0}))
	done
	p=${p:-0}
	if [ $nrc != 0 ] || [ $prc != 0 ]; then
		[ "$f" -gt 0 ] || f=1
	fi
	npass=$((npass + p))
	nfail=$((nfail + f))
	msg "$name: KUnit cases: $p passed, $f failed (${summary:-no summary}; parser rc $prc)"
	return $(( nrc || prc ))
}

run_kunit() {
	kunit_build
	local out=build/vm/kunit tests
	mkdir -p "$out"
	tests=$(ls "$KMOD"/*_test.ko 2>/dev/null)
	[ -n "$tests" ] || die "no KUnit test module was built (is CONFIG_KUNIT set in $KB?)"
	make -s userspace >&2 || die "userspace build failed"
	"$here/mkinitramfs.sh" "$out/initrd.gz" - - "$here/guest/kunit.sh" \
		"$KMOD/aiot.ko" "$KMOD/aiot_hwsim.ko" $tests build/bin/aiotctl build/bin/aiot-nltest \
		build/bin/aiot-hwsim-test || die "initramfs failed"
	msg "kunit: booting the KUnit guest"
	"$here/run-vm.sh" "$KB/arch/x86/boot/bzImage" "$out/initrd.gz" "$out" kasan_multi_shot
	analyse "$out" kunit $((TAINT_O | TAINT_N))
	# shellcheck disable=SC2046
	parse_ktap "$out" kunit $(expected_suites kernel/tests/*.c)
}

# A guest that must be seen as failed: run it, and count a PASS if the
# harness's own analysis flagged it.
expect_failure() {
	local what=$1 ko=$2 out=build/vm/selftest-$1 p0=$npass f0=$nfail p1 f1
	mkdir -p "$out"
	"$here/mkinitramfs.sh" "$out/initrd.gz" - - "$here/guest/selftest.sh" "$ko" ||
		die "initramfs failed"
	"$here/run-vm.sh" "$KB/arch/x86/boot/bzImage" "$out/initrd.gz" "$out" kasan_multi_shot
	{
		analyse "$out" "selftest-$what" $((TAINT_O | TAINT_N))
		parse_ktap "$out" "selftest-$what" "aiot_harness_selftest_$what"
	} >"$out/analysis.log" 2>&1
	f1=$((nfail - f0))
	npass=$p0 nfail=$f0
	# flagged, and by the detector meant to catch it
	if [ $f1 -gt 0 ] && grep -Eq "$3" "$out/analysis.log"; then
		result PASS "harness_detects_$what" "$f1 failure(s) flagged"
	else
		result FAIL "harness_detects_$what" "injected $what went unnoticed; see $out/analysis.log"
	fi
}

run_selftest() {
	kunit_build
	local sb=build/kmod/selftest-$(basename "$KB")
	mkdir -p "$sb"
	cp -a -u "$here"/selftest/* "$sb"/
	make -s -C "$KB" M="$top/$sb" modules >build/modules-selftest.log 2>&1 ||
		{ cat build/modules-selftest.log >&2; die "self-test modules failed to build"; }
	expect_failure fail "$sb/aiot_harness_selftest_fail.ko" \
		'^\[FAILED\] selftest_fails'
	expect_failure crash "$sb/aiot_harness_selftest_crash.ko" \
		'^RESULT FAIL selftest-crash/guest_finished'
	expect_failure kasan "$sb/aiot_harness_selftest_kasan.ko" \
		'^RESULT FAIL selftest-kasan/kernel_log_clean .*BUG: KASAN'
	expect_failure leak "$sb/aiot_harness_selftest_leak.ko" \
		'^RESULT FAIL selftest-leak/kernel_log_clean .*kmemleak'
	grep -q '^\[FAILED\] selftest_overflows' build/vm/selftest-kasan/analysis.log ||
		msg "selftest: KASAN did not fail the KUnit case itself (CONFIG_KASAN_KUNIT_TEST)"
}

layer=guest
case "$mode" in
stock)	run_stock "$@" ;;
e2e)	layer=e2e; run_e2e ;;
evaluate) layer=evaluate; run_evaluate ;;
kunit)	layer=kunit; run_kunit ;;
selftest) layer=harness; run_selftest ;;
*)	echo "usage: $0 stock [KVER...] | e2e | evaluate | kunit | selftest" >&2; exit 2 ;;
esac
echo "$layer: $npass passed, $nfail failed"
[ $nfail = 0 ]
