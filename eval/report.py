#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tables and plots of the evaluation (Documentation/evaluation.rst) from
the EVAL lines of real guest runs (tests/vm/guest/evaluate.sh, collected by
`tests/vm/run.sh evaluate` into build/eval/results.txt).

usage: report.py RESULTS OUT.rst PLOTDIR [--plot-prefix PATH]

Every number in the report is computed here from the lines; nothing is
typed in. Plots are PNGs drawn by gnuplot.
"""
import math
import os
import subprocess
import sys

POLICIES = {"0": "silent", "1": "as-indication", "2": "as-indication-cause"}


def parse(path):
    head, rows = "", []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("#"):
                head = line.lstrip("# ")
                continue
            if not line.startswith("EVAL "):
                continue
            words = line.split()
            row = {"kind": words[1]}
            for w in words[2:]:
                k, _, v = w.partition("=")
                row[k] = v
            rows.append(row)
    return head, rows


def num(row, key):
    v = row.get(key, "")
    try:
        return int(v)
    except ValueError:
        raise SystemExit(f"report: EVAL {row['kind']} lacks a number for '{key}': {row}")


def opt(row, key, default="-"):
    """A number some kinds of line carry and others do not."""
    return num(row, key) if key in row else default


def table(header, rows):
    cols = [header] + rows
    w = [max(len(str(r[i])) for r in cols) for i in range(len(header))]
    rule = " ".join("=" * x for x in w)
    out = [rule, " ".join(str(h).ljust(w[i]) for i, h in enumerate(header)), rule]
    for r in rows:
        out.append(" ".join(str(c).ljust(w[i]) for i, c in enumerate(r)))
    out.append(rule)
    return "\n".join(out)


def gnuplot(script):
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode:
        raise SystemExit("report: gnuplot failed: " + r.stderr.strip())


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    src, out_rst, plotdir = sys.argv[1:4]
    prefix = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--plot-prefix" else plotdir
    head, rows = parse(src)
    inv = [r for r in rows if r["kind"] == "inventory"]
    pag = [r for r in rows if r["kind"] == "paging"]
    cmd = [r for r in rows if r["kind"] == "command"]
    if not inv or not pag or not cmd:
        raise SystemExit(f"report: {src} lacks inventory, paging or command lines")
    for r in inv:
        if num(r, "authenticated") != num(r, "n"):
            raise SystemExit(f"report: a run did not authenticate every device: {r}")
    os.makedirs(plotdir, exist_ok=True)
    profiles = sorted({r["profile"] for r in inv})

    # ---- inventory per device -------------------------------------------------
    t_inv = []
    data = {}
    for r in sorted(inv, key=lambda r: (r["profile"], num(r, "n"))):
        n = num(r, "n")
        air_ms = num(r, "air_us") / 1000 / n
        sample = int(r.get("computed", "0") or 0)
        t_inv.append([r["profile"], n, f"{sample} of N, scaled" if sample else "all",
                      f"{num(r, 'r2d_frames') / n:.2f}", f"{num(r, 'd2r_frames') / n:.2f}",
                      f"{num(r, 'r2d_bits') / n:.1f}", f"{num(r, 'd2r_bits') / n:.1f}",
                      f"{air_ms:.2f}", f"{num(r, 'slots') / (math.e * n):.3f}",
                      f"{num(r, 'aes') / n:.2f}", f"{num(r, 'kdf') / n:.2f}",
                      f"{num(r, 'wall_ms')}"])
        data.setdefault(r["profile"], []).append(
            (n, air_ms, num(r, "r2d_frames") / n, num(r, "d2r_frames") / n))
    dat = os.path.join(plotdir, "inventory.dat")
    with open(dat, "w") as f:
        for p in profiles:
            f.write(f"# {p}\n")
            for n, a, r2d, d2r in data[p]:
                f.write(f"{n} {a:.4f} {r2d:.4f} {d2r:.4f}\n")
            f.write("\n\n")
    plots = ", ".join(f"'{dat}' index {i} using 1:2 with linespoints title '{p}'"
                      for i, p in enumerate(profiles))
    gnuplot(f"""set terminal pngcairo size 720,420 noenhanced
set output '{os.path.join(plotdir, "inventory-air.png")}'
set logscale x
set xlabel 'devices (N)'
set ylabel 'air time per device (ms)'
set yrange [0:*]
set title 'Authenticated inventory: modelled air time per device'
set grid
plot {plots}
""")
    plots = ", ".join(
        f"'{dat}' index {i} using 1:3 with linespoints title '{p} R2D', "
        f"'{dat}' index {i} using 1:4 with linespoints title '{p} D2R'"
        for i, p in enumerate(profiles))
    gnuplot(f"""set terminal pngcairo size 720,420 noenhanced
set output '{os.path.join(plotdir, "inventory-messages.png")}'
set logscale x
set xlabel 'devices (N)'
set ylabel 'messages per device'
set yrange [0:*]
set key bottom right
set title 'Authenticated inventory: messages per device'
set grid
plot {plots}
""")

    # ---- paging one device among N ------------------------------------------------
    t_pag = [[r["profile"], r.get("proc", "inventory"), num(r, "n"), num(r, "others"),
              num(r, "others_aes"), num(r, "others_kdf"), num(r, "others_rx_bits"),
              opt(r, "target_aes"), opt(r, "target_kdf"),
              f"{num(r, 'air_us') / 1000:.1f}"]
             for r in sorted(pag, key=lambda r: (r["profile"], r.get("proc", ""),
                                                 num(r, "n")))]

    # ---- integrity-failure options -------------------------------------------------
    t_cmd = []
    bars = []
    for r in sorted(cmd, key=lambda r: (r["profile"], r["policy"], r["mac"] != "good")):
        pol = POLICIES.get(r["policy"], r["policy"])
        t_cmd.append([r["profile"], pol, r["mac"], r["outcome"], num(r, "attempts"),
                      num(r, "attempts") - 1, r.get("cause") or "none",
                      f"{num(r, 'air_us') / 1000:.1f}", num(r, "dev_aes")])
        if r["mac"] == "bad":
            bars.append((f"{r['profile']} {pol}", num(r, "air_us") / 1000))
    dat2 = os.path.join(plotdir, "verdict.dat")
    with open(dat2, "w") as f:
        for i, (name, ms) in enumerate(bars):
            f.write(f"{i} \"{name}\" {ms:.3f}\n")
    gnuplot(f"""set terminal pngcairo size 720,420 noenhanced
set output '{os.path.join(plotdir, "verdict.png")}'
set style fill solid 0.6
set boxwidth 0.6
set ylabel 'air time to the verdict (ms)'
set title 'Command with a wrong MAC-I: time until the reader knows'
set grid ytics
set yrange [0:*]
plot '{dat2}' using 1:3:xtic(2) with boxes notitle
""")

    reading = []
    for p in profiles:
        cm = {(r["policy"], r["mac"]): r for r in cmd if r["profile"] == p}
        sil, ind = cm.get(("0", "bad")), cm.get(("1", "bad"))
        if sil and ind and num(ind, "air_us"):
            reading.append(
                f"- {p}: with a wrong MAC-I, the silent option reaches its verdict "
                f"(no response) after {num(sil, 'attempts')} transmissions and "
                f"{num(sil, 'air_us') / 1000:.1f} ms of air time, "
                f"{num(sil, 'air_us') / num(ind, 'air_us'):.1f} times the "
                f"{num(ind, 'air_us') / 1000:.1f} ms of an AS indication, which "
                f"answers the first transmission; the device spends "
                f"{num(sil, 'dev_aes')} AES blocks silent against {num(ind, 'dev_aes')} "
                f"with the indication (it checks each retransmission again).")
        big = max((r for r in inv if r["profile"] == p), key=lambda r: num(r, "n"))
        reading.append(
            f"- {p}: at N = {num(big, 'n')} an inventory uses "
            f"{num(big, 'slots') / (math.e * num(big, 'n')):.3f} e*N slots and "
            f"{num(big, 'air_us') / 1000 / num(big, 'n'):.2f} ms of air per device; "
            f"the devices that are not paged do "
            f"{sum(num(r, 'others_aes') + num(r, 'others_kdf') for r in pag if r['profile'] == p)}"
            f" crypto operations (AES blocks and derivations) in all the targeted "
            f"procedures measured, "
            + ("the identity being compared in clear." if p == "normative" else
               "each deriving a key from its own to find out whether it is meant."))
        for r in pag:
            if r["profile"] == p and r.get("proc") == "command" and num(r, "others"):
                reading.append(
                    f"- {p}: one command to one device among N = {num(r, 'n')} costs the "
                    f"{num(r, 'others')} others {num(r, 'others_kdf')} derivations and "
                    f"{num(r, 'others_aes')} AES blocks "
                    f"({(num(r, 'others_kdf') * 200 + num(r, 'others_aes') * 10) / 1e6:.3f} mJ "
                    f"at the model's 200 nJ and 10 nJ), the target {opt(r, 'target_kdf')} "
                    f"derivations and {opt(r, 'target_aes')} blocks.")
    reading = "\n".join(reading)

    out = f""".. SPDX-License-Identifier: GPL-2.0
.. Generated by eval/report.py from build/eval/results.txt (make evaluate):
.. do not edit; run it again.

===================================
Evaluation of the security profiles
===================================

Real runs of ``aiot.ko`` and ``aiot_hwsim.ko`` in a guest of Debian's stock
kernel ({head}):
each population is inventoried with authentication, one device among them
is paged alone and then sent a command, and one device receives a Read
command with a correct and with a wrong MAC under each integrity-failure
option of seed 000. Air time is the model of ``Documentation/hwsim.rst`` at
the default data rates; the device's crypto work (AES block operations and
HMAC-SHA-256 derivations) is the energy proxy counted by ``aiot_hwsim``.

Profiles measured: {", ".join(profiles)}
(``Documentation/security-profiles.rst``, default configurations). The
normative AIOTF is ``aiotf-sim`` (every RES_AIOT checked); the study
profiles' is ``aiot-attack-test``'s evaluation mode (every answer checked
with ``kernel/profile.c``): solution-y inventories a population with one
group paging, each answer found by its key identifier and checked by ARES;
solution-9 has only targeted authentication, so its whole-population row is
a sample of targeted authentications scaled to N (marked so).

Authenticated inventory, per device
===================================

{table(["profile", "N", "measured", "R2D msgs", "D2R msgs", "R2D bits", "D2R bits", "air ms", "slots/eN", "AES blk", "KDF ops", "wall ms"], t_inv)}

.. image:: {prefix}/inventory-air.png
.. image:: {prefix}/inventory-messages.png

Paging one device among N: the others' work
===========================================

The cost seed 004 names: what the devices that are not paged spend
("R2D bits taken": bits a device received while taking part in a
procedure, beyond recognising that the paging is not for it), and what the
target spends, for a targeted procedure (the normative inventory, the
solution-y access with its NRES exchange, the solution-9 authentication)
and for the command that follows it.

{table(["profile", "procedure", "N", "others", "AES blk", "KDF ops", "R2D bits taken", "target AES", "target KDF", "air ms"], t_pag)}

Integrity-failure options (seed 000)
====================================

A Read Request to one device, with its MAC-I right ("good") or with one
bit flipped ("bad"); "attempts" are the reader's transmissions (the
command is sent again while the device stays silent), "air ms" the
modelled air time until the reader has a verdict.

{table(["profile", "option", "MAC-I", "outcome", "attempts", "retx", "AS cause", "air ms", "device AES blk"], t_cmd)}

.. image:: {prefix}/verdict.png

What the numbers say
====================

{reading}
"""
    with open(out_rst, "w") as f:
        f.write("\n".join(l.rstrip() for l in out.split("\n")))


if __name__ == "__main__":
    main()
