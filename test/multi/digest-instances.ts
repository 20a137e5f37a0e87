import { describe, expect, it } from 'vitest';
import { sharedDatabases } from '../helpers/shared-db.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { backdateClaims, perChannel, schedulerSuite, senderOf, until } from './schedulers.js';

const USERS = 3;
const DAY_MS = 86_400_000;
const isDigest = (c: RecordedCall) =>
  c.method === 'chat.postMessage' &&
  (c.body.metadata as { event_type?: string } | undefined)?.event_type === 'invite_triage_digest';

/**
 * Three real processes run the digest scheduler on one database; one is killed in the middle of its sends.
 * Each user gets that week's digest exactly once, the killed process's unfinished claim included.
 * The suite on one kind of database: each kind has its own file, so the two run side by side.
 */
export async function digestSchedulers(name: 'SQLite' | 'PostgreSQL'): Promise<void> {
  const db = (await sharedDatabases()).find((d) => d.name === name);
  describe.skipIf(!db)(`three digest schedulers on one ${name} database, one killed mid-run`, () => {
    const open = () => (db as NonNullable<typeof db>).open();
    const scene = schedulerSuite(open, async (db) => {
      // Due today at midnight UTC, added as if they came weeks ago.
      const weekday = new Date().getUTCDay();
      const prefs = JSON.stringify({ digest: { day: weekday, hour: 0 } });
      for (let i = 1; i <= USERS; i++) {
        await db.query(
          `INSERT INTO users (provider, workspace, external_id, timezone, prefs, created_at) VALUES ('slack', 'E0001:T0001', ?, 'UTC', ?, ?)`,
          [`U0DIGEST${i}`, prefs, Date.now() - 30 * DAY_MS],
        );
      }
    });

    it('sends every user one digest, even the one whose sender died', async () => {
      // Whichever instance sends first is killed the moment its digest reaches Slack, before it can record it.
      const first = await scene.fake.waitFor(isDigest, 0, 30_000);
      const a = senderOf(scene.instances, first);
      expect(a).toBeDefined();
      if (!a) return;
      await a.kill('SIGKILL');
      await backdateClaims(scene.db, 'digest_claims', a);
      const done = async () =>
        Number((await scene.db.query(`SELECT count(*) AS n FROM digest_claims WHERE status = 'sent'`)).rows[0]?.n);
      await until(async () => (await done()) >= USERS, 30_000);
      expect(await done()).toBe(USERS);
      const perUser = perChannel(scene.fake.calls.filter(isDigest));
      expect(perUser.size).toBe(USERS);
      expect([...perUser.values()].every((n) => n === 1)).toBe(true);
      const senders = new Set(scene.fake.calls.filter(isDigest).map((c) => c.token));
      expect(senders.size).toBeGreaterThan(1);
    });
  });
}
