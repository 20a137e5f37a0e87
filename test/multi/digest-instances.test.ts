import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../console/build.js';
import { freePort, type Instance, startInstance } from '../helpers/instances.js';
import { tempDir } from '../helpers/run-process.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/slack-fake-api.js';
import { SIGNING_SECRET } from '../helpers/slack-sign.js';

const USERS = 9;
const DAY_MS = 86_400_000;
const isDigest = (c: RecordedCall) =>
  c.method === 'chat.postMessage' &&
  (c.body.metadata as { event_type?: string } | undefined)?.event_type === 'invite_triage_digest';

/**
 * Three real processes run the digest scheduler on one database; one is killed in the middle of its sends.
 * Each user gets that week's digest exactly once, the killed process's unfinished claim included.
 */
describe('three digest schedulers on one database, one killed mid-run', () => {
  let fake: FakeSlack;
  let folder: ReturnType<typeof tempDir>;
  let file: string;
  const instances: Instance[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    fake = await startFakeSlack();
    folder = tempDir();
    file = join(folder.dir, 'shared.db');
    // The first instance creates and migrates the database; users are then added as if they came weeks ago.
    instances.push(await start('A'));
    const db = new Database(file);
    const weekday = new Date().getUTCDay();
    const prefs = JSON.stringify({ digest: { day: weekday, hour: 0 } });
    const insert = db.prepare(
      `INSERT INTO users (provider, workspace, external_id, timezone, prefs, created_at) VALUES ('slack', 'E0001:T0001', ?, 'UTC', ?, ?)`,
    );
    for (let i = 1; i <= USERS; i++) insert.run(`U0DIGEST${i}`, prefs, Date.now() - 30 * DAY_MS);
    db.close();
    instances.push(await start('B'), await start('C'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    await fake?.close();
    folder?.cleanup();
  });

  async function start(name: string): Promise<Instance> {
    return startInstance(name, {
      DATABASE_PATH: file,
      SLACK_BOT_TOKEN: `xoxb-instance-${name}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DIGEST_CRON: '* * * * * *',
    });
  }

  it('sends every user one digest, even the one whose sender died', async () => {
    const [a] = instances;
    // A is killed the moment its first digest reaches Slack, before it can record the send.
    await fake.waitFor((c) => isDigest(c) && c.token === 'xoxb-instance-A', 0, 30_000);
    await a?.kill('SIGKILL');
    const db = new Database(file);
    try {
      // A's unfinished claims: taken over once stale. Two hours pass here by backdating them.
      const stale = db
        .prepare(`UPDATE digest_claims SET claimed_at = claimed_at - ? WHERE status = 'claimed' AND claimed_by LIKE ?`)
        .run(3 * 60 * 60_000, `%:${a?.proc.pid}:%`);
      expect(stale.changes).toBeGreaterThanOrEqual(0);
      const done = () =>
        (db.prepare(`SELECT count(*) AS n FROM digest_claims WHERE status = 'sent'`).get() as { n: number }).n;
      const deadline = Date.now() + 30_000;
      while (done() < USERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(done()).toBe(USERS);
    } finally {
      db.close();
    }
    const perUser = new Map<string, number>();
    for (const c of fake.calls.filter(isDigest)) {
      const channel = String(c.body.channel);
      perUser.set(channel, (perUser.get(channel) ?? 0) + 1);
    }
    expect(perUser.size).toBe(USERS);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    const senders = new Set(fake.calls.filter(isDigest).map((c) => c.token));
    expect(senders.size).toBeGreaterThan(1);
  });
});
