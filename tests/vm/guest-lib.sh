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
