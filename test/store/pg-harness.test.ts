import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPostgres } from '../helpers/pg.js';
import { ROOT } from '../helpers/run-process.js';

/** A loopback port that nothing listens on: bound, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs vitest on two Postgres suites as CI would, against the given server. */
function vitest(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const files = ['test/store/pg-open.test.ts', 'test/store/schema-parity.test.ts'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the PostgreSQL availability check', () => {
  it('without a server, gives the one line saying how to run the suites', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
    const found = await checkPostgres(url, false);
    expect(found).toEqual({
      ok: false,
      line: expect.stringMatching(
        new RegExp(
          `^PostgreSQL tests skipped: no server at ${url.replace(/[.]/g, '\\.')} \\(connect ECONNREFUSED [^)]+\\)\\. ` +
            'Start PostgreSQL 15 or set TEST_DATABASE_URL; REQUIRE_POSTGRES=1 makes this an error\\.$',
        ),
      ),
    });
  });

  it('without a server and with REQUIRE_POSTGRES, fails naming the server', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
    await expect(checkPostgres(url, true)).rejects.toThrow(`PostgreSQL is required: no server at ${url}`);
  });

  it('in a vitest run, skips the Postgres suites with one line, or fails them with REQUIRE_POSTGRES=1', async () => {
    const TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${await closedPort()}/test`;
    const [skipped, required] = await Promise.all([
      vitest({ TEST_DATABASE_URL }),
      vitest({ TEST_DATABASE_URL, REQUIRE_POSTGRES: '1' }),
    ]);
    expect(skipped.code, skipped.out).toBe(0);
    expect(skipped.out.match(/PostgreSQL tests skipped/g)).toHaveLength(1);
    expect(skipped.out).toMatch(/Tests\s+1 passed \| 4 skipped/);
    expect(required.code).not.toBe(0);
    expect(required.out).toContain(`PostgreSQL is required: no server at ${TEST_DATABASE_URL}`);
    expect(required.out).not.toContain('PostgreSQL tests skipped: no server');
  }, 90_000);
});
