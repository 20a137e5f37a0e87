import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTriageError } from '../../src/core/errors.js';
import { SqliteGate } from '../../src/store/sqlite-gate.js';
import { holdWriteLock, type LockHolder } from '../helpers/lock-holder.js';

let dir: string;
let file: string;
let client: Database.Database;
let holder: LockHolder | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-'));
  file = join(dir, 'gate.db');
  client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('busy_timeout = 0');
  client.exec('CREATE TABLE t (v TEXT NOT NULL)');
});

afterEach(() => {
  holder?.kill();
  holder = null;
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = () => (client.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);
const insert = (v: string) => client.prepare('INSERT INTO t (v) VALUES (?)').run(v);
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A second process that takes the write lock, writes a row under it, and lets go when told. */
async function holdLock(): Promise<LockHolder> {
  holder = await holdWriteLock(file, "INSERT INTO t (v) VALUES ('other process')");
  return holder;
}

describe('SqliteGate', () => {
  it('never lets a second transaction run its statements inside the first, even across awaits', async () => {
    const gate = new SqliteGate(client);
    const first = gate.tx(async () => {
      insert('first');
      await tick(20);
      throw new Error('first fails');
    });
    const second = gate.tx(async () => {
      insert('second');
    });
    await expect(first).rejects.toThrow('first fails');
    await second;
    expect(rows()).toEqual(['second']);
  });

  it('queues a plain statement behind an open transaction', async () => {
    const gate = new SqliteGate(client);
    const order: string[] = [];
    const t = gate.tx(async () => {
      insert('in tx');
      await tick(10);
      order.push('tx end');
    });
    const r = gate.run(() => {
      order.push('run');
      return rows();
    });
    await t;
    expect(await r).toEqual(['in tx']);
    expect(order).toEqual(['tx end', 'run']);
  });

  it('waits for another process holding the write lock without blocking the event loop', async () => {
    const gate = new SqliteGate(client);
    const child = await holdLock();
    const events: string[] = [];
    const write = gate.tx(async () => insert('mine')).then(() => events.push('written'));
    await tick(50);
    events.push('timer ran while waiting');
    await child.release();
    await write;
    expect(events).toEqual(['timer ran while waiting', 'written']);
    expect(rows()).toEqual(['other process', 'mine']);
  });

  it('gives up with a clear coded error once the wait is too long, and changes nothing', async () => {
    const gate = new SqliteGate(client, { maxWaitMs: 100 });
    await holdLock();
    const err = await gate.tx(async () => insert('mine')).catch((e: unknown) => e);
    expect(isTriageError(err) && err.code).toBe('database_busy');
    expect((err as Error).message).toMatch(/busy/);
    expect(client.inTransaction).toBe(false);
  });
});
