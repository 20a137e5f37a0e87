import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../console/cli-harness.js';
import { tempDir } from '../helpers/run-process.js';

/** The CLI runs on the system clock and the machine's zone: times are checked against those. */
const weekday = (iso: string) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }).format(Date.parse(iso));

describe('reminders through the CLI', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());
  const cli = (args: string[]) => runCli(args, { env: { DATABASE_PATH: join(dir, 'cli.db') }, cwd: dir });
  const list = async () => {
    const r = await cli(['reminders', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { triageId: number; inviter: string; platform: string; kind: string; due: string }[];
  };
  const refused = (r: CliRun, code: number, message: RegExp) => {
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  };

  it('a deferral "after our call on Friday" is listed for Friday; remind moves it or turns it off', async () => {
    const t = await cli([
      'triage',
      '--json',
      'LinkedIn request from Dana Kim, after our call on Friday',
      '--answer',
      'met_in_person_or_phone=planned',
    ]);
    expect(t.code, t.stderr).toBe(0);
    const [r, ...rest] = await list();
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ inviter: 'Dana Kim', platform: 'linkedin', kind: 'deferred' });
    expect(r?.due).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(weekday(r?.due ?? '')).toBe('Friday');
    expect(Date.parse(r?.due ?? '') - Date.now()).toBeLessThanOrEqual(8 * 86_400_000);

    const id = String(r?.triageId);
    const moved = await cli(['remind', id, 'on', '2030-01-15', '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    expect((await list())[0]?.due.slice(0, 10)).toMatch(/^2030-01-1[45]$/);
    const inThree = await cli(['remind', id, 'in', '3d']);
    expect(inThree.stdout).toMatch(/^#\d+: I'll ask again /);
    expect(Date.parse((await list())[0]?.due ?? '') - Date.now()).toBeGreaterThan(2 * 86_400_000);

    refused(await cli(['remind', id, 'whenever']), 1, /not a time I can read/);
    refused(await cli(['remind', 'abc', 'in', '3d']), 2, /remind takes <#>/);
    refused(await cli(['remind', '99999', 'in', '3d']), 1, /no triage #99999/);
    expect((await cli(['remind', id, 'off'])).stdout).toMatch(/no reminder will come/);
    expect(await list()).toEqual([]);
  });

  it('settings shows and changes the reminder rhythm; bad words change nothing', async () => {
    const changed = await cli(['settings', '--json', 'reminders', 'light', 'quiet', '22-7', 'defer', '3d']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout).reminders).toEqual({ mode: 'light', quietStart: 22, quietEnd: 7, deferDays: 3 });
    refused(await cli(['settings', 'quiet', 'late']), 2, /Quiet hours are two hours/);
    refused(await cli(['settings', 'reminders', 'loud']), 2, /off, light or standard/);
    expect((await cli(['settings'])).stdout).toMatch(/^Reminders: light, quiet 22:00–07:00, .* after 3 days/);
  });
});
