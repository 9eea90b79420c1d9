#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The YNL spec and the uapi header agree (tests/ynl-check.py), and the
# checker does see a difference when there is one.
top=$(cd "$(dirname "$0")/../.." && pwd)
spec=$top/Documentation/netlink/specs/aiot.yaml
hdr=$top/include/uapi/linux/aiot.h
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

/usr/bin/python3 "$top/tests/ynl-check.py" "$spec" "$hdr" >"$t/real.tap"
rc=$?
# the same checks for the family of the simulated front end
/usr/bin/python3 "$top/tests/ynl-check.py" "$top/Documentation/netlink/specs/aiot_hwsim.yaml" \
	"$top/include/uapi/linux/aiot_hwsim.h" | sed 's/^\(ok\|not ok\) [0-9]* /\1 0 aiot_hwsim: /' >>"$t/real.tap"
rc2=${PIPESTATUS[0]}
n=$(grep -c '^ok \|^not ok ' "$t/real.tap")
# the checker's own lines, then two self-checks of the checker
echo "1..$((n + 2))"
grep '^ok \|^not ok ' "$t/real.tap" | awk '{ if ($1 == "ok") $2 = NR; else $3 = NR; print }'
[ $rc = 0 ] || echo "# ynl-check exited $rc"
[ $rc2 = 0 ] || echo "# ynl-check (aiot_hwsim) exited $rc2"

sed 's/name: rate-min$/name: rate-minimum/' "$spec" >"$t/renamed.yaml"
if ! /usr/bin/python3 "$top/tests/ynl-check.py" "$t/renamed.yaml" "$hdr" >/dev/null; then
	echo "ok $((n + 1)) checker catches a renamed attribute"
else
	echo "not ok $((n + 1)) checker catches a renamed attribute"
fi
sed 's/^\tAIOT_CMD_DEL_READER,$/\tAIOT_CMD_DEL_READER,\n\tAIOT_CMD_EXTRA,/' "$hdr" >"$t/extra.h"
if ! /usr/bin/python3 "$top/tests/ynl-check.py" "$spec" "$t/extra.h" >/dev/null; then
	echo "ok $((n + 2)) checker catches a command missing from the spec"
else
	echo "not ok $((n + 2)) checker catches a command missing from the spec"
fi
