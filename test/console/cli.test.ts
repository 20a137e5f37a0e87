import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finished, runTs, tempDir } from '../helpers/run-process.js';

describe('the invite-triage CLI', () => {
  let env: Record<string, string>;
  let cleanup: () => void;
  beforeAll(() => {
    const t = tempDir();
    env = { DATABASE_PATH: join(t.dir, 'cli.db') };
    cleanup = t.cleanup;
  });
  afterAll(() => cleanup());

  const cli = (...args: string[]): Promise<Finished> => runTs('bin/invite-triage.js', args, '', env);
  const json = (r: Finished) => JSON.parse(r.stdout) as Record<string, unknown>;

  it('parse --json prints the platform id and the inviter', async () => {
    const r = await cli(
      'parse',
      '--json',
      'Priya Raman wants to connect\nProduct Lead at Northwind\n12 mutual connections',
    );
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ platform: 'linkedin', inviter: 'Priya Raman' });
  });

  it('triage --json with every answer prints the decision naming the deciding criterion, and records it', async () => {
    const r = await cli(
      'triage',
      '--json',
      'facebook friend request from my patient Sam Lee',
      '--answer',
      'serves_professionally=yes',
    );
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ outcome: 'decline', decidedBy: 'serves_professionally', recorded: true });
    const history = await cli('history', '--json');
    expect(json(history)).toMatchObject({ total: 1, items: [{ inviter: 'Sam Lee', outcome: 'decline' }] });
  });

  it('triage --json with answers missing prints the next question and its criterion id', async () => {
    const r = await cli('triage', '--json', 'Some text', '--platform', 'fb', '--inviter', 'Matt Brown', '--dry-run');
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({
      outcome: null,
      platform: 'facebook',
      recorded: false,
      question: { id: 'serves_professionally', choices: ['yes', 'no'] },
    });
  });

  it('--dry-run records nothing', async () => {
    const before = json(await cli('history', '--json')).total;
    const r = await cli(
      'triage',
      '--json',
      'LinkedIn request from Dana Kim',
      '--answer',
      'met_in_person_or_phone=no',
      '--dry-run',
    );
    expect(json(r)).toMatchObject({ outcome: 'decline', recorded: false, triageId: null });
    expect(json(await cli('history', '--json')).total).toBe(before);
  });

  it('export --format csv prints a header and a row per decision', async () => {
    const r = await cli('export', '--format', 'csv');
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split(/\r?\n/);
    expect(header).toMatch(/^triage_id,received_at,platform,inviter,outcome,decided_by/);
    expect(rows.some((row) => row.includes('Sam Lee') && row.includes('decline'))).toBe(true);
  });

  it('refuses bad arguments with a clear message and a non-zero exit code', async () => {
    // Independent runs that store nothing: side by side, since each pays Node's and tsx's start-up.
    const [unknownPlatform, badAnswer, empty, unknownCommand, badFormat] = await Promise.all([
      cli('triage', '--json', 'hello', '--platform', 'friendster'),
      cli('triage', 'hello', '--answer', 'nonsense'),
      cli('parse', '--json', '   '),
      cli('frobnicate'),
      cli('export', '--format', 'xml'),
    ]);
    expect(unknownPlatform.code).toBe(2);
    expect(unknownPlatform.stderr).toContain('"friendster" is not a platform I know');
    expect(badAnswer.code).toBe(2);
    expect(badAnswer.stderr).toContain('--answer takes <criterion>=<choice>');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Paste an invitation');
    expect(unknownCommand.code).toBe(2);
    expect(badFormat.code).toBe(2);
  });

  it('time and budget log against a weekly budget, and digest --preview shows the bar', async () => {
    expect((await cli('budget', 'linkedin', '2h', 'contacts')).stdout).toContain(
      'LinkedIn: 2h a week, expecting contacts.',
    );
    const logged = await cli('time', 'linkedin', '90m', '--at', 'home');
    expect(logged.code).toBe(0);
    expect(logged.stdout).toContain('Logged 1h30m on LinkedIn at home.');
    const bad = await cli('time', 'linkedin', '-5m');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/negative/i);
    const preview = await cli('digest', '--preview', '--current');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/LinkedIn [▇░]{8} 1h30m of 2h/);
    expect((await cli('digest')).code).toBe(2);
  });

  it('--help on each command prints its usage', async () => {
    const commands = ['parse', 'triage', 'history', 'export', 'migrate', 'time', 'budget', 'digest'];
    const runs = await Promise.all(commands.map((command) => cli(command, '--help')));
    for (const [i, r] of runs.entries()) {
      expect(r.code, commands[i]).toBe(0);
      expect(r.stdout).toContain(`usage: invite-triage ${commands[i]}`);
    }
  }, 60_000);
});
