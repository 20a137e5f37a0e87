import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';
import { tempDir } from '../helpers/run-process.js';
import { runCli } from './cli-harness.js';

const server = await postgres();

describe.skipIf(!server.ok)('the CLI with DATABASE_URL', () => {
  let fresh: FreshDatabase;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    if (!server.ok) return;
    fresh = await freshDatabase(server.url, 'cli');
    ({ dir, cleanup } = tempDir());
  });
  afterAll(async () => {
    cleanup?.();
    await fresh?.drop();
  });

  const cli = (args: string[]) => runCli(args, { env: { DATABASE_URL: fresh.url }, cwd: dir });

  it('records a triage in PostgreSQL, and lists it from there in a later run', async () => {
    const migrated = await cli(['migrate', '--json']);
    expect(migrated.code, migrated.stderr).toBe(0);
    const r = await cli([
      'triage',
      '--json',
      'LinkedIn request from Dana Kim',
      '--answer',
      'met_in_person_or_phone=no',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'decline', recorded: true });
    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM triages');
      expect(rows[0]?.n).toBe('1');
    } finally {
      await client.end();
    }
    const history = await cli(['history', '--json']);
    expect(JSON.parse(history.stdout)).toMatchObject({
      total: 1,
      items: [{ inviter: 'Dana Kim', outcome: 'decline' }],
    });
  });
});
