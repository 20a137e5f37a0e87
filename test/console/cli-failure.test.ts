import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-process.js';
import { runCli } from './cli-harness.js';

const TRIAGE = ['triage', '--json', 'LinkedIn request from Dana Kim', '--answer', 'met_in_person_or_phone=no'];

describe('a CLI triage the database refuses halfway', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    file = join(dir, 'cli.db');
  });
  afterAll(() => cleanup());

  const cli = (args: string[]) => runCli(args, { env: { DATABASE_PATH: file }, cwd: dir });
  /** Another connection, as the disk or another program would be: the CLI's own is closed between runs. */
  const sql = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const count = (table: string) =>
    sql((db) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);

  it('leaves no triage behind, and a retry records exactly one', async () => {
    expect((await cli(['migrate'])).code).toBe(0);
    // The start writes the invitation and the triage; the answer's decision is the write that fails, as a full
    // disk would refuse it: by then the start has long been written, unless both are one transaction.
    sql((db) =>
      db.exec(`CREATE TRIGGER refuse_decisions BEFORE INSERT ON decisions
               BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`),
    );

    const failed = await cli(TRIAGE);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/disk is full/)]);
    expect({ invitations: count('invitations'), triages: count('triages'), answers: count('answers') }).toEqual({
      invitations: 0,
      triages: 0,
      answers: 0,
    });

    sql((db) => db.exec('DROP TRIGGER refuse_decisions'));
    const retried = await cli(TRIAGE);
    expect(retried.code, retried.stderr).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ outcome: 'decline', recorded: true });
    expect({ triages: count('triages'), decisions: count('decisions') }).toEqual({ triages: 1, decisions: 1 });
    expect(JSON.parse((await cli(['history', '--json'])).stdout)).toMatchObject({ total: 1 });
  });
});
