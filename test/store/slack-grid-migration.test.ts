import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { openPostgres, type PgDb } from '../../src/store/pg/db.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SQLITE = read('../../migrations/0005_slack_grid_users.sql');
const PG = read('../../migrations-pg/0004_slack_grid_users.sql');

/** Two rows of one grid person, one of a plain workspace, one of another provider. */
const BEFORE = [
  ['slack', 'E1:T1', 'U1'],
  ['slack', 'E1:E1', 'U1'],
  ['slack', ':T1', 'U2'],
  ['discord', 'E1:T1', 'U3'],
];
// Each grid person's oldest row moves to the org key; the rest stays as it was.
const AFTER = [
  { provider: 'slack', workspace: 'E1:', external_id: 'U1' },
  { provider: 'slack', workspace: 'E1:E1', external_id: 'U1' },
  { provider: 'slack', workspace: ':T1', external_id: 'U2' },
  { provider: 'discord', workspace: 'E1:T1', external_id: 'U3' },
];
const SELECT = 'SELECT provider, workspace, external_id FROM users ORDER BY id';

describe('the Slack grid users migration', () => {
  it('on SQLite', () => {
    const db = openDatabase(':memory:');
    const add = db.$client.prepare(
      'INSERT INTO users (provider, workspace, external_id, created_at) VALUES (?, ?, ?, 0)',
    );
    for (const row of BEFORE) add.run(...row);
    db.$client.exec(SQLITE);
    expect(db.$client.prepare(SELECT).all()).toEqual(AFTER);
    db.$client.close();
  });
});

const server = await postgres();

describe.skipIf(!server.ok)('the Slack grid users migration on PostgreSQL', () => {
  let fresh: FreshDatabase;
  let db: PgDb;
  beforeAll(async () => {
    if (!server.ok) return;
    fresh = await freshDatabase(server.url, 'grid_users');
    db = await openPostgres(fresh.url);
  });
  afterAll(async () => {
    await db?.$client.end();
    await fresh?.drop();
  });

  it('moves the same rows', async () => {
    for (const row of BEFORE) {
      await db.$client.query(
        'INSERT INTO users (provider, workspace, external_id, created_at) VALUES ($1, $2, $3, 0)',
        row,
      );
    }
    await db.$client.query(PG);
    expect((await db.$client.query(SELECT)).rows).toEqual(AFTER);
  });
});
