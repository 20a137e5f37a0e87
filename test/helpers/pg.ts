import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type Availability = { ok: true; url: string } | { ok: false; line: string };

/**
 * Whether the PostgreSQL at `url` answers. When it does not, `line` says how to run the suites; with
 * `require` set (REQUIRE_POSTGRES=1) the same line is thrown instead, so CI cannot pass by skipping.
 */
export async function checkPostgres(url: string, require: boolean): Promise<Availability> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A refused connection is reported through connect(); the same failure must not also crash the worker.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true, url };
  } catch (err) {
    const how =
      `no server at ${url} (${reason(err)}). ` +
      'Start PostgreSQL 15 or set TEST_DATABASE_URL; REQUIRE_POSTGRES=1 makes this an error.';
    if (require) throw new Error(`PostgreSQL is required: ${how}`);
    return { ok: false, line: `PostgreSQL tests skipped: ${how}` };
  } finally {
    // Ending a client that never connected rejects; the answer is already known.
    await client.end().catch(() => {});
  }
}

/**
 * For a test file's top level: `const server = await postgres(); describe.skipIf(!server.ok)(…)`. Prints the
 * skip line once per vitest run, however many Postgres files skip.
 */
export async function postgres(): Promise<Availability> {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const found = await checkPostgres(url, process.env.REQUIRE_POSTGRES === '1');
  if (!found.ok && firstInRun()) process.stderr.write(`${found.line}\n`);
  return found;
}

/** A database of its own for one test file, dropped by `drop`. */
export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the server at `serverUrl`; its URL differs only in the database name. */
export async function freshDatabase(serverUrl: string, label: string): Promise<FreshDatabase> {
  const name = `it_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** True for the first caller among this run's test workers: a marker file keyed by the vitest process. */
function firstInRun(): boolean {
  try {
    writeFileSync(join(tmpdir(), `invite-triage-pg-skip-${runnerKey()}`), '', { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** The vitest process's pid and, where /proc tells it, start time: a pid reused by a later run is another key. */
function runnerKey(): string {
  const pid = isMainThread ? process.ppid : process.pid;
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return String(pid);
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return `${pid}-${fields[19] ?? ''}`;
}

function reason(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return reason(err.errors[0]);
  if (err instanceof Error) return err.message || String((err as { code?: string }).code ?? err.name);
  return String(err);
}
