import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticImports } from '../helpers/import-graph.js';
import { ROOT, runJs, tempDir } from '../helpers/run-process.js';
import { BUILT_CLI, ensureBuilt } from './build.js';

const FORWARDED = `---------- Forwarded message ---------
From: LinkedIn <invitations@linkedin.com>
Subject: Priya Raman wants to connect

Priya Raman
Product Lead at Northwind`;

/** The few checks that need the real processes; everything else runs in-process (cli.test.ts, terminal.test.ts). */
describe('the built CLI and start-up, as real processes', () => {
  let dir: string;
  let cleanup: () => void;
  // A stale dist/ is rebuilt first (seconds, more on a busy machine); a fresh one from `npm ci` costs nothing.
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await ensureBuilt();
  }, 180_000);
  afterAll(() => cleanup());

  it('bin/invite-triage.js reads a forwarded email piped on stdin, migrates from dist/, and exits 2 on a usage error', async () => {
    const env = { DATABASE_PATH: join(dir, 'cli.db') };
    const parsed = await runJs('bin/invite-triage.js', ['parse', '--json'], FORWARDED, env);
    expect(parsed.stderr).toBe('');
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ platform: 'linkedin', inviter: 'Priya Raman' });
    const migrated = await runJs('bin/invite-triage.js', ['migrate'], '', env);
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toMatch(/^Created the database at .*cli\.db and applied \d+ migrations\.\n$/);
    const bad = await runJs('bin/invite-triage.js', ['time', 'linkedin', '25m', '--at', 'office'], '', env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^invite-triage time: --at is work or home[^\n]*\n$/);
  });

  it('npm start as the terminal bot keeps info logs off the screen, even with LOG_LEVEL=info', async () => {
    const env = { DATABASE_PATH: join(dir, 'bot.db'), LOG_LEVEL: 'info', DIGEST_ENABLED: 'false' };
    const run = await runJs('dist/src/main.js', [], 'help\nquit\n', env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Bye.');
    expect(run.stderr).not.toMatch(/INFO|DEBUG/);
    expect(run.stderr).toBe('');
  });

  it('without a build, the bin says in one line how to make one', async () => {
    mkdirSync(join(dir, 'unbuilt/bin'), { recursive: true });
    writeFileSync(join(dir, 'unbuilt/package.json'), '{"type": "module"}');
    copyFileSync(join(ROOT, 'bin/invite-triage.js'), join(dir, 'unbuilt/bin/invite-triage.js'));
    const run = await runJs(join(dir, 'unbuilt/bin/invite-triage.js'), ['parse', 'hello'], '', {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^invite-triage: not built yet; run "npm install" or "npm run build" in [^\n]+\n$/);
  });

  it('npm start exits with a message naming the path when the database cannot be opened', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'a regular file where a folder should be');
    const run = await runJs('dist/src/main.js', [], '', { DATABASE_PATH: join(blocker, 'bot.db') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot open the database at ${join(blocker, 'bot.db')}`);
  });

  it('parse loads neither the database, Slack, Discord, cron nor the config parser', () => {
    const { files, packages } = staticImports(BUILT_CLI, join(ROOT, 'dist'));
    expect(packages).toEqual([]);
    expect(files.filter((f) => /^adapters\/|^src\/(store|scheduler|config)/.test(f))).toEqual([]);
  });

  it('npm run discord:register loads no database, store, or handler', () => {
    const { files, packages } = staticImports(join(ROOT, 'dist/adapters/discord/register.js'), join(ROOT, 'dist'));
    expect(packages).not.toContain('better-sqlite3');
    expect(packages).not.toContain('drizzle-orm');
    expect(files.filter((f) => /^src\/(store|scheduler)\/|\/handlers\/|^src\/service\/index/.test(f))).toEqual([]);
    expect(files).toContain('adapters/discord/declarations.js');
  });
});
