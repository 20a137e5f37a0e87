import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { fakeClock } from '../helpers/builders.js';
import { tempDir } from '../helpers/run-process.js';
import { session } from './terminal-harness.js';

/** Words that appear only in what the user typed, and in what the bot derived from it. */
const SECRETS = ['Zebulon Quatermain', 'Marmalade Fjord', 'Quokka Clinic', 'Xylophone'];

/** Which of the secrets a file's bytes still hold, as `strings` would find them. */
function readable(path: string): string[] {
  if (!existsSync(path)) return [];
  const bytes = readFileSync(path).toString('latin1');
  return SECRETS.filter((s) => bytes.includes(s));
}

describe('forget leaves none of the user’s text on disk', () => {
  let dir: string;
  let cleanup: () => void;
  let db: Db;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => {
    if (db.$client.open) db.$client.close();
    cleanup();
  });

  it('GIVEN triages, answers, a custom question and a decision WHEN the user forgets THEN neither the database file nor its WAL holds their text', async () => {
    const path = join(dir, 'bot.db');
    db = openDatabase(path);
    const service = serviceOver(db, fakeClock());
    const before = await session(service, [
      'LinkedIn request from Zebulon Quatermain, Head of Marmalade Fjord at Quokka Clinic',
      '2',
      'policy facebook set serves_professionally, "Do we both play the Xylophone?"',
      'Facebook friend request from Zebulon Quatermain',
      'no',
    ]);
    expect(before).toContain('Decision: Decline. The original policy: You have never spoken with Zebulon Quatermain');
    expect(before).toContain('Do we both play the Xylophone?');
    // Before: the text is on disk, so the check below can fail.
    expect([...readable(path), ...readable(`${path}-wal`)]).not.toEqual([]);

    const after = await session(service, ['forget', 'yes']);
    expect(after).toContain('Deleted all your data (2 triages).');
    // The bot is still running, its connection open, as after a real "forget".
    expect(readable(path)).toEqual([]);
    expect(readable(`${path}-wal`)).toEqual([]);
    db.$client.close();
    expect(readable(path)).toEqual([]);
    expect(readable(`${path}-wal`)).toEqual([]);
  });
});

describe('an uninstall purge leaves none of the workspace’s text on disk', () => {
  it('GIVEN a Slack user’s triage WHEN their workspace is purged THEN neither the database file nor its WAL holds it', async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'bot.db');
    const db = openDatabase(path);
    try {
      const service = serviceOver(db, fakeClock());
      const user = { provider: 'slack' as const, workspace: ':T0001', userId: 'U0001' };
      await service.triage.startFromText(user, 'LinkedIn request from Zebulon Quatermain at Quokka Clinic');
      expect([...readable(path), ...readable(`${path}-wal`)]).not.toEqual([]);
      expect(await service.workspaces.purge({ provider: 'slack', workspace: ':T0001' })).toEqual({ users: 1 });
      expect(readable(path)).toEqual([]);
      expect(readable(`${path}-wal`)).toEqual([]);
    } finally {
      db.$client.close();
      cleanup();
    }
  });
});
