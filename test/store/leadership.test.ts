import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { type Campaign, campaign } from '../../src/service/leadership.js';
import { advisoryLocks } from '../../src/store/pg/advisory-lock.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';

const server = await postgres();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

/** An instance running for the gateway: it records when it starts and stops leading. */
function instance(url: string, name: string) {
  const me = { name, leading: false, elected: 0, deposed: 0, campaign: undefined as Campaign | undefined };
  me.campaign = campaign(advisoryLocks(url), 'discord-gateway', {
    log: silentLogger,
    retryMs: 50,
    onElected: async () => {
      me.leading = true;
      me.elected++;
    },
    onDeposed: async () => {
      me.leading = false;
      me.deposed++;
    },
  });
  return me;
}

/** Drops the leader's lock connection from the server side, as a network cut or a failover would. */
async function cutLockConnections(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const r = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
        'AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())',
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.skipIf(!server.ok)('leadership over an advisory lock', () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    if (server.ok) fresh = await freshDatabase(server.url, 'leadership');
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('elects one of two instances, deposes it when its lock is lost, and hands over on stop()', async () => {
    const a = instance(fresh.url, 'a');
    const b = instance(fresh.url, 'b');
    const both = [a, b];
    try {
      await until('a leader', () => a.leading || b.leading);
      // Let the follower retry many times: it must stay a follower.
      await pause(500);
      expect(both.filter((i) => i.leading)).toHaveLength(1);
      const first = a.leading ? a : b;
      const other = first === a ? b : a;
      expect(other.elected).toBe(0);

      expect(await cutLockConnections(fresh.url)).toBe(1);
      await until('the leader to step down', () => first.deposed === 1);
      await until('a new leader', () => a.leading || b.leading);
      await pause(300);
      expect(both.filter((i) => i.leading)).toHaveLength(1);

      const leader = a.leading ? a : b;
      const follower = leader === a ? b : a;
      const electedBefore = follower.elected;
      await leader.campaign?.stop();
      await until('the follower to take over', () => follower.elected === electedBefore + 1);
      expect(follower.leading).toBe(true);
      const stoppedElected = leader.elected;
      await pause(300);
      expect(leader.elected).toBe(stoppedElected);
    } finally {
      for (const i of both) await i.campaign?.stop();
    }
  }, 60_000);

  it('stop() on a follower ends its retries and leaves the leader alone', async () => {
    const a = instance(fresh.url, 'a');
    await until('a to lead', () => a.leading);
    const b = instance(fresh.url, 'b');
    try {
      await pause(200);
      await b.campaign?.stop();
      expect(b.elected).toBe(0);
      expect(a.leading).toBe(true);
      await a.campaign?.stop();
      // Nobody holds it now: a third instance is elected at once.
      const c = instance(fresh.url, 'c');
      await until('c to lead', () => c.leading);
      await c.campaign?.stop();
      expect(b.elected).toBe(0);
    } finally {
      await a.campaign?.stop();
      await b.campaign?.stop();
    }
  }, 60_000);
});
