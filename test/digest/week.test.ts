import { describe, expect, it } from 'vitest';
import { isDue, localParts, localToInstant, previousWeek, scheduledIn, weekOf } from '../../src/core/week.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('the wall-clock reading of an instant', () => {
  it('reads each zone for itself, and each second, however often the same instant is asked', () => {
    const t = at('2025-03-30T00:59:59Z');
    for (let round = 0; round < 2; round++) {
      expect(localParts(t, 'Europe/Berlin')).toMatchObject({ day: 30, hour: 1, minute: 59 });
      expect(localParts(t, 'Asia/Kathmandu')).toMatchObject({ day: 30, hour: 6, minute: 44 });
      // One second later Berlin's clocks jump from 02:00 to 03:00.
      expect(localParts(t + 1000, 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 0 });
    }
  });
});

describe('the local week of an instant', () => {
  it('runs Monday 00:00 to Monday 00:00 in UTC', () => {
    const w = weekOf(at('2025-03-05T12:00:00Z'), 'UTC');
    expect(w.key).toBe('2025-03-03');
    expect(iso(w.start)).toBe('2025-03-03T00:00:00.000Z');
    expect(iso(w.end)).toBe('2025-03-10T00:00:00.000Z');
  });

  it('GIVEN New York in the week clocks spring forward THEN the week is 167 hours long', () => {
    const w = weekOf(at('2025-03-09T12:00:00Z'), 'America/New_York');
    expect(w.key).toBe('2025-03-03');
    expect(iso(w.start)).toBe('2025-03-03T05:00:00.000Z');
    expect(iso(w.end)).toBe('2025-03-10T04:00:00.000Z');
    expect((w.end - w.start) / HOUR).toBe(167);
  });

  it('GIVEN New York in the week clocks fall back THEN the week is 169 hours long', () => {
    const w = weekOf(at('2025-11-01T12:00:00Z'), 'America/New_York');
    expect(w.key).toBe('2025-10-27');
    expect((w.end - w.start) / HOUR).toBe(169);
    expect(iso(w.end)).toBe('2025-11-03T05:00:00.000Z');
  });

  it('GIVEN Berlin THEN Sunday late evening UTC already belongs to the next week', () => {
    expect(weekOf(at('2025-03-23T22:59:59Z'), 'Europe/Berlin').key).toBe('2025-03-17');
    expect(weekOf(at('2025-03-23T23:00:00Z'), 'Europe/Berlin').key).toBe('2025-03-24');
    const dst = weekOf(at('2025-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(iso(dst.start)).toBe('2025-03-23T23:00:00.000Z');
    expect(iso(dst.end)).toBe('2025-03-30T22:00:00.000Z');
  });

  it('GIVEN Kolkata (UTC+5:30) THEN the week turns at 18:30 UTC on Sunday', () => {
    expect(weekOf(at('2025-03-09T18:29:59Z'), 'Asia/Kolkata').key).toBe('2025-03-03');
    const w = weekOf(at('2025-03-09T18:30:00Z'), 'Asia/Kolkata');
    expect(w.key).toBe('2025-03-10');
    expect(iso(w.start)).toBe('2025-03-09T18:30:00.000Z');
  });

  it('GIVEN Auckland (UTC+13 in summer) THEN Sunday 11:00 UTC is already Monday there', () => {
    const w = weekOf(at('2025-03-09T11:00:00Z'), 'Pacific/Auckland');
    expect(w.key).toBe('2025-03-10');
    expect(iso(w.start)).toBe('2025-03-09T11:00:00.000Z');
    // Auckland leaves daylight time on 6 April 2025: that week has 169 hours.
    const back = weekOf(at('2025-04-03T00:00:00Z'), 'Pacific/Auckland');
    expect((back.end - back.start) / HOUR).toBe(169);
  });

  it('GIVEN a zone whose clocks skip midnight (Santiago) THEN the week starts when the clocks jump', () => {
    const w = weekOf(at('2025-09-10T12:00:00Z'), 'America/Santiago');
    expect(w.key).toBe('2025-09-08');
    expect(iso(w.start)).toBe('2025-09-08T03:00:00.000Z');
  });

  it('gives the week before, across a DST change', () => {
    const w = weekOf(at('2025-03-12T12:00:00Z'), 'America/New_York');
    const before = previousWeek(w);
    expect(before.key).toBe('2025-03-03');
    expect(before.end).toBe(w.start);
  });
});

describe('local times', () => {
  it('picks the earlier of a repeated time and the jump for a skipped one', () => {
    expect(iso(localToInstant(2025, 11, 2, 1, 'America/New_York'))).toBe('2025-11-02T05:00:00.000Z');
    expect(iso(localToInstant(2025, 3, 9, 2, 'America/New_York'))).toBe('2025-03-09T07:00:00.000Z');
  });
});

describe('when the digest is due', () => {
  it('GIVEN the default Monday 09:00 THEN it is due from 09:00 local on Monday until the week ends', () => {
    const tz = 'Europe/Berlin';
    expect(isDue(at('2025-03-10T07:59:00Z'), tz, 1, 9)).toBe(false);
    expect(isDue(at('2025-03-10T08:00:00Z'), tz, 1, 9)).toBe(true);
    expect(isDue(at('2025-03-16T22:59:00Z'), tz, 1, 9)).toBe(true);
    expect(isDue(at('2025-03-16T23:00:00Z'), tz, 1, 9)).toBe(false);
  });

  it('counts Sunday as the last day of the week', () => {
    const w = weekOf(at('2025-03-05T00:00:00Z'), 'Asia/Kolkata');
    expect(iso(scheduledIn(w, 0, 18))).toBe('2025-03-09T12:30:00.000Z');
    expect(iso(scheduledIn(w, 1, 9))).toBe('2025-03-03T03:30:00.000Z');
  });

  it('GIVEN New York on the Monday after clocks sprang forward THEN 09:00 is 13:00 UTC', () => {
    const w = weekOf(at('2025-03-10T12:00:00Z'), 'America/New_York');
    expect(iso(scheduledIn(w, 1, 9))).toBe('2025-03-10T13:00:00.000Z');
  });
});
