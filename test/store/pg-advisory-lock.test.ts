import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HeldLock } from '../../src/service/ports.js';
import { advisoryLocks } from '../../src/store/pg/advisory-lock.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';
import { ROOT } from '../helpers/run-process.js';

const server = await postgres();

/** Another process holding the lock the way an instance does: a session advisory lock on its own connection. */
const HOLDER = `
const pg = require('pg');
const [url, name] = process.argv.slice(1);
const c = new pg.Client({ connectionString: url });
c.connect()
  .then(() => c.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]))
  .then(() => { process.stdout.write('held\\n'); setInterval(() => {}, 60000); });
`;

function holdInChild(url: string, name: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', HOLDER, url, name], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      if (String(d).includes('held')) resolve(child);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for the lock until it is had: the server needs a moment to notice a dead connection. */
async function holdWithin(tries: number, take: () => Promise<HeldLock | null>): Promise<HeldLock | null> {
  for (let i = 0; i < tries; i++) {
    const held = await take();
    if (held) return held;
    await pause(100);
  }
  return null;
}

describe.skipIf(!server.ok)('advisory locks on PostgreSQL', () => {
  let fresh: FreshDatabase;
  const held: HeldLock[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (server.ok) fresh = await freshDatabase(server.url, 'advisory');
  });
  afterEach(async () => {
    for (const h of held.splice(0)) await h.release();
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('gives a name to one holder at a time, and to the other once released', async () => {
    const one = advisoryLocks(fresh.url);
    const two = advisoryLocks(fresh.url);
    const first = await one.tryHold('gateway');
    expect(first).not.toBeNull();
    held.push(first!);
    expect(await two.tryHold('gateway')).toBeNull();
    expect(await one.tryHold('gateway')).toBeNull();
    const other = await two.tryHold('digest');
    expect(other).not.toBeNull();
    held.push(other!);
    await first!.release();
    const second = await two.tryHold('gateway');
    expect(second).not.toBeNull();
    held.push(second!);
    expect(await one.tryHold('gateway')).toBeNull();
  });

  it('is free again once a process holding it is killed', async () => {
    const child = await holdInChild(fresh.url, 'gateway');
    children.push(child);
    const locks = advisoryLocks(fresh.url);
    expect(await locks.tryHold('gateway')).toBeNull();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const taken = await holdWithin(50, () => locks.tryHold('gateway'));
    expect(taken).not.toBeNull();
    held.push(taken!);
  });

  it('settles `lost` when the server drops the holding connection', async () => {
    const lock = await advisoryLocks(fresh.url).tryHold('gateway');
    expect(lock).not.toBeNull();
    held.push(lock!);
    const admin = new pg.Client({ connectionString: fresh.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
          'AND pid <> pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())',
      );
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    await expect(lock!.lost).resolves.toBeUndefined();
    const again = await holdWithin(50, () => advisoryLocks(fresh.url).tryHold('gateway'));
    expect(again).not.toBeNull();
    held.push(again!);
  });
});
