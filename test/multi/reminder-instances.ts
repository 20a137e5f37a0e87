import { describe, expect, it } from 'vitest';
import { sharedDatabases } from '../helpers/shared-db.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { backdateClaims, perChannel, schedulerSuite, senderOf, until } from './schedulers.js';

const USERS = 3;
const DAY_MS = 86_400_000;
const isReminder = (c: RecordedCall) => c.method === 'chat.postMessage' && String(c.body.text).startsWith('Reminder:');

/**
 * Three real processes of the built bot run the scheduler on one database; the first to send a reminder is
 * killed after recording it, with the rest of its claimed page unsent. Each reminder reaches its user once.
 * The suite on one kind of database: each kind has its own file, so the two run side by side.
 */
export async function reminderSchedulers(name: 'SQLite' | 'PostgreSQL'): Promise<void> {
  const db = (await sharedDatabases()).find((d) => d.name === name);
  describe.skipIf(!db)(`three reminder schedulers on one ${name} database, one killed mid-run`, () => {
    const open = () => (db as NonNullable<typeof db>).open();
    const scene = schedulerSuite(open, async (db) => {
      // Deferred a week ago, due an hour ago; digests off, so only reminders are sent.
      const now = Date.now();
      for (let i = 1; i <= USERS; i++) {
        const [user] = (
          await db.query(
            `INSERT INTO users (provider, workspace, external_id, timezone, prefs, created_at)
           VALUES ('slack', 'E0001:T0001', ?, 'UTC', '{"digest":{"off":true}}', ?) RETURNING id`,
            [`U0REMIND${i}`, now - 30 * DAY_MS],
          )
        ).rows;
        const [inv] = (
          await db.query(
            `INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at)
           VALUES (?, 'linkedin', ?, '{}', 'x', 'test', ?) RETURNING id`,
            [user?.id, `Person ${i}`, now - 7 * DAY_MS],
          )
        ).rows;
        const [triage] = (
          await db.query(
            `INSERT INTO triages (user_id, invitation_id, status, state, outcome, created_at, updated_at)
           VALUES (?, ?, 'decided', '{}', 'defer', ?, ?) RETURNING id`,
            [user?.id, inv?.id, now - 7 * DAY_MS, now - 7 * DAY_MS],
          )
        ).rows;
        await db.query(
          `INSERT INTO reminders (triage_id, user_id, kind, due_at, send_at, status, attempts)
         VALUES (?, ?, 'deferred', ?, ?, 'pending', 0)`,
          [triage?.id, user?.id, now - 3_600_000, now - 3_600_000],
        );
      }
    });

    const count = async (status: string) =>
      Number((await scene.db.query('SELECT count(*) AS n FROM reminders WHERE status = ?', [status])).rows[0]?.n);

    it('sends every reminder once, the ones the dead process had claimed included', async () => {
      const first = await scene.fake.waitFor(isReminder, 0, 30_000);
      const a = senderOf(scene.instances, first);
      expect(a).toBeDefined();
      if (!a) return;
      // Sends to one workspace are a second apart: kill A once its first send is recorded, the rest still claimed.
      const recorded = Date.now() + 10_000;
      while ((await count('sent')) < 1 && Date.now() < recorded) await new Promise((r) => setTimeout(r, 20));
      await a.kill('SIGKILL');
      await backdateClaims(scene.db, 'reminders', a);
      await until(async () => (await count('sent')) >= USERS, 40_000);
      expect(await count('sent')).toBe(USERS);
      const perUser = perChannel(scene.fake.calls.filter(isReminder));
      expect(perUser.size).toBe(USERS);
      expect([...perUser.values()]).toEqual(Array(USERS).fill(1));
      expect(new Set(scene.fake.calls.filter(isReminder).map((c) => c.token)).size).toBeGreaterThan(1);
    }, 90_000);
  });
}
