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
n=$(grep -c '^ok \|^not ok ' "$t/real.tap")
# the checker's own lines, then two self-checks of the checker
echo "1..$((n + 2))"
cat "$t/real.tap" | grep '^ok \|^not ok '
[ $rc = 0 ] || echo "# ynl-check exited $rc"

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
