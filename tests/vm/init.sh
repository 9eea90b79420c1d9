#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of a test guest: run /opt/run.sh, then send its status, the kernel
# log and the taint value to the result channel (/dev/ttyS1) and power off.
mount -t devtmpfs dev /dev
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t tmpfs tmp /tmp
exec </dev/console >/dev/console 2>&1
export PATH=/opt/bin:/bin:/sbin
R=/dev/ttyS1
echo "=== GUEST START $(uname -r)" >$R
sh /opt/run.sh
rc=$?
# A leak check, when the kernel has kmemleak. kmemleak reports only objects
# older than 5 s, so let the test's allocations age before the scan.
if [ -w /sys/kernel/debug/kmemleak ]; then
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak >/tmp/kmemleak
	if [ -s /tmp/kmemleak ]; then
		echo "=== KMEMLEAK" >$R
		cat /tmp/kmemleak >$R
	fi
fi
echo "=== RUN_RC $rc" >$R
echo "=== TAINT $(cat /proc/sys/kernel/tainted)" >$R
echo "=== DMESG" >$R
dmesg >$R
echo "=== VM_DONE" >$R
sync
reboot -f
