import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshDatabase, postgres } from './pg.js';
import { tempDir } from './run-process.js';

/** A database several instances share: the environment that points them at it, and raw SQL for the test. */
export interface SharedDb {
  name: string;
  env: Record<string, string>;
  /** Runs one statement with `?` placeholders; returns its rows, and how many rows it changed. */
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; changes: number }>;
  drop(): Promise<void>;
}

/** The databases the multi-instance tests run on: a SQLite file always, PostgreSQL where a server answers. */
export async function sharedDatabases(): Promise<{ name: string; open: () => Promise<SharedDb> }[]> {
  const server = await postgres();
  const list = [{ name: 'SQLite', open: sqliteShared }];
  if (server.ok) list.push({ name: 'PostgreSQL', open: () => pgShared(server.url) });
  return list;
}

async function sqliteShared(): Promise<SharedDb> {
  const folder = tempDir();
  const file = join(folder.dir, 'shared.db');
  return {
    name: 'SQLite',
    env: { DATABASE_PATH: file },
    async query(sql, params = []) {
      const db = new Database(file);
      try {
        const stmt = db.prepare(sql);
        if (stmt.reader) return { rows: stmt.all(...params) as Record<string, unknown>[], changes: 0 };
        return { rows: [], changes: stmt.run(...params).changes };
      } finally {
        db.close();
      }
    },
    async drop() {
      folder.cleanup();
    },
  };
}

async function pgShared(serverUrl: string): Promise<SharedDb> {
  const fresh = await freshDatabase(serverUrl, 'instances');
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: fresh.url },
    async query(sql, params = []) {
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      try {
        let n = 0;
        const r = await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        );
        return { rows: r.rows, changes: r.rowCount ?? 0 };
      } finally {
        await client.end();
      }
    },
    drop: () => fresh.drop(),
  };
}
