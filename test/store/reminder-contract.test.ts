import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS } from '../../src/core/digest/claims.js';
import { createService } from '../../src/service/index.js';
import type { Stores } from '../../src/service/ports.js';
import { openDatabase } from '../../src/store/db.js';
import { createStores } from '../../src/store/index.js';
import { createPgStores, openPostgres } from '../../src/store/pg/index.js';
import { slackUser } from '../digest/world.js';
import { type FakeClock, fakeClock } from '../helpers/builders.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';
import { deferWith } from '../reminder/world.js';

const WED = Date.parse('2025-03-05T10:00:00Z');
const FRI_1700_BERLIN = Date.parse('2025-03-07T16:00:00Z');
const START = { sendAt: -1, triageId: 0, userId: 0 };
const due = (s: ReturnType<typeof createService>, now: number) => s.reminders.dueRefs(now, ['slack'], START, 10);

/** The reminder port's behaviour, the same on both dialects, through the service over each store. */
function reminderContract(name: string, open: (clock: FakeClock) => Promise<{ a: Stores; b: Stores }>) {
  describe(`reminders on ${name}`, () => {
    let stores: Stores[] = [];
    const setup = async () => {
      const clock = fakeClock(WED);
      const { a, b } = await open(clock);
      stores.push(a, b);
      const one = createService(a, clock);
      const two = createService(b, clock);
      const u = slackUser('U1');
      await one.settings.update(u, { timezone: 'Europe/Berlin' });
      return { clock, one, two, u };
    };
    afterAll(async () => {
      for (const s of stores) await s.close();
      stores = [];
    });

    it('lists a deferral with its time; claims it once between two connections; sent is final', async () => {
      const { clock, one, two, u } = await setup();
      const id = await deferWith(one, u, 'after our call on Friday');
      expect((await two.reminders.list(u)).items).toMatchObject([
        { triageId: id, kind: 'deferred', platform: 'linkedin', inviter: 'Dana Kim', sendAt: FRI_1700_BERLIN },
      ]);
      expect(await due(one, FRI_1700_BERLIN - 1)).toEqual([]);
      clock.set(FRI_1700_BERLIN);
      expect(await due(one, clock.now())).toEqual([
        { triageId: id, userId: expect.any(Number), sendAt: FRI_1700_BERLIN },
      ]);
      expect(await one.reminders.dueRefs(clock.now(), ['discord', 'console'], START, 10)).toEqual([]);
      const claims = await Promise.all([
        one.reminders.take([id], 'a', clock.now()),
        two.reminders.take([id], 'b', clock.now()),
      ]);
      expect(claims.map((c) => c.length).sort()).toEqual([0, 1]);
      // The claim reads what sending needs; Slack users of an Enterprise Grid org are keyed by the org alone.
      expect(claims.flat()).toMatchObject([
        { triageId: id, attempts: 1, status: 'claimed', provider: 'slack', workspace: 'E1:', externalId: 'U1' },
      ]);
      expect(claims.flat()[0]).toMatchObject({ kind: 'deferred', platform: 'linkedin', inviter: 'Dana Kim' });
      const winner = claims[0]?.length ? 'a' : 'b';
      expect(await one.reminders.markSent([id], winner === 'a' ? 'b' : 'a', clock.now())).toBe(0);
      expect(await one.reminders.markSent([id], winner, clock.now())).toBe(1);
      clock.advance(CLAIM_STALE_MS * 2);
      expect(await one.reminders.releaseStale(clock.now() - CLAIM_STALE_MS)).toBe(0);
      expect(await due(one, clock.now())).toEqual([]);
    });

    it('a failure is pending again at its retry time, or failed for good; a stale claim is freed', async () => {
      const { clock, one, u } = await setup();
      const id = await deferWith(one, u, 'after our call on Friday');
      clock.set(FRI_1700_BERLIN);
      await one.reminders.take([id], 'a', clock.now());
      expect(await one.reminders.markFailed([id], 'a', 'no', clock.now() + 1000)).toBe(1);
      expect(await due(one, clock.now())).toEqual([]);
      clock.advance(1000);
      expect((await one.reminders.take([id], 'a', clock.now()))[0]?.attempts).toBe(2);
      clock.advance(CLAIM_STALE_MS);
      expect(await one.reminders.releaseStale(clock.now() - CLAIM_STALE_MS)).toBe(1);
      expect((await one.reminders.take([id], 'b', clock.now()))[0]?.attempts).toBe(3);
      expect(await one.reminders.markFailed([id], 'b', 'no', null)).toBe(1);
      expect((await one.reminders.list(u)).items).toEqual([]);
    });

    it('forgetting a user, or deciding otherwise, removes the reminder', async () => {
      const { one, u } = await setup();
      const id = await deferWith(one, u, 'next week');
      await one.triage.revise(u, id);
      expect((await one.reminders.list(u)).items.map((i) => i.kind)).toEqual(['unfinished']);
      const v = await one.triage.get(u, id);
      if (v.step.kind !== 'question') throw new Error('expected a question');
      await one.triage.answer(u, id, { questionId: v.step.question.id, choice: 'no' });
      expect((await one.reminders.list(u)).items).toEqual([]);
      await deferWith(one, u, 'next week');
      await one.records.forget(u);
      expect((await one.reminders.list(u)).items).toEqual([]);
    });
  });
}

reminderContract('SQLite', async (clock) => {
  const a = createStores(openDatabase(':memory:'), clock);
  return { a, b: a };
});

const server = await postgres();
if (server.ok) {
  const dbs: FreshDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });
  reminderContract('PostgreSQL', async (clock) => {
    const fresh = await freshDatabase(server.url, `reminders${dbs.length}`);
    dbs.push(fresh);
    const a = createPgStores(await openPostgres(fresh.url), clock, fresh.url);
    const b = createPgStores(await openPostgres(fresh.url), clock, fresh.url);
    return { a, b };
  });
}
