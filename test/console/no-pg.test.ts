import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/run-process.js';

/** A loader hook that refuses to resolve the PostgreSQL driver, so loading it fails the command loudly. */
const REFUSE_PG = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
   register('data:text/javascript,' + encodeURIComponent(
     "export async function resolve(spec, ctx, next) {" +
     "  if (spec === 'pg' || spec.startsWith('pg/')) throw new Error('the pg driver was loaded');" +
     "  return next(spec, ctx);" +
     "}"));`,
)}`;

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((done, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', REFUSE_PG, join(ROOT, 'test/console/cli-from-source.ts'), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env } },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => done({ code, out }));
  });
}

describe('the CLI on SQLite', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());

  it('never loads the PostgreSQL driver, while with DATABASE_URL it does', async () => {
    const sqlite = await cli(['triage', '--json', 'LinkedIn request from Dana Kim'], {
      DATABASE_PATH: join(dir, 'cli.db'),
    });
    expect(sqlite.code, sqlite.out).toBe(0);
    expect(JSON.parse(sqlite.out)).toMatchObject({ recorded: true, platform: 'linkedin' });
    // The hook does catch it: the same command pointed at PostgreSQL trips over it before any connection.
    const postgres = await cli(['history'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(postgres.out).toContain('the pg driver was loaded');
  });
});
