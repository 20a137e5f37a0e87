import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/core/digest/build.js';
import type { DigestRecords } from '../../src/core/digest/types.js';
import { weekOf } from '../../src/core/week.js';
import { aRecords, counts } from './records.js';

const week = weekOf(Date.parse('2025-03-05T12:00:00Z'), 'UTC');
const now = Date.parse('2025-03-10T09:00:00Z');
const DAY = 86_400_000;
const nudgeOf = (r: DigestRecords) => buildDigest(r, week, now).nudge;
const logged = (platform: string, minutes: number, place: 'work' | 'home' | null = null) => ({
  platform,
  minutes,
  place,
});
const pendingItems = (n: number, ageDays = 2) =>
  Array.from({ length: n }, (_, i) => ({
    triageId: i + 1,
    platform: 'linkedin',
    inviter: `P${i}`,
    deferredAt: now - ageDays * DAY,
  }));

describe('the one nudge', () => {
  it('GIVEN a platform over its budget THEN says so first, naming the platform and the figures', () => {
    const n = nudgeOf(
      aRecords({
        thisWeek: {
          decisions: counts('linkedin accept 9', 'linkedin decline 1'),
          time: [logged('linkedin', 180, 'work')],
        },
        budgets: [{ platform: 'linkedin', weeklyMinutes: 120, expectation: 'leads' }],
        guidance: { workHoursOk: false, note: '' },
        pending: pendingItems(6),
        pendingTotal: 6,
      }),
    );
    expect(n.kind).toBe('over_budget');
    expect(n.text).toContain('LinkedIn took 3h against a 2h budget');
    expect(n.text).toContain('leads');
  });

  it('GIVEN several over budget THEN names the largest overrun', () => {
    const n = nudgeOf(
      aRecords({
        thisWeek: { decisions: [], time: [logged('linkedin', 70), logged('facebook', 200)] },
        budgets: [
          { platform: 'linkedin', weeklyMinutes: 60, expectation: null },
          { platform: 'facebook', weeklyMinutes: 60, expectation: null },
        ],
      }),
    );
    expect(n.text).toMatch(/^Facebook/);
  });

  it('GIVEN time at work and a team that keeps networking out of work hours THEN points to the guidance', () => {
    const n = nudgeOf(
      aRecords({
        thisWeek: { decisions: [], time: [logged('linkedin', 40, 'work')] },
        guidance: { workHoursOk: false, note: 'Only company news.' },
      }),
    );
    expect(n.kind).toBe('work_against_guidance');
    expect(n.text).toContain('40m at work');
  });

  it('GIVEN the team allows work hours THEN time at work is no reason for a nudge', () => {
    const n = nudgeOf(
      aRecords({
        thisWeek: { decisions: [], time: [logged('linkedin', 40, 'work')] },
        guidance: { workHoursOk: true, note: '' },
      }),
    );
    expect(n.kind).not.toBe('work_against_guidance');
  });

  it('GIVEN nearly everything accepted THEN recalls that most invitations should fail the criteria', () => {
    const n = nudgeOf(
      aRecords({ thisWeek: { decisions: counts('linkedin accept 9', 'linkedin decline 1'), time: [logged('x', 5)] } }),
    );
    expect(n.kind).toBe('accepting_most');
    expect(n.text).toContain('accepted 9 of 10');
  });

  it('GIVEN only four decisions, all accepted THEN that is too few to judge', () => {
    const n = nudgeOf(aRecords({ thisWeek: { decisions: counts('linkedin accept 4'), time: [logged('x', 5)] } }));
    expect(n.kind).not.toBe('accepting_most');
  });

  it('GIVEN five deferred invitations waiting THEN asks to decide them', () => {
    const n = nudgeOf(
      aRecords({ pending: pendingItems(5), pendingTotal: 5, thisWeek: { decisions: [], time: [logged('x', 5)] } }),
    );
    expect(n.kind).toBe('too_many_pending');
    expect(n.text).toContain('5 deferred invitations are still waiting');
  });

  it('GIVEN one deferral older than three weeks THEN that alone is too long to wait', () => {
    const n = nudgeOf(
      aRecords({ pending: pendingItems(1, 30), pendingTotal: 1, thisWeek: { decisions: [], time: [logged('x', 5)] } }),
    );
    expect(n.kind).toBe('too_many_pending');
    expect(n.text).toContain('30 days');
  });

  it('GIVEN time up by half and 30 minutes on last week THEN points to the rising trend', () => {
    const n = nudgeOf(
      aRecords({
        thisWeek: { decisions: [], time: [logged('linkedin', 120)] },
        lastWeek: { decisions: [], time: [logged('linkedin', 60)] },
      }),
    );
    expect(n.kind).toBe('rising');
    expect(n.text).toContain('2h from 1h');
  });

  it('GIVEN triages doubled to five or more THEN that is a rising trend too', () => {
    const n = nudgeOf(
      aRecords({
        thisWeek: { decisions: counts('linkedin decline 6'), time: [logged('x', 5)] },
        lastWeek: { decisions: counts('linkedin decline 3'), time: [logged('x', 5)] },
      }),
    );
    expect(n).toMatchObject({ kind: 'rising' });
  });

  it('GIVEN no time logged THEN asks to log it', () => {
    expect(nudgeOf(aRecords({ thisWeek: { decisions: counts('linkedin decline 2'), time: [] } })).kind).toBe(
      'nothing_logged',
    );
  });

  it('GIVEN a calm week THEN suggests a budget where one is missing, else says all is well', () => {
    const unbudgeted = nudgeOf(aRecords({ thisWeek: { decisions: [], time: [logged('facebook', 20)] } }));
    expect(unbudgeted.kind).toBe('steady');
    expect(unbudgeted.text).toContain('budget facebook');
    const fine = nudgeOf(
      aRecords({
        thisWeek: { decisions: [], time: [logged('facebook', 20)] },
        budgets: [{ platform: 'facebook', weeklyMinutes: 60, expectation: 'friends' }],
      }),
    );
    expect(fine).toMatchObject({ kind: 'steady', text: expect.stringContaining('within budget') });
  });
});
