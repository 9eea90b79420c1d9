# SPDX-License-Identifier: GPL-2.0
# `make demo` guest: load the subsystem into Debian's kernel and show what it
# registered. Everything printed here reaches the host's terminal.
exec >/dev/ttyS1 2>&1
. /opt/guest-lib.sh
load_deps /opt/modules/aiot.ko
echo "\$ insmod aiot.ko"
insmod /opt/modules/aiot.ko || exit 1
echo "\$ dmesg | grep aiot"
dmesg | grep 'aiot:'
echo "\$ aiotctl info"
aiotctl info
echo "\$ aiotctl -j info"
aiotctl -j info
echo "\$ ls /sys/class/aiot   # readers appear here when a front end registers one"
ls /sys/class/aiot
echo "\$ aiotctl crypto nia2 ...   # 128-NIA2, TS 33.401 C.2.1 (58-bit message)"
aiotctl crypto nia2 -k 2bd6459f82c5b300952c49104881ff48 -c 0x38a6f056 -b 0x18 -d 0 \
	-l 58 3332346263393840
echo "\$ rmmod aiot && aiotctl info"
rmmod aiot
aiotctl info
echo "(exit status $?)"
