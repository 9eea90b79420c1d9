#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a kernel + initramfs under QEMU TCG with a hard timeout.
# usage: run-vm.sh KERNEL INITRD OUTDIR [extra kernel args]
# OUTDIR/console.log: ttyS0 (kernel console, crash-safe printk copy)
# OUTDIR/results.log: ttyS1 (result channel, nothing but what the guest writes)
set -uo pipefail
kernel=$1 initrd=$2 out=$3
shift 3
mkdir -p "$out"
# A guest that dies before its script starts (no "=== GUEST START" on the
# result channel) never loaded a module of ours: that is the emulator or
# the kernel's early boot, so it is booted once more, and said so. Anything
# after the script started counts as it is.
for attempt in 1 2; do
	rm -f "$out/console.log" "$out/results.log"
	timeout -k 5 "${AIOT_VM_TIMEOUT:-300}" qemu-system-x86_64 \
		-accel tcg -cpu "${AIOT_VM_CPU:-max}" -smp 2 -m "${AIOT_VM_MEM:-1024}" \
		-nographic -no-reboot -nodefaults \
		-serial "file:$out/console.log" -serial "file:$out/results.log" \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 oops=panic loglevel=7 $*" \
		</dev/null >"$out/qemu.log" 2>&1
	rc=$?
	# the guest's tty turns \n into \r\n
	sed -i 's/\r$//' "$out/results.log" 2>/dev/null
	[ $rc = 124 ] && echo "VM TIMEOUT after ${AIOT_VM_TIMEOUT:-300}s" >>"$out/console.log"
	grep -q '^=== GUEST START' "$out/results.log" 2>/dev/null && break
	[ $attempt = 2 ] && break
	mv "$out/console.log" "$out/console.early-death.log"
	echo "run-vm: the guest died before its script started (see $out/console.early-death.log); booting it once more" >&2
done
exit $rc
