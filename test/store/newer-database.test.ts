import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { codeSchema } from '../../src/store/migration-version.js';
import { ROOT } from '../helpers/run-process.js';

const shipped = codeSchema(join(ROOT, 'migrations'));
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'triage-newer-'));
  file = join(dir, 'triage.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase and the schema version', () => {
  it('reopens a database this build migrated', () => {
    openDatabase(file).$client.close();
    const db = openDatabase(file);
    const n = db.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    db.$client.close();
    expect(n).toBe(shipped.version);
  });

  it('refuses a database a newer build migrated, naming both schema versions', () => {
    openDatabase(file).$client.close();
    const future = shipped.when + 86_400_000;
    const raw = new Database(file);
    raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', ?)").run(future);
    raw.close();

    expect(() => openDatabase(file)).toThrow(
      `Cannot open the database at ${file}: its schema is newer than this build of invite-triage knows: ` +
        `the database is at schema version ${shipped.version + 1} (last migration dated ${iso(future)}), ` +
        `this build at schema version ${shipped.version} (${shipped.tag}, dated ${iso(shipped.when)}). ` +
        'Upgrade invite-triage to use it.',
    );
  });
});

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
