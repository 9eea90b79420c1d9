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
echo "\$ ls /sys/module/aiot"
ls /sys/module/aiot
echo "\$ rmmod aiot && aiotctl info"
rmmod aiot
aiotctl info
echo "(exit status $?)"
