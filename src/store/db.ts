import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { TriageError } from '../core/errors.js';
import type { MigrationReport } from '../service/ports.js';
import { codeSchema, refuseNewer } from './migration-version.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database; migrations?: MigrationReport };

const MIGRATIONS = migrationsFolder(dirname(fileURLToPath(import.meta.url)));

/** The package's migrations/, found upwards from this file: it runs from src/store (tsx, vitest) or from dist/. */
function migrationsFolder(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (dirname(dir) === dir) return resolve(from, '../../migrations');
  }
}

/** Opens (creating if needed) and migrates the database; ':memory:' gives a private one. */
export function openDatabase(path: string): Db {
  let client: Database.Database;
  try {
    const created = path === ':memory:' || !existsSync(path);
    if (path !== ':memory:') makeParents(dirname(resolve(path)));
    client = new Database(path);
    // Opening may wait for another process's lock: nothing else runs yet, so blocking here stalls no one.
    client.pragma('busy_timeout = 5000');
    client.pragma('journal_mode = WAL');
    client.pragma('foreign_keys = ON');
    client.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros, so a forgotten user's text is not left readable in free pages.
    client.pragma('secure_delete = ON');
    const db = drizzle(client, { schema }) as Db;
    const before = refuseNewerDatabase(client, MIGRATIONS);
    migrate(db, { migrationsFolder: MIGRATIONS });
    const total = appliedMigrations(client).length;
    db.migrations = { path, created, applied: total - before, total };
    // From here on a busy database is waited for by SqliteGate with timers: better-sqlite3's busy wait would
    // block the event loop, and every handler with it.
    client.pragma('busy_timeout = 0');
    return db;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TriageError('database_unavailable', `Cannot open the database at ${path}: ${why}`);
  }
}

/**
 * Copies the write-ahead log into the database and empties it, so old page versions holding deleted text are
 * gone from disk too. False when a reader elsewhere kept it from finishing.
 */
export function truncateLog(client: Database.Database): boolean {
  const [result] = client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return !result || result.busy === 0;
}

/** Creates missing folders one level at a time: Node 20's recursive mkdir can spin forever on some file systems. */
function makeParents(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeParents(parent);
  mkdirSync(dir);
}

/**
 * Refuses a database that a newer build migrated, before drizzle's migrator would silently skip everything.
 * Returns how many migrations it already has.
 */
function refuseNewerDatabase(client: Database.Database, migrationsFolder: string): number {
  const applied = appliedMigrations(client);
  if (applied.length > 0) refuseNewer(applied, codeSchema(migrationsFolder));
  return applied.length;
}

function appliedMigrations(client: Database.Database): number[] {
  const table = client
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .pluck()
    .get();
  if (!table) return [];
  return (client.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as number[]).map(Number);
}
