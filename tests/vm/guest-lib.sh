# SPDX-License-Identifier: GPL-2.0
# Sourced by guest test scripts: one result line per check on the result
# channel, which carries nothing else from the kernel.
R=/dev/ttyS1
pass() { echo "RESULT PASS $*" >$R; }
fail() { echo "RESULT FAIL $*" >$R; }
check() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# Load what a project module needs from the kernel's tree: hard and soft
# dependencies. A soft dependency built into the kernel has no module.
load_deps() {
	for d in $(modinfo -F depends "$1" | tr , ' '); do
		modprobe "$d" || return 1
	done
	for d in $(modinfo -F softdep "$1" | sed -n 's/^pre: *//p'); do
		modprobe "$d" 2>/dev/null ||
			grep -q "/$d.ko" "/lib/modules/$(uname -r)/modules.builtin" 2>/dev/null ||
			modinfo "$d" >/dev/null 2>&1 || return 1
	done
}

# Run a TAP-speaking test program; one RESULT line per TAP line.
run_tap() {
	prefix=$1
	shift
	timeout 120 "$@" >/tmp/tap.out 2>&1
	rc=$?
	[ $rc = 0 ] || { echo "=== $prefix output (exit $rc)"; cat /tmp/tap.out; } >$R
	sed -n 's/^ok [0-9]* \(.*\)$/RESULT PASS '"$prefix"': \1/p; s/^not ok [0-9]* \(.*\)$/RESULT FAIL '"$prefix"': \1/p' \
		/tmp/tap.out | tr ' ' '_' | sed 's/^RESULT_\(PASS\|FAIL\)_/RESULT \1 /' >$R
	grep -q '^1\.\.[0-9]' /tmp/tap.out || fail "$prefix: no TAP plan (exit $rc)"
}

# SCTP for AIoT-AP. busybox modprobe does not follow soft dependencies:
# libcrc32c needs a crc32c implementation loaded first.
load_sctp() {
	modprobe crc32c_generic 2>/dev/null
	modprobe sctp
}
