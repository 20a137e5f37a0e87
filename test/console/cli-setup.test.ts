import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-process.js';
import { runCli } from './cli-harness.js';

describe('the CLI says which database it uses and what it did to it', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());
  const cli = (args: string[], env: Record<string, string>) => runCli(args, { env, cwd: dir });

  it('GIVEN DATABASE_PATH THEN --help names that file, not the default; without it, the default under the folder', async () => {
    const set = await cli(['--help'], { DATABASE_PATH: 'elsewhere/mine.db' });
    expect(set.stdout).toContain(`The database: ${join(dir, 'elsewhere/mine.db')} (DATABASE_PATH)`);
    expect(set.stdout).not.toContain('./data/invite-triage.db');
    const unset = await cli(['--help'], {});
    expect(unset.stdout).toContain(`The database: ${join(dir, 'data/invite-triage.db')} (DATABASE_PATH unset`);
    const pg = await cli(['--help'], { DATABASE_URL: 'postgres://secret@db/x' });
    expect(pg.stdout).toContain('PostgreSQL at DATABASE_URL');
    expect(pg.stdout).not.toContain('secret');
  });

  it('GIVEN a new file THEN migrate says it created it and how many migrations it applied; again, that nothing was left to do', async () => {
    const env = { DATABASE_PATH: join(dir, 'new.db') };
    const first = await cli(['migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^Created the database at ${join(dir, 'new.db')} and applied \\d+ migrations\\.\\n$`),
    );
    const again = await cli(['migrate'], env);
    expect(again.stdout).toMatch(/^Database is up to date: .* has all \d+ migrations, none to apply\.\n$/);
    expect(JSON.parse((await cli(['migrate', '--json'], env)).stdout)).toEqual({
      upToDate: true,
      created: false,
      applied: 0,
    });
  });

  it('GIVEN a mistaken time entry THEN "time undo" removes it', async () => {
    const env = { DATABASE_PATH: join(dir, 'time.db') };
    expect((await cli(['time', 'linkedin', '45m', '--at', 'home'], env)).code).toBe(0);
    const undone = await cli(['time', 'undo'], env);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toBe('Removed your last entry: 45m on LinkedIn at home.\n');
    expect((await cli(['time', 'undo'], env)).stdout).toBe(
      'You have logged no time, so there is nothing to take back.\n',
    );
  });

  it('GIVEN a recorded triage THEN "drop <id>" deletes it; an unknown id is refused in one line, a missing one is a usage error', async () => {
    const env = { DATABASE_PATH: join(dir, 'drop.db') };
    const started = await cli(
      ['triage', '--json', 'LinkedIn request from Dana Kim', '--answer', 'met_in_person_or_phone=no'],
      env,
    );
    const { triageId } = JSON.parse(started.stdout) as { triageId: number };
    expect(JSON.parse((await cli(['history', '--json'], env)).stdout)).toMatchObject({ total: 1 });
    const dropped = await cli(['drop', String(triageId)], env);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toBe(`Dropped #${triageId}.\n`);
    expect(JSON.parse((await cli(['history', '--json'], env)).stdout)).toMatchObject({ total: 0 });
    const again = await cli(['drop', String(triageId)], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`invite-triage drop: there is no triage #${triageId} of yours\n`);
    expect((await cli(['drop'], env)).code).toBe(2);
    expect((await cli(['drop', 'abc'], env)).code).toBe(2);
  });
});
