import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS } from '../../src/core/digest/claims.js';
import type { Stores, TxStores } from '../../src/service/ports.js';
import { createPgStores, openPostgres, type PgDb } from '../../src/store/pg/index.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';

const server = await postgres();
const T0 = Date.parse('2025-03-10T09:00:00Z');
const WEEK = '2025-03-10';
const alice = { provider: 'slack', workspace: 'E1:T1', externalId: 'U1' };

/** Resolves once `n` callers have arrived: holds transactions open until all of them have begun. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    if (++arrived === n) open();
    return all;
  };
}

describe.skipIf(!server.ok)('PostgreSQL transactions under concurrency', () => {
  let fresh: FreshDatabase;
  const dbs: PgDb[] = [];
  /** Two instances of the app: each its own pool on the same database. */
  let a: Stores;
  let b: Stores;
  let uid: number;

  beforeAll(async () => {
    if (!server.ok) return;
    fresh = await freshDatabase(server.url, 'pg_tx');
    for (let i = 0; i < 2; i++) dbs.push(await openPostgres(fresh.url));
    a = createPgStores(dbs[0]!, { now: () => T0 }, fresh.url);
    b = createPgStores(dbs[1]!, { now: () => T0 }, fresh.url);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await fresh?.drop();
  });
  beforeEach(async () => {
    await dbs[0]!.$client.query('DELETE FROM users; DELETE FROM seen_events');
    uid = await a.users.ensure(alice);
  });

  it('two transactions claiming the same user and week at once: exactly one wins', async () => {
    const together = barrier(2);
    const claimIn = (stores: Stores, by: string) =>
      stores.tx(async (t: TxStores) => {
        // Both look first and see no claim, as a read-then-write would; the claim itself must still decide.
        expect(await t.claims.get(uid, WEEK)).toBeUndefined();
        await together();
        return t.claims.claim(uid, WEEK, by, T0, 3);
      });
    const results = await Promise.all([claimIn(a, 'a'), claimIn(b, 'b')]);
    expect(results.filter((r) => r === 1)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const winner = results[0] === 1 ? 'a' : 'b';
    expect(await a.claims.markSent(uid, WEEK, winner === 'a' ? 'b' : 'a', T0)).toBe(false);
    expect(await a.claims.markSent(uid, WEEK, winner, T0)).toBe(true);
  });

  it('two instances taking over the same stale claim at once: exactly one takes it', async () => {
    expect(await a.claims.claim(uid, WEEK, 'dead', T0, 5)).toBe(1);
    const later = T0 + CLAIM_STALE_MS;
    const together = barrier(2);
    const takeover = (stores: Stores, by: string) =>
      stores.tx(async (t) => {
        expect((await t.claims.get(uid, WEEK))?.claimedAt).toBe(T0);
        await together();
        return t.claims.claim(uid, WEEK, by, later, 5);
      });
    const results = await Promise.all([takeover(a, 'a'), takeover(b, 'b')]);
    expect(results.sort()).toEqual([2, null]);
    expect(await a.claims.get(uid, WEEK)).toMatchObject({ status: 'claimed', attempts: 2, claimedAt: later });
  });

  it('ten claims from two pools outside transactions: one attempt is handed out', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claims.claim(uid, WEEK, `i${i}`, T0, 3)),
    );
    expect(results.filter((r) => r !== null)).toEqual([1]);
  });

  it("a transaction's writes stay invisible to other connections until it commits", async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => undefined;
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    const running = a.tx(async (t) => {
      await t.seenEvents.firstTime('slack:Ev1', T0);
      await t.installations.put('T1', '{}', T0);
      written();
      await hold;
    });
    await wrote;
    // The same instance's outer stores use other pooled connections, so they see nothing yet.
    expect(await a.installations.get('T1')).toBeUndefined();
    expect(await b.installations.get('T1')).toBeUndefined();
    release();
    await running;
    expect(await b.installations.get('T1')).toBe('{}');
    expect(await b.seenEvents.firstTime('slack:Ev1', T0)).toBe(false);
  });

  it('an event seen by two instances at once is handled by one', async () => {
    const results = await Promise.all([a, b, a, b].map((s) => s.seenEvents.firstTime('slack:Ev9', T0)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
