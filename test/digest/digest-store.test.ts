import { describe, expect, it } from 'vitest';
import { aService, aUser } from '../helpers/builders.js';
import { decide } from './world.js';

const DAY = 86_400_000;

describe('the records a digest reads', () => {
  it('counts the reported week and the one before, and leaves out the current week and revised decisions', async () => {
    // Monday 2025-03-03 10:00 UTC: the reported week when previewing on 2025-03-10.
    const { service, clock } = aService();
    const me = aUser();
    await service.settings.update(me, { timezone: 'UTC' });
    clock.set(Date.parse('2025-02-25T10:00:00Z'));
    await decide(service, me, 'linkedin', 'decline');
    await service.time.log(me, 'linkedin 1h');
    clock.set(Date.parse('2025-03-03T10:00:00Z'));
    await decide(service, me, 'linkedin', 'accept');
    const revised = await decide(service, me, 'facebook', 'decline', 'Sam');
    await service.triage.revise(me, revised);
    await decide(service, me, 'linkedin', 'defer', 'Robin');
    await service.time.log(me, 'linkedin 20m at work');
    clock.set(Date.parse('2025-03-10T10:00:00Z'));
    await decide(service, me, 'linkedin', 'decline', 'Too Late');
    await service.time.log(me, 'linkedin 5h');
    const d = await service.digest.digestFor(me, { week: 'last' });
    expect(d.weekKey).toBe('2025-03-03');
    expect(d.triage).toMatchObject({ total: 2, lastWeek: 1, accepted: 1 });
    expect(d.time).toMatchObject({ total: 20, lastWeek: 60, work: 20 });
    expect(d.pending).toEqual([
      {
        triageId: expect.any(Number),
        platform: 'linkedin',
        inviter: 'Robin',
        deferredAt: Date.parse('2025-03-03T10:00:00Z'),
        // The deferral's reminder, a week on by default.
        nextReminderAt: expect.any(Number),
      },
    ]);
    expect((await service.digest.digestFor(me, { week: 'current' })).time.total).toBe(300);
  });

  it('keeps one user out of another user’s digest', async () => {
    const { service, clock } = aService();
    await decide(service, aUser({ userId: 'other' }), 'linkedin', 'defer');
    clock.advance(7 * DAY);
    expect((await service.digest.digestFor(aUser())).empty).toBe(true);
  });
});
