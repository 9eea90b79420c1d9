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
# A leak check, when the kernel has kmemleak: scan twice (objects must be
# seen unreferenced on two scans) and report whatever remains.
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	if [ -s /sys/kernel/debug/kmemleak ]; then
		echo "=== KMEMLEAK" >$R
		cat /sys/kernel/debug/kmemleak >$R
	fi
fi
echo "=== RUN_RC $rc" >$R
echo "=== TAINT $(cat /proc/sys/kernel/tainted)" >$R
echo "=== DMESG" >$R
dmesg >$R
echo "=== VM_DONE" >$R
sync
reboot -f
