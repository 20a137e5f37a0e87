import { describe, expect, it } from 'vitest';
import { aService, aUser } from '../helpers/builders.js';
import { decide } from './world.js';

const DAY = 86_400_000;

describe('the records a digest reads', () => {
  it('counts the reported week and the one before, and leaves out the current week and revised decisions', () => {
    // Monday 2025-03-03 10:00 UTC: the reported week when previewing on 2025-03-10.
    const { service, clock } = aService();
    const me = aUser();
    service.settings.update(me, { timezone: 'UTC' });
    clock.set(Date.parse('2025-02-25T10:00:00Z'));
    decide(service, me, 'linkedin', 'decline');
    service.time.log(me, 'linkedin 1h');
    clock.set(Date.parse('2025-03-03T10:00:00Z'));
    decide(service, me, 'linkedin', 'accept');
    const revised = decide(service, me, 'facebook', 'decline', 'Sam');
    service.triage.revise(me, revised);
    decide(service, me, 'linkedin', 'defer', 'Robin');
    service.time.log(me, 'linkedin 20m at work');
    clock.set(Date.parse('2025-03-10T10:00:00Z'));
    decide(service, me, 'linkedin', 'decline', 'Too Late');
    service.time.log(me, 'linkedin 5h');
    const d = service.digest.digestFor(me);
    expect(d.weekKey).toBe('2025-03-03');
    expect(d.triage).toMatchObject({ total: 2, lastWeek: 1, accepted: 1 });
    expect(d.time).toMatchObject({ total: 20, lastWeek: 60, work: 20 });
    expect(d.pending).toEqual([
      {
        triageId: expect.any(Number),
        platform: 'linkedin',
        inviter: 'Robin',
        deferredAt: Date.parse('2025-03-03T10:00:00Z'),
      },
    ]);
    expect(service.digest.digestFor(me, { week: 'current' }).time.total).toBe(300);
  });

  it('keeps one user out of another user’s digest', () => {
    const { service, clock } = aService();
    decide(service, aUser({ userId: 'other' }), 'linkedin', 'defer');
    clock.advance(7 * DAY);
    expect(service.digest.digestFor(aUser()).empty).toBe(true);
  });
});
