#!/usr/bin/env python3
# tests/common/call-schedule-oracle.py
#
# Copyright 2026 The Govorun authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes call-schedule-cases.json from call-schedule-cases.in.json with an
# oracle independent of Govorun's code: Python's zoneinfo, minute by minute,
# and the holidays of src/services/campaigns/govorun-russian-calendar.c.
#
#   python3 tests/common/call-schedule-oracle.py > tests/common/call-schedule-cases.json
import datetime as dt
import json
import os
from zoneinfo import ZoneInfo
UTC = dt.timezone.utc
DAY = 86400
HOL = {  # holidays (days off) per govorun-russian-calendar.c
 (2026,1,1),(2026,1,2),(2026,1,5),(2026,1,6),(2026,1,7),(2026,1,8),(2026,1,9),(2026,2,23),(2026,3,9),
 (2026,5,1),(2026,5,11),(2026,6,12),(2026,11,4),(2026,12,31),
 (2027,1,1),(2027,1,4),(2027,1,5),(2027,1,6),(2027,1,7),(2027,1,8),(2027,2,23),(2027,3,8),(2027,5,3),
 (2027,5,10),(2027,6,14),(2027,11,4),(2027,11,5)}

def ts(s, zone):  # local ISO → unix
    return int(dt.datetime.fromisoformat(s).replace(tzinfo=ZoneInfo(zone)).timestamp())

def off(zone, t):
    return int(dt.datetime.fromtimestamp(t, ZoneInfo(zone)).utcoffset().total_seconds() // 60)

def column(c):
    z = c['zone']; f = ts(c['from'], z); to = f + 120 * DAY
    h = c['hours']; mask = h['days'] or 127
    base = off(z, f - DAY); trans = []; cur = base
    t = f - DAY
    while t < to:
        t += 60
        o = off(z, t)
        if o != cur:
            lo, hi = t - 60, t
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if off(z, mid) == cur: lo = mid
                else: hi = mid
            trans.append((hi, o)); cur = o
    offd, workd = [], []
    if h.get('calendar'):
        d0 = dt.datetime.fromtimestamp(f, ZoneInfo(z)).date() - dt.timedelta(days=1)
        for i in range((to - f) // DAY + 3):
            d = d0 + dt.timedelta(days=i); wd = d.weekday()
            if not mask & (1 << wd): continue
            if (d.year, d.month, d.day) in HOL and wd < 5:
                offd.append((d - dt.date(1970,1,1)).days)
    w = lambda s, e: '%d-%d' % (s, e)
    col = '1/%d/%s/%s/%d/%s/%s/%s' % (base, w(h['ws'], h['we']),
        'x' if h.get('closed') else w(h['ds'], h['de']), mask,
        ','.join('%d:%d' % p for p in trans), ','.join(map(str, offd)), ','.join(map(str, workd)))
    return col.rstrip('/')

def allowed(c, t):
    z = c['zone']; h = c['hours']; mask = h['days'] or 127
    loc = dt.datetime.fromtimestamp(t, ZoneInfo(z)); m = loc.hour * 60 + loc.minute
    def win(d):
        wd = d.weekday()
        if not mask & (1 << wd): return None
        off_ = (d.year, d.month, d.day) in HOL if h.get('calendar') else False
        off_ = off_ or wd >= 5
        if off_:
            return None if h.get('closed') else (h['ds'], h['de'])
        return (h['ws'], h['we'])
    today = win(loc.date()); yest = win(loc.date() - dt.timedelta(days=1))
    if today:
        s, e = today
        if s == e: return True
        if s < e and s <= m < e: return True
        if s > e and m >= s: return True
    if yest:
        s, e = yest
        if s > e and m < e: return True
    return False

def next_allowed(c, t):
    # minute steps; windows start on whole minutes
    for i in range(0, 15 * 1440):
        u = t if i == 0 else (t // 60 + i) * 60
        if allowed(c, u): return u
    return -1

cases = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'call-schedule-cases.in.json')))
out = []
for c in cases:
    col = column(c)
    checks = []
    for now in c['now']:
        t = ts(now, c['zone'])
        checks.append({'now': t, 'local': now, 'next': next_allowed(c, t)})
    out.append({'name': c['name'], 'zone': c['zone'], 'from': ts(c['from'], c['zone']), 'hours': c['hours'],
                'column': col, 'checks': checks})
print(json.dumps({'cases': out}, indent=1, ensure_ascii=False))
