import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { createStores, type StoreSet } from '../../src/store/index.js';
import { fakeClock } from '../helpers/builders.js';
import { holdWriteLock, type LockHolder } from '../helpers/lock-holder.js';
import { tempDir } from '../helpers/run-process.js';

const alice = { provider: 'slack', workspace: 'T1', externalId: 'alice' };
const bob = { provider: 'slack', workspace: 'T1', externalId: 'bob' };
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let cleanup: () => void;
let file: string;
let opened: StoreSet[];
let holder: LockHolder | null;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'stores.db');
  opened = [];
  holder = null;
});

afterEach(async () => {
  holder?.kill();
  for (const s of opened) await s.close();
  cleanup();
});

function stores(db = openDatabase(file)): StoreSet {
  const s = createStores(db, fakeClock());
  opened.push(s);
  return s;
}

describe('SQLite stores over one connection', () => {
  it('a call made while a transaction awaits waits for it, so it never reads what is then rolled back', async () => {
    const s = stores();
    let release: () => void = () => {};
    let written: () => void = () => {};
    const inside = new Promise<void>((r) => {
      written = r;
    });
    const rolledBack = s
      .tx(async (t) => {
        await t.users.ensure(alice);
        written();
        await new Promise<void>((r) => {
          release = r;
        });
        throw new Error('changed my mind');
      })
      .catch((err: Error) => err.message);
    await inside;
    // On this connection the uncommitted row would be visible, were the read not queued behind the transaction.
    const seen = s.users.find(alice);
    await tick(10);
    release();
    expect(await rolledBack).toBe('changed my mind');
    expect(await seen).toBeUndefined();
  });

  it('two store sets built over one connection share its queue: their transactions never mix', async () => {
    const db = openDatabase(file);
    const [a, b] = [stores(db), stores(db)];
    const first = a
      .tx(async (t) => {
        await t.users.ensure(alice);
        await tick(20);
        throw new Error('first rolls back');
      })
      .catch(() => 'rolled back');
    const second = b.tx(async (t) => t.users.ensure(bob));
    expect(await first).toBe('rolled back');
    expect(await second).toBeGreaterThan(0);
    expect(await a.users.find(alice)).toBeUndefined();
    expect(await a.users.find(bob)).toBeDefined();
  });

  it("a nested better-sqlite3 transaction (the digest claim) becomes part of the caller's", async () => {
    const s = stores();
    const uid = await s.users.ensure(alice);
    await expect(
      s.tx(async (t) => {
        expect(await t.claims.claim(uid, '2025-03-10', 'me', 1, 3)).toBe(1);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await s.claims.get(uid, '2025-03-10')).toBeUndefined();
    // Outside a transaction it is its own, and commits.
    expect(await s.claims.claim(uid, '2025-03-10', 'me', 1, 3)).toBe(1);
    expect((await s.claims.get(uid, '2025-03-10'))?.status).toBe('claimed');
  });
});

/** A second process that takes the write lock, writes a row under it, and lets go when told. */
async function holdLock(): Promise<LockHolder> {
  holder = await holdWriteLock(file, "INSERT INTO seen_events (key, seen_at) VALUES ('other process', 1)");
  return holder;
}

describe('SQLite stores while another process holds the write lock', () => {
  it('a write waits with timers, keeping the event loop turning, and lands once the lock is let go', async () => {
    const s = stores();
    const other = await holdLock();
    let turns = 0;
    let longest = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      longest = Math.max(longest, now - last);
      last = now;
      turns++;
    }, 5);
    try {
      let done = false;
      const write = s.users.ensure(alice).then((id) => {
        done = true;
        return id;
      });
      while (turns < 20) await tick(5);
      expect(done).toBe(false);
      await other.release();
      expect(await write).toBeGreaterThan(0);
      // better-sqlite3's own busy wait would have stopped every timer here for its whole timeout.
      expect(longest).toBeLessThan(2_000);
    } finally {
      clearInterval(timer);
    }
    expect(await s.seenEvents.firstTime('other process', 2)).toBe(false);
  });
});
