#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn the KTAP that KUnit test modules print into one KTAP document.

In 6.1 a test module prints, per suite, an indented block ("    KTAP version 1",
"    # Subtest: NAME", "    1..N", cases) and a top-level "ok N NAME" line,
but no document header; the boot-time executor prints its own empty plan
before. Kernel log noise interleaves. This keeps the suite blocks, drops the
rest, renumbers the suites and writes a document `kunit.py parse` accepts.

A suite that started but never finished (the guest crashed or hung) gets a
"not ok" line, so the parser reports it as crashed. A suite named with
--expect that never started is reported as not ok too.

Exit status: 0 only if every expected suite ran and passed.
"""
import argparse
import re
import sys

TS = re.compile(r'^\[\s*\d+\.\d+\]\s?')
SUBTEST = re.compile(r'^    # Subtest: (\S+)\s*$')
SUITE_END = re.compile(r'^(not ok|ok) \d+ (\S+)(.*)$')


def normalize(lines, expect):
    suites = []          # (name, [body lines], result-line or None)
    cur = None
    for raw in lines:
        line = TS.sub('', raw.rstrip('\r\n'))
        m = SUBTEST.match(line)
        if m:
            if cur is not None:
                suites.append(cur)
            cur = [m.group(1), [], None]
            continue
        if cur is None:
            continue
        m = SUITE_END.match(line)
        if m and m.group(2) == cur[0]:
            cur[2] = (m.group(1), m.group(3))
            suites.append(cur)
            cur = None
            continue
        if line.startswith('    ') and not line.strip().startswith('KTAP version'):
            cur[1].append(line)
    if cur is not None:
        suites.append(cur)

    seen = {s[0] for s in suites}
    out = ['KTAP version 1', '1..%d' % (len(suites) + len(set(expect) - seen))]
    ok = True
    n = 0
    for name, body, result in suites:
        n += 1
        out.append('    KTAP version 1')
        out.append('    # Subtest: %s' % name)
        out.extend(body)
        if result is None:
            out.append('not ok %d %s # suite did not finish (crash or hang)' % (n, name))
            ok = False
        else:
            out.append('%s %d %s%s' % (result[0], n, name, result[1]))
            if result[0] != 'ok':
                ok = False
    for name in sorted(set(expect) - seen):
        n += 1
        out.append('not ok %d %s # suite never started' % (n, name))
        ok = False
    if not suites and not expect:
        ok = False
    return out, ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('log', help='guest console log')
    ap.add_argument('-o', '--output', required=True, help='KTAP document to write')
    ap.add_argument('--expect', action='append', default=[],
                    help='suite that must have run (repeatable)')
    a = ap.parse_args()
    with open(a.log, errors='replace') as f:
        out, ok = normalize(f, a.expect)
    with open(a.output, 'w') as f:
        f.write('\n'.join(out) + '\n')
    if len(out) <= 2:
        print('ktap-normalize: no KUnit suite ran', file=sys.stderr)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
