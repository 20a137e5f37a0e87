import type { Outcome } from '../criteria.js';
import { getPlatform, isPlatformId } from '../platforms.js';
import type { Provider } from '../user.js';
import { type Week, weekLabel } from '../week.js';
import { chooseNudge } from './nudge.js';
import type { Digest, DigestRecords, MinutesLogged, OutcomeCount, PlatformTime, PlatformTriage } from './types.js';

/** Builds one user's digest for a week from their records; pure, so the same inputs give the same digest. */
export function buildDigest(records: DigestRecords, week: Week, now: number, surface?: Provider): Digest {
  const triage = triageSection(records.thisWeek.decisions, records.lastWeek.decisions);
  const time = timeSection(records);
  const pendingTotal = Math.max(records.pendingTotal, records.pending.length);
  const digestWithoutNudge = {
    weekKey: week.key,
    weekLabel: weekLabel(week),
    builtAt: now,
    timeZone: week.timeZone,
    empty: triage.total === 0 && time.total === 0 && pendingTotal === 0,
    triage,
    acceptShare: triage.total === 0 ? null : triage.accepted / triage.total,
    pending: [...records.pending].sort((a, b) => a.deferredAt - b.deferredAt),
    pendingTotal,
    time,
    guidance: records.guidance,
    ...(surface ? { surface } : {}),
  };
  return { ...digestWithoutNudge, nudge: chooseNudge(digestWithoutNudge, now) };
}

export function platformName(platform: string | null): string {
  return platform && isPlatformId(platform) ? getPlatform(platform).name : 'Other';
}

function triageSection(current: OutcomeCount[], previous: OutcomeCount[]): Digest['triage'] {
  const byPlatform = new Map<string, PlatformTriage>();
  const entry = (platform: string) => {
    let e = byPlatform.get(platform);
    if (!e) {
      const byOutcome: Record<Outcome, number> = { accept: 0, decline: 0, defer: 0, redirect: 0 };
      e = { platform, name: platformName(platform), total: 0, lastWeek: 0, byOutcome };
      byPlatform.set(platform, e);
    }
    return e;
  };
  for (const c of current) {
    const e = entry(c.platform);
    e.total += c.count;
    e.byOutcome[c.outcome] = (e.byOutcome[c.outcome] ?? 0) + c.count;
  }
  for (const c of previous) entry(c.platform).lastWeek += c.count;
  const platforms = [...byPlatform.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return {
    platforms,
    total: sum(platforms.map((p) => p.total)),
    lastWeek: sum(platforms.map((p) => p.lastWeek)),
    accepted: sum(platforms.map((p) => p.byOutcome.accept)),
  };
}

function timeSection(records: DigestRecords): Digest['time'] {
  const byPlatform = new Map<string, PlatformTime>();
  const entry = (platform: string) => {
    let e = byPlatform.get(platform);
    if (!e) {
      e = {
        platform,
        name: platformName(platform),
        minutes: 0,
        lastWeek: 0,
        work: 0,
        home: 0,
        budget: null,
        expectation: null,
      };
      byPlatform.set(platform, e);
    }
    return e;
  };
  for (const b of records.budgets) {
    const e = entry(b.platform);
    e.budget = b.weeklyMinutes;
    e.expectation = b.expectation;
  }
  const add = (logs: MinutesLogged[], thisWeek: boolean) => {
    for (const l of logs) {
      const e = entry(l.platform);
      if (!thisWeek) {
        e.lastWeek += l.minutes;
        continue;
      }
      e.minutes += l.minutes;
      if (l.place === 'work') e.work += l.minutes;
      if (l.place === 'home') e.home += l.minutes;
    }
  };
  add(records.thisWeek.time, true);
  add(records.lastWeek.time, false);
  const platforms = [...byPlatform.values()]
    .filter((p) => p.minutes > 0 || p.budget !== null)
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
  return {
    platforms,
    total: sum(platforms.map((p) => p.minutes)),
    lastWeek: sum([...byPlatform.values()].map((p) => p.lastWeek)),
    work: sum(platforms.map((p) => p.work)),
    home: sum(platforms.map((p) => p.home)),
  };
}

function sum(ns: number[]): number {
  return ns.reduce((a, b) => a + b, 0);
}
