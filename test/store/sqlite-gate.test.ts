import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTriageError } from '../../src/core/errors.js';
import { SqliteGate } from '../../src/store/sqlite-gate.js';

let dir: string;
let file: string;
let client: Database.Database;
let holder: ChildProcess | null = null;

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

/** A second process that takes the write lock, says "locked", and lets go when told on stdin. */
async function holdLock(): Promise<ChildProcess> {
  const script = `
    const D = require('better-sqlite3');
    const db = new D(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO t (v) VALUES ('other process')").run();
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script, file], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  holder = child;
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  expect(chunk.toString()).toContain('locked');
  return child;
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
    child.stdin?.write('go\n');
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
