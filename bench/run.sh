#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `make bench`: the air-interface benchmarks P2 (codec vs CRC) and P3
# (anti-collision Monte Carlo), natively, and P1 (security engine, kernel vs
# OpenSSL) and P4 (aiot_hwsim at scale) in stock guests. Prints the machine first (as
# comments), then "BENCH <id> <name> <value> <unit>" lines.
# P3_SCALE (percent of the default number of runs, default 100).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
echo "# machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
	"$(nproc) CPUs, kernel $(uname -r), $(${CC:-cc} --version | head -n 1)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
build/bench/p2_codec || rc=1
build/bench/p3_anticoll "${P3_SCALE:-100}" || rc=1
bench/p1_sec.sh || rc=1
bench/p4_hwsim.sh || rc=1
exit $rc
