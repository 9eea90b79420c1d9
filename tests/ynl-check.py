#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Check that a YNL spec (genetlink-c) and its uapi header say the same.

Compares: family name and version macros, every attribute set (enum names
and values, in order), the operations enum, flag definitions, multicast
group names. Prints TAP, one line per item compared; exit status 1 on any
mismatch.

usage: ynl-check.py SPEC.yaml HEADER.h
"""
import re
import sys

import yaml


def cname(*parts):
    return ''.join(parts).upper().replace('-', '_')


def header_enums(text):
    enums = {}
    for m in re.finditer(r'enum\s+(\w+)\s*\{(.*?)\};', text, re.S):
        names, value = [], -1
        body = re.sub(r'/\*.*?\*/', '', m.group(2), flags=re.S)
        for item in body.split(','):
            item = item.strip()
            if not item:
                continue
            n, _, v = item.partition('=')
            n = n.strip()
            if v.strip():
                try:
                    value = int(v.strip(), 0)
                except ValueError:
                    continue        # MAX = __MAX - 1 and the like
            else:
                value += 1
            if n.startswith('__'):
                continue
            names.append((n, value))
        enums[m.group(1)] = names
    return enums


def header_defines(text):
    return dict(re.findall(r'^#define[ \t]+(\w+)[ \t]+(.+?)[ \t]*(?:/\*.*)?$', text, re.M))


def main():
    spec = yaml.safe_load(open(sys.argv[1]))
    text = open(sys.argv[2]).read()
    enums = header_enums(text)
    defs = header_defines(text)
    checks = []

    def check(name, ok, detail=''):
        checks.append((name, ok, detail))

    fam = cname(spec['c-family-name'])
    check('family name', defs.get(fam) == '"%s"' % spec['name'],
          '%s = %s' % (fam, defs.get(fam)))
    check('family version macro', cname(spec['c-version-name']) in defs)

    for d in spec.get('definitions', []):
        if d['type'] == 'enum':
            prefix = d.get('name-prefix', '%s-%s-' % (spec['name'], d['name']))
            ename = cname(d.get('enum-name', '%s-%s' % (spec['name'], d['name']))).lower()
            want, value = [], -1
            for e in d['entries']:
                value = e.get('value', value + 1) if isinstance(e, dict) else value + 1
                want.append((cname(prefix, e if isinstance(e, str) else e['name']), value))
            check('enum %s (%d entries)' % (ename, len(want)), enums.get(ename) == want,
                  'spec %s / header %s' % (want, enums.get(ename)))
            continue
        if d['type'] != 'flags':
            continue
        for i, e in enumerate(d['entries']):
            n = cname(d['name-prefix'], e['name'])
            v = defs.get(n, '')
            m = re.match(r'\(1U? << (\d+)\)', v)
            check('flag %s' % n, bool(m) and int(m.group(1)) == i, v)

    for aset in spec['attribute-sets']:
        ename = cname(aset['enum-name']).lower()
        want = [(cname(aset['name-prefix'], 'unspec'), 0)]
        value = 0
        for a in aset['attributes']:
            value = a.get('value', value + 1)
            want.append((cname(aset['name-prefix'], a['name']), value))
        got = enums.get(ename, [])
        check('attribute set %s (%d attributes)' % (ename, len(want)), got == want,
              'spec %s / header %s' % (sorted(set(want) - set(got)), sorted(set(got) - set(want))))

    ops = spec['operations']
    ename = cname(ops['enum-name']).lower()
    want = [(cname(ops['name-prefix'], 'unspec'), 0)]
    value = 0
    for op in ops['list']:
        value = op.get('value', value + 1)
        want.append((cname(ops['name-prefix'], op['name']), value))
    got = enums.get(ename, [])
    check('operations %s (%d)' % (ename, len(want)), got == want,
          'spec %s / header %s' % (sorted(set(want) - set(got)), sorted(set(got) - set(want))))

    groups = {v.strip('"') for k, v in defs.items() if k.startswith('AIOT_MCGRP_')}
    want = {g['name'] for g in spec.get('mcast-groups', {}).get('list', [])}
    check('multicast groups', groups == want, 'spec %s / header %s' % (sorted(want), sorted(groups)))
    for op in ops['list']:
        if 'mcgrp' in op:
            check('event %s group' % op['name'], op['mcgrp'] in want)

    print('1..%d' % len(checks))
    for i, (name, ok, detail) in enumerate(checks, 1):
        print('%s %d %s%s' % ('ok' if ok else 'not ok', i, name,
                              '' if ok else ' # ' + detail))
    return 0 if all(c[1] for c in checks) else 1


if __name__ == '__main__':
    sys.exit(main())
