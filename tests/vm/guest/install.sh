# SPDX-License-Identifier: GPL-2.0
# The install guest (tests/vm/install.sh): Debian with aiot-dkms and
# aiot-tools installed by apt-get, booted from its own disk. Everything here
# is the installed system's: kmod's modprobe, the DKMS-built modules in
# /lib/modules/$(uname -r)/updates/dkms, the packaged tools.
. /opt/guest-lib.sh
kver=$(uname -r)
mods=/lib/modules/$kver

# what the packages installed
check dkms_status_installed sh -c "dkms status aiot -k $kver 2>/dev/null | grep -q ': installed'"
for m in aiot aiot_hwsim; do
	check "dkms_module_$m" sh -c "ls $mods/updates/dkms/$m.ko* >/dev/null 2>&1"
	check "modinfo_finds_dkms_$m" sh -c "modinfo -n $m | grep -q '^$mods/updates/dkms/$m\.ko'"
done
check module_signed_by_dkms sh -c "modinfo -F signer aiot | grep -q 'DKMS module signing key'"
check tools_installed test -x /usr/sbin/aiotctl -a -x /usr/sbin/aiot-bridge -a -x /usr/bin/aiotf-sim
check bridge_conf_is_conffile sh -c "dpkg-query -W -f '\${Conffiles}' aiot-tools | grep -q '^ /etc/aiot/bridge.conf '"
check bridge_unit_installed test -f /lib/systemd/system/aiot-bridge.service
check completion_installed test -f /usr/share/bash-completion/completions/aiotctl
check man_pages_installed test -f /usr/share/man/man8/aiotctl.8.gz -a -f /usr/share/man/man8/aiot-bridge.8.gz
check aiotf_sim_runs sh -c "aiotf-sim rand | grep -q '[0-9a-f]'"

# the family is requested by name: the kernel asks modprobe for
# net-pf-16-proto-16-family-aiot, the module's alias
check aiot_not_loaded_at_boot test ! -e /sys/module/aiot
check modprobe_resolves_family_alias sh -c \
	"modprobe -n -v net-pf-16-proto-16-family-aiot | grep -q 'updates/dkms/aiot\.ko'"
aiotctl info >/tmp/info 2>&1
check aiotctl_info_autoloads_aiot test $? = 0 -a -e /sys/module/aiot
check aiotctl_info_version grep -q '^version [0-9]' /tmp/info
# kmod's modprobe follows the module's soft dependencies (the crypto it
# allocates by name): each is loaded, or built in, under one of the names
# its alias stands for (sha256: sha256_generic, sha256_ssse3)
softdep_there() {
	for m in "$1" $(modprobe -R "$1" 2>/dev/null); do
		test -e "/sys/module/$m" && return 0
		grep -q "/$m\.ko" "$mods/modules.builtin" && return 0
	done
	return 1
}
for d in $(modinfo -F softdep aiot | sed -n 's/^pre: *//p'); do
	check "softdep_$d" softdep_there "$d"
done
[ -e /sys/module/aiot ] || cat /tmp/info >$R

# a small inventory on the simulated front end
check hwsim_loads modprobe aiot_hwsim readers=1
check hwsim_one_reader test "$(ls /sys/class/aiot 2>/dev/null | wc -l)" = 1
check hwsim_add_20_devices aiotctl hwsim add-devices 0 count 20 id a1070000 bits 32 seed 0102030405060708090a0b0c0d0e0f10
aiotctl -j inventory start 0 watch >/tmp/inv.json 2>/tmp/inv.err
check inventory_runs test $? = 0
check inventory_done grep -q '"message":"inventory-done"' /tmp/inv.json
# every device once: 20 device entries in the reports, 20 different NAS PDUs
# (identity, RAND_d, RES_AIOT), and the end's count
n=$(grep -o '"seq":[0-9]*' /tmp/inv.json | wc -l)
u=$(grep -o '"nas":"[0-9a-f]*"' /tmp/inv.json | sort -u | wc -l)
d=$(grep '"message":"inventory-done"' /tmp/inv.json | grep -o '"devices":[0-9]*' | head -n 1)
check inventory_reports_20_devices test "$n" = 20 -a "$u" = 20
check inventory_done_counts_20 test "$d" = '"devices":20'
[ "$n/$u/$d" = '20/20/"devices":20' ] ||
	{ echo "=== inventory: $n reports, $u different, $d"; cat /tmp/inv.json /tmp/inv.err; } >$R
check modules_unload modprobe -r aiot_hwsim aiot
