import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from '../console/build.js';
import { freePort, type Instance, startInstance } from '../helpers/instances.js';
import type { SharedDb } from '../helpers/shared-db.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/slack-fake-api.js';
import { SIGNING_SECRET } from '../helpers/slack-sign.js';

/** A suite's fake Slack, database and three schedulers, set once its beforeAll has run. */
export interface SchedulerScene {
  fake: FakeSlack;
  db: SharedDb;
  instances: Instance[];
}

/**
 * Registers the suite's hooks: builds the bot, starts a fake Slack, opens the database, starts three schedulers,
 * then `seed`s the database, so nothing is due before all three are up. Kills and removes it all afterwards.
 */
export function schedulerSuite(open: () => Promise<SharedDb>, seed: (db: SharedDb) => Promise<void>): SchedulerScene {
  const scene = { instances: [] as Instance[] } as SchedulerScene;
  beforeAll(async () => {
    await ensureBuilt();
    scene.fake = await startFakeSlack();
    scene.db = await open();
    await startSchedulers(scene.db, scene.fake.apiUrl, scene.instances);
    await seed(scene.db);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(scene.instances.map((i) => i.kill('SIGKILL')));
    await scene.fake?.close();
    await scene.db?.drop();
  });
  return scene;
}

/**
 * Three bots on one database and one fake Slack, every scheduler ticking each second. Each is added to `into` as
 * soon as it is up, so those already started are stopped even when a later one fails to start.
 */
export async function startSchedulers(db: SharedDb, apiUrl: string, into: Instance[] = []): Promise<Instance[]> {
  const start = async (name: string) => {
    const instance = await startInstance(name, {
      ...db.env,
      SLACK_BOT_TOKEN: `xoxb-instance-${name}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DIGEST_CRON: '* * * * * *',
    });
    into.push(instance);
    return instance;
  };
  // The first creates and migrates the database; the other two then start together.
  const first = await start('A');
  return [first, ...(await Promise.all([start('B'), start('C')]))];
}

/** The instance whose token sent this call. */
export const senderOf = (instances: readonly Instance[], call: RecordedCall) =>
  instances.find((i) => call.token === `xoxb-instance-${i.name}`);

/**
 * Makes a killed instance's claims look two hours old, past the stale-claim wait, so the others take them over
 * now. Claims name their process by pid.
 */
export async function backdateClaims(db: SharedDb, table: 'reminders' | 'digest_claims', dead: Instance) {
  await db.query(`UPDATE ${table} SET claimed_at = claimed_at - ? WHERE status = 'claimed' AND claimed_by LIKE ?`, [
    3 * 60 * 60_000,
    `%:${dead.proc.pid}:%`,
  ]);
}

/** Polls until `done` holds or `ms` pass. */
export async function until(done: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

/** How many of these calls each channel got, by channel. */
export function perChannel(calls: readonly RecordedCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(String(c.body.channel), (counts.get(String(c.body.channel)) ?? 0) + 1);
  return counts;
}
