import { randomBytes } from 'node:crypto';
import pg from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A database of the bench's own on TEST_DATABASE_URL's server, dropped by `drop`. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates one, or returns the reason there is no server to create it on. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase | { skipped: string }> {
  const server = process.env.TEST_DATABASE_URL || DEFAULT_URL;
  const name = `bench_${label}_${randomBytes(4).toString('hex')}`;
  try {
    await admin(server, `CREATE DATABASE "${name}"`);
    // Commits without waiting for the disk, on both sides of each comparison: the figures measure the code.
    await admin(server, `ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } catch (err) {
    return { skipped: `no PostgreSQL at ${server} (${(err as Error).message || String(err)}); set TEST_DATABASE_URL` };
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function admin(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
