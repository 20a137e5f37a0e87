import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { TriageError } from '../../core/errors.js';
import { codeSchema, refuseNewer } from '../migration-version.js';
import * as schema from './schema.js';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS = migrationsFolder(dirname(fileURLToPath(import.meta.url)));

/** The package's migrations-pg/, found upwards from this file: it runs from src/store/pg (tsx, vitest) or dist/. */
function migrationsFolder(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations-pg');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (dirname(dir) === dir) return resolve(from, '../../../migrations-pg');
  }
}

/** Where drizzle's node-postgres migrator keeps its journal of applied migrations. */
const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

/** One advisory lock key for the whole server: every instance of the app migrates under it. */
const MIGRATION_LOCK = `hashtext('invite-triage:migrate')`;

/**
 * Raw queries on the pool read bigint (counts, sums, epoch milliseconds) as numbers rather than strings:
 * every such value here stays far below 2^53. drizzle's typed columns map themselves.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Connects a pool to the PostgreSQL database at `url` and brings its schema up to date. Instances starting
 * together queue on an advisory lock, so one migrates and the others find the work done.
 */
export async function openPostgres(url: string): Promise<PgDb> {
  const pool = new pg.Pool({ connectionString: url, types });
  // An idle client whose server went away emits 'error' on the pool; unheard, it would end the process.
  pool.on('error', (err) => process.stderr.write(`PostgreSQL connection lost: ${err.message}\n`));
  try {
    await migrateLocked(pool);
  } catch (err) {
    await pool.end();
    throw new TriageError('database_unavailable', `Cannot open the database at ${redact(url)}: ${reason(err)}`);
  }
  return drizzle(pool, { schema }) as PgDb;
}

/** Migrates on one dedicated connection holding the advisory lock; the server frees the lock if it dies. */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await refuseNewerDatabase(client);
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS });
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}

async function refuseNewerDatabase(client: pg.PoolClient): Promise<void> {
  const found = await client.query<{ t: string | null }>(`SELECT to_regclass('${MIGRATIONS_TABLE}') AS t`);
  if (!found.rows[0]?.t) return;
  const applied = await client.query<{ created_at: number }>(`SELECT created_at FROM ${MIGRATIONS_TABLE}`);
  refuseNewer(
    applied.rows.map((r) => Number(r.created_at)),
    codeSchema(PG_MIGRATIONS),
  );
}

/** The URL without its password, fit for a message. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/** node-postgres reports a refused connection to several addresses as an AggregateError with no message. */
function reason(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return reason(err.errors[0]);
  if (err instanceof Error) return err.message || String((err as { code?: string }).code ?? err.name);
  return String(err);
}
