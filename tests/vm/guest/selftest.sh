# SPDX-License-Identifier: GPL-2.0
# Harness self-test guest: load the one deliberately broken test module.
. /opt/guest-lib.sh
for t in /opt/modules/*.ko; do
	check "load_$(basename "$t" .ko)" insmod "$t"
done
