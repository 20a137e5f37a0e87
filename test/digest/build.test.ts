import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/core/digest/build.js';
import { budgetBar, digestMessage } from '../../src/core/digest/message.js';
import { weekOf } from '../../src/core/week.js';
import { aRecords, counts } from './records.js';

const week = weekOf(Date.parse('2025-03-05T12:00:00Z'), 'Europe/Berlin');
const now = Date.parse('2025-03-10T08:00:00Z');
const DAY = 86_400_000;

const busyWeek = aRecords({
  thisWeek: {
    decisions: counts('linkedin accept 1', 'linkedin decline 2', 'linkedin defer 1', 'facebook decline 2'),
    time: [
      { platform: 'linkedin', place: 'work', minutes: 30 },
      { platform: 'linkedin', place: 'home', minutes: 20 },
      { platform: 'facebook', place: null, minutes: 15 },
    ],
  },
  lastWeek: { decisions: counts('linkedin decline 4'), time: [{ platform: 'linkedin', place: null, minutes: 40 }] },
  pending: [{ triageId: 7, platform: 'linkedin', inviter: 'Dana Kim', deferredAt: now - 3 * DAY }],
  pendingTotal: 1,
  budgets: [{ platform: 'linkedin', weeklyMinutes: 120, expectation: 'leads' }],
  guidance: { workHoursOk: true, note: 'Share company news; no client names.' },
});

const text = (m: ReturnType<typeof digestMessage>) =>
  m.sections.flatMap((s) => [s.heading ?? '', ...s.lines]).join('\n');

describe('building a digest', () => {
  it('counts triages by platform and outcome against last week', () => {
    const d = buildDigest(busyWeek, week, now);
    expect(d.weekKey).toBe('2025-03-03');
    expect(d.triage).toMatchObject({ total: 6, lastWeek: 4, accepted: 1 });
    expect(d.triage.platforms[0]).toMatchObject({ name: 'LinkedIn', total: 4, lastWeek: 4, byOutcome: { defer: 1 } });
    expect(d.acceptShare).toBeCloseTo(1 / 6);
  });

  it('splits time by platform and place, against the budget', () => {
    const d = buildDigest(busyWeek, week, now);
    expect(d.time).toMatchObject({ total: 65, lastWeek: 40, work: 30, home: 20 });
    expect(d.time.platforms[0]).toMatchObject({ platform: 'linkedin', minutes: 50, budget: 120, expectation: 'leads' });
  });

  it('is a pure function: the same inputs give the same digest', () => {
    expect(buildDigest(busyWeek, week, now)).toEqual(buildDigest(busyWeek, week, now));
  });

  it('GIVEN nothing at all THEN it is empty', () => {
    expect(buildDigest(aRecords(), week, now).empty).toBe(true);
    expect(buildDigest(aRecords({ pendingTotal: 1, pending: busyWeek.pending }), week, now).empty).toBe(false);
  });
});

describe('the digest message', () => {
  it('shows triages, the accepted share, what waits, time bars with the work/home split, guidance and one nudge', () => {
    const m = digestMessage(buildDigest(busyWeek, week, now));
    const all = text(m);
    expect(m.title).toBe('Your week, 3 Mar – 9 Mar');
    expect(all).toContain('6 invitations (up from 4 last week)');
    expect(all).toContain('LinkedIn: 4 (1 accepted, 2 declined, 1 deferred), last week 4');
    expect(all).toContain('Accepted 1 of 6 (17%): in line with the policies');
    expect(all).toContain('LinkedIn · Dana Kim · waiting 3 days');
    expect(all).toContain('LinkedIn ▇▇▇░░░░░ 50m of 2h · for leads · work 30m, home 20m');
    expect(all).toContain('Facebook 15m, no budget');
    expect(all).toContain('1h5m in all (up from 40m last week) · work 30m · home 20m · not said 15m');
    expect(all).toContain('What you may say: Share company news; no client names.');
    expect(m.sections.at(-1)).toEqual({ heading: 'One thing for next week', lines: [expect.any(String)] });
    expect(m.summary).toContain('6 triaged, 1 accepted, 1h5m logged');
  });

  it('offers a button per deferred invitation to decide it now', () => {
    const m = digestMessage(buildDigest(busyWeek, week, now));
    expect(m.actions).toEqual([{ label: 'Decide Dana Kim (LinkedIn)', action: 'revise', triageId: 7 }]);
  });

  it('lists at most what it was given and says how many more wait, with at most five buttons', () => {
    const pending = Array.from({ length: 10 }, (_, i) => ({
      triageId: i,
      platform: 'facebook',
      inviter: `P${i}`,
      deferredAt: now,
    }));
    const m = digestMessage(buildDigest(aRecords({ pending, pendingTotal: 14 }), week, now));
    expect(text(m)).toContain('Still deferred (14)');
    expect(text(m)).toContain('…and 4 more.');
    expect(m.actions).toHaveLength(5);
  });

  it('GIVEN a week of accepting nearly everything THEN the share line says so', () => {
    const m = digestMessage(
      buildDigest(
        aRecords({ thisWeek: { decisions: counts('facebook accept 9', 'facebook decline 1'), time: [] } }),
        week,
        now,
      ),
    );
    expect(text(m)).toContain('Accepted 9 of 10 (90%): far more than the policies intend');
  });

  it('GIVEN no activity THEN it is a short note with no buttons', () => {
    const m = digestMessage(buildDigest(aRecords(), week, now));
    expect(m.sections).toHaveLength(1);
    expect(m.summary).toContain('A quiet week');
    expect(m.actions).toEqual([]);
  });
});

describe('the budget bar', () => {
  it('fills eight cells by the share used, never empty once something is logged, full when over', () => {
    expect(budgetBar(60, 120)).toBe('▇▇▇▇░░░░');
    expect(budgetBar(1, 120)).toBe('▇░░░░░░░');
    expect(budgetBar(0, 120)).toBe('░░░░░░░░');
    expect(budgetBar(300, 120)).toBe('▇▇▇▇▇▇▇▇');
  });
});
