#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of the install test's initramfs (tests/vm/install.sh): load the
# disk's drivers from the stock kernel's modules, mount the installed Debian
# system read-only, put the test (this initramfs's /opt) on a tmpfs /opt of
# it and switch_root into it, with tests/vm/init.sh as its init. From there
# on the kernel's module requests run the installed system's modprobe.
mount -t devtmpfs dev /dev
mount -t proc proc /proc
mount -t sysfs sys /sys
exec </dev/console >/dev/console 2>&1
R=/dev/ttyS1
fatal() {
	echo "RESULT FAIL $1" >$R
	echo "=== VM_DONE (initramfs)" >$R
	reboot -f
}
# ext4's checksums need crc32c, a soft dependency busybox does not follow
for m in crc32c_generic virtio_pci virtio_blk ext4; do
	modprobe "$m" || fatal "initramfs_loads_$m"
done
i=0
while [ ! -b /dev/vda ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
mount -t ext4 -o ro /dev/vda /newroot || fatal root_mounts
mount -t tmpfs -o mode=0755 opt /newroot/opt || fatal opt_tmpfs
cp -a /opt/. /newroot/opt/
for d in dev proc sys; do
	mount --move /$d /newroot/$d
done
exec switch_root /newroot /opt/init
