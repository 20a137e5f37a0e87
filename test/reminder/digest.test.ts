import { afterAll, describe, expect, it } from 'vitest';
import { runReminderTick } from '../../src/scheduler/reminder-tick.js';
import { runDigestTick } from '../../src/scheduler/tick.js';
import { createService, type Service } from '../../src/service/index.js';
import type { Stores } from '../../src/service/ports.js';
import { openDatabase } from '../../src/store/db.js';
import { createStores } from '../../src/store/index.js';
import { createPgStores, openPostgres } from '../../src/store/pg/index.js';
import { recordingNotifier, slackUser, tickDeps } from '../digest/world.js';
import { type FakeClock, fakeClock } from '../helpers/builders.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';
import { deferWith, reminderDeps } from './world.js';

const WED = Date.parse('2025-03-05T10:00:00Z');
const MON_0900_BERLIN = Date.parse('2025-03-10T08:00:00Z');

function digestCase(name: string, open: (clock: FakeClock) => Promise<Stores>) {
  describe(`the digest and the reminders, on ${name}`, () => {
    const opened: Stores[] = [];
    afterAll(async () => {
      for (const s of opened) await s.close();
    });

    it('GIVEN a reminder went out on digest day THEN the digest counts it; the others show their next reminder', async () => {
      const clock = fakeClock(WED);
      const stores = await open(clock);
      opened.push(stores);
      const service: Service = createService(stores, clock);
      const u = slackUser('U1');
      await service.settings.update(u, { timezone: 'Europe/Berlin' });
      const a = await deferWith(service, u, 'LinkedIn request from Dana Kim, ask again on 2025-03-10');
      const b = await deferWith(service, u, 'LinkedIn request from Dana Kim');
      const slack = recordingNotifier('slack', clock);
      clock.set(MON_0900_BERLIN);
      // As the scheduler runs them: reminders first, then the digest.
      expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
      expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
      const [reminder, digest] = slack.sent.map((d) => d.message);
      expect(reminder?.actions.map((x) => x.triageId)).toContain(a);
      const deferred = digest?.sections.find((s) => s.heading?.startsWith('Still deferred'));
      expect(deferred?.heading).toBe('Still deferred (2)');
      expect(deferred?.lines).toEqual([
        'LinkedIn · Dana Kim · waiting 4 days · next reminder Wed 12 Mar, 09:00',
        '1 more reminded today, in a message of its own.',
      ]);
      expect(digest?.actions.map((x) => x.triageId)).toEqual([b]);
    });
  });
}

digestCase('SQLite', async (clock) => createStores(openDatabase(':memory:'), clock));

const server = await postgres();
if (server.ok) {
  let fresh: FreshDatabase | undefined;
  afterAll(async () => {
    await fresh?.drop();
  });
  digestCase('PostgreSQL', async (clock) => {
    fresh = await freshDatabase(server.url, 'reminder_digest');
    return createPgStores(await openPostgres(fresh.url), clock, fresh.url);
  });
}
