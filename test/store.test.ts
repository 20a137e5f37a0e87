import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../src/compose.js';
import { type Db, openDatabase } from '../src/store/db.js';
import { UserStore } from '../src/store/users.js';
import { aUser, fakeClock, rowCounts } from './helpers/builders.js';

let dir: string;
let file: string;
const open: Db[] = [];
const openFile = () => {
  const db = openDatabase(file);
  open.push(db);
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'triage-store-'));
  file = join(dir, 'nested', 'triage.db');
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.$client.open) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * What a re-run of the migrations would change: the applied list (drizzle appends a row per run) and SQLite's
 * schema cookie, which every CREATE, DROP or ALTER bumps.
 */
function migrationState(db: Db) {
  return {
    applied: db.$client.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all(),
    schemaVersion: db.$client.pragma('schema_version', { simple: true }),
  };
}

describe('openDatabase', () => {
  it('creates every table of the schema through the real migrations', () => {
    const db = openDatabase(':memory:');
    const names = db.$client
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .pluck()
      .all();
    expect(names.sort()).toEqual(
      [
        'answers',
        'budgets',
        'decisions',
        'digest_claims',
        'invitations',
        'policy_overrides',
        'reminders',
        'seen_events',
        'send_pacing',
        'slack_installations',
        'team_guidance',
        'time_logs',
        'triages',
        'users',
      ].sort(),
    );
    db.$client.close();
  });

  it('a file database runs in WAL mode with foreign keys, creating missing folders, and never busy-waits', () => {
    const db = openFile();
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    // A lock held elsewhere is waited for by the gate, with timers: a busy wait here would block the event loop.
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(0);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('opening the same file again keeps the data and does not re-run migrations', async () => {
    const first = openFile();
    const v = await serviceOver(first, fakeClock()).triage.startFromText(aUser(), 'x', {
      platform: 'linkedin',
      inviter: 'A',
    });
    const before = migrationState(first);
    first.$client.close();

    const again = openFile();
    expect(migrationState(again)).toEqual(before);
    expect(before.applied.length).toBeGreaterThan(0);
    expect(rowCounts(again).triages).toBe(1);
    expect(await serviceOver(again, fakeClock()).triage.openTriage(aUser())).toMatchObject({ id: v.id, inviter: 'A' });
  });
});

describe('resuming after a restart', () => {
  it('a new service over the same file finds the open triage and can finish it', async () => {
    const me = aUser({ provider: 'discord', workspace: '', userId: '42' });
    const before = serviceOver(openFile(), fakeClock());
    const v = await before.triage.startFromText(me, 'friend request', { platform: 'facebook', inviter: 'Ana' });
    await before.triage.answer(me, v.id, { questionId: 'serves_professionally', choice: 'no' });
    before.stores.db.$client.close();

    const after = serviceOver(openFile(), fakeClock());
    const resumed = await after.triage.openTriage(me);
    expect(resumed).toMatchObject({ id: v.id, inviter: 'Ana', status: 'open' });
    expect(resumed?.step).toMatchObject({ kind: 'question', question: { id: 'would_invite_home', index: 2 } });
    const done = await after.triage.answer(me, v.id, { questionId: 'would_invite_home', choice: 'yes' });
    expect(done.step).toMatchObject({ kind: 'decision', decision: { outcome: 'accept' } });
    expect((await after.records.history(me)).total).toBe(1);
  });
});

describe('two connections on one file', () => {
  it('the same answer sent through both is recorded once; the second is a duplicate', async () => {
    const me = aUser();
    const a = serviceOver(openFile(), fakeClock());
    const b = serviceOver(openFile(), fakeClock());
    const v = await a.triage.startFromText(me, 'x', { platform: 'linkedin', inviter: 'Dana' });
    const input = { questionId: 'met_in_person_or_phone', choice: 'yes' };
    // b read the open triage before a answered, as a second process would
    expect((await b.triage.get(me, v.id)).status).toBe('open');
    const first = await a.triage.answer(me, v.id, input);
    const second = await b.triage.answer(me, v.id, input);
    expect([first.duplicate, second.duplicate]).toEqual([false, true]);
    expect(rowCounts(a.stores.db)).toMatchObject({ users: 1, answers: 1, decisions: 1 });
    expect((await b.records.history(me)).total).toBe(1);
  });

  it('a user first seen on both connections gets one id', () => {
    const key = { provider: 'slack', workspace: 'T1', externalId: 'U9' };
    const x = new UserStore(openFile());
    const y = new UserStore(openFile());
    expect(x.ensure(key)).toBe(y.ensure(key));
    expect(y.all()).toHaveLength(1);
  });

  it('after one process forgets a user, the other serves that user afresh instead of failing', async () => {
    const bot = serviceOver(openFile(), fakeClock());
    const cli = serviceOver(openFile(), fakeClock());
    const me = aUser();
    await bot.triage.startFromText(me, 'LinkedIn request from Dana Kim');
    expect(await cli.records.forget(me)).toEqual({ triages: 1 });
    const again = await bot.triage.startFromText(me, 'LinkedIn request from Dana Kim');
    expect(again.step.kind).toBe('question');
    expect(await cli.records.pending(me)).toHaveLength(1);
  });
});
