import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TriageError } from '../../src/core/errors.js';
import { codeSchema } from '../../src/store/migration-version.js';
import { openPostgres, PG_MIGRATIONS, type PgDb } from '../../src/store/pg/db.js';
import { users } from '../../src/store/pg/schema.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';

const server = await postgres();
const shipped = codeSchema(PG_MIGRATIONS);

describe.skipIf(!server.ok)('openPostgres', () => {
  let fresh: FreshDatabase;
  const pools: PgDb[] = [];
  const open = async (url: string) => {
    const db = await openPostgres(url);
    pools.push(db);
    return db;
  };
  const applied = async (db: PgDb) =>
    (await db.$client.query<{ n: number }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0]?.n;

  beforeAll(async () => {
    if (server.ok) fresh = await freshDatabase(server.url, 'pg_open');
  });
  afterAll(async () => {
    for (const db of pools.splice(0)) await db.$client.end();
    await fresh?.drop();
  });

  it('three instances starting together on an empty database all open, and the migrations run once', async () => {
    const dbs = await Promise.all([open(fresh.url), open(fresh.url), open(fresh.url)]);
    for (const db of dbs) expect(await applied(db)).toBe(shipped.version);
    const tables = await dbs[0]!.$client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.rows.map((r) => r.name)).toContain('triages');
    expect(tables.rows).toHaveLength(14);
  });

  it('reads epoch milliseconds and counts back as numbers', async () => {
    const db = await open(fresh.url);
    const before = Date.now() - 60_000;
    const [row] = await db
      .insert(users)
      .values({ provider: 'slack', workspace: 'T1', externalId: 'U1' })
      .returning({ createdAt: users.createdAt });
    expect(typeof row?.createdAt).toBe('number');
    expect(row!.createdAt).toBeGreaterThan(before);
    expect(await applied(db)).toBe(shipped.version);
  });

  it('refuses a database that a newer build migrated, naming both schema versions', async () => {
    const db = await open(fresh.url);
    const future = shipped.when + 86_400_000;
    await db.$client.query(
      "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', $1)",
      [future],
    );
    try {
      const refused = openPostgres(fresh.url);
      await expect(refused).rejects.toBeInstanceOf(TriageError);
      await expect(refused).rejects.toThrow(
        `the database is at schema version ${shipped.version + 1} (last migration dated ${iso(future)}), ` +
          `this build at schema version ${shipped.version} (${shipped.tag}`,
      );
    } finally {
      await db.$client.query("DELETE FROM drizzle.__drizzle_migrations WHERE hash = 'from-the-future'");
    }
  });
});

describe('openPostgres without a server', () => {
  it('gives one database_unavailable line naming the server, password hidden', async () => {
    const refused = openPostgres('postgres://bot:s3cret@127.0.0.1:1/nowhere');
    await expect(refused).rejects.toMatchObject({ code: 'database_unavailable' });
    await expect(refused).rejects.toThrow(
      /^Cannot open the database at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/nowhere: .+/,
    );
    await expect(refused).rejects.not.toThrow(/s3cret|\n/);
  });
});

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
