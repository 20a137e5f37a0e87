import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-process.js';
import { type CliRun, runCli } from './cli-harness.js';

const corpus = readFileSync(new URL('../fixtures/invitations.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { platform: string; inviter: string | null; text: string });
const linkedinEmail = corpus.find((c) => c.inviter === 'Sarah Johnson')!;
const FORWARDED = `---------- Forwarded message ---------\n${linkedinEmail.text}`;

describe('the invite-triage CLI, run through its command table', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());

  const cli = (args: string[], stdin?: string) =>
    runCli(args, { env: { DATABASE_PATH: join(dir, 'cli.db') }, cwd: dir, stdin });
  const json = (r: CliRun) => JSON.parse(r.stdout) as Record<string, unknown>;
  /** Every triage stored, open or decided: a failed or dry run must leave none behind, not even half-made. */
  const triages = () => {
    const db = new Database(join(dir, 'cli.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from triages').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const refused = (r: CliRun, code: number, message: string | RegExp) => {
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  };

  it('parse --json prints the platform id and the inviter', async () => {
    const r = await cli([
      'parse',
      '--json',
      'Priya Raman wants to connect\nProduct Lead at Northwind\n12 mutual connections',
    ]);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ platform: 'linkedin', inviter: 'Priya Raman' });
  });

  it('parse says when a text is not an invitation, as a triage would refuse it', async () => {
    const accepted = 'Priya Raman accepted your invitation to connect on LinkedIn';
    const r = await cli(['parse', accepted]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^not an invitation: .*accepted invitation/m);
    expect(json(await cli(['parse', '--json', accepted]))).toMatchObject({ kind: 'not_an_invitation' });
    expect(json(await cli(['parse', '--json', 'Priya Raman wants to connect']))).toMatchObject({
      kind: 'invitation',
      asks: [],
    });
  });

  it('reads a forwarded email given as the argument, though it begins with dashes', async () => {
    const r = await cli(['parse', '--json', FORWARDED]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ platform: 'linkedin', inviter: 'Sarah Johnson' });
  });

  it('reads the text from standard input with "-", or with no text when standard input is not a terminal', async () => {
    for (const args of [
      ['parse', '--json', '-'],
      ['parse', '--json'],
    ]) {
      const r = await cli(args, FORWARDED);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(json(r)).toMatchObject({ platform: 'linkedin', inviter: 'Sarah Johnson' });
    }
    const triaged = await cli(['triage', '--json', '--dry-run', '--answer', 'met_in_person_or_phone=yes'], FORWARDED);
    expect(json(triaged)).toMatchObject({ inviter: 'Sarah Johnson', outcome: 'accept', recorded: false });
  });

  it('reads the text from --file, relative to the working directory', async () => {
    writeFileSync(join(dir, 'mail.txt'), FORWARDED);
    const r = await cli(['parse', '--json', '--file', 'mail.txt']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ platform: 'linkedin', inviter: 'Sarah Johnson' });
    refused(await cli(['parse', '--file', 'missing.txt']), 1, `cannot read ${join(dir, 'missing.txt')}: no such file`);
    refused(await cli(['parse', '--file', 'mail.txt', 'more text']), 2, 'give the text or --file, not both');
  });

  it('asks for the text when none is given at a terminal, and refuses empty input from a pipe', async () => {
    refused(await cli(['parse']), 2, /give the invitation text, "-" to read it from standard input, or --file/);
    refused(await cli(['parse', '--json'], '  \n'), 1, 'Paste an invitation');
  });

  it('triage --json with every answer prints the decision naming the deciding criterion, and records it', async () => {
    const r = await cli([
      'triage',
      '--json',
      'facebook friend request from my patient Sam Lee',
      '--answer',
      'serves_professionally=yes',
    ]);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ outcome: 'decline', decidedBy: 'serves_professionally', recorded: true });
    const history = await cli(['history', '--json']);
    expect(json(history)).toMatchObject({ total: 1, items: [{ inviter: 'Sam Lee', outcome: 'decline' }] });
  });

  it('triage --json with answers missing prints the next question and its criterion id', async () => {
    const r = await cli(['triage', '--json', 'Some text', '--platform', 'fb', '--inviter', 'Matt Brown', '--dry-run']);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({
      outcome: null,
      platform: 'facebook',
      recorded: false,
      question: { id: 'serves_professionally', choices: ['yes', 'no'] },
    });
  });

  it('--dry-run records nothing', async () => {
    const before = triages();
    const r = await cli([
      'triage',
      '--json',
      'LinkedIn request from Dana Kim',
      '--answer',
      'met_in_person_or_phone=no',
      '--dry-run',
    ]);
    expect(json(r)).toMatchObject({ outcome: 'decline', recorded: false, triageId: null });
    expect(triages()).toBe(before);
  });

  it('export prints a CSV header and a row per decision, or JSON with --json', async () => {
    const r = await cli(['export', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split(/\r?\n/);
    expect(header).toMatch(/^triage_id,received_at,platform,inviter,outcome,decided_by/);
    expect(rows.some((row) => row.includes('Sam Lee') && row.includes('decline'))).toBe(true);
    expect(JSON.stringify(json(await cli(['export', '--json'])))).toContain('Sam Lee');
  });

  it('exits 2 on a usage error and 1 on refused input, each with one line, and records nothing', async () => {
    const before = triages();
    refused(
      await cli(['triage', '--json', 'hello', '--platform', 'friendster']),
      2,
      '"friendster" is not a platform I know',
    );
    refused(await cli(['triage', 'hello', '--answer', 'nonsense']), 2, '--answer takes <criterion>=<choice>');
    const dana = 'LinkedIn request from Dana Kim';
    refused(await cli(['triage', dana, '--answer', 'bogus=yes']), 2, '--answer names bogus');
    refused(
      await cli(['triage', dana, '--answer', 'met_in_person_or_phone=maybe']),
      2,
      '--answer met_in_person_or_phone=maybe: the choices are yes, no, planned',
    );
    refused(await cli(['time', 'linkedin', '25m', '--at', 'office']), 2, '--at is work or home');
    refused(await cli(['time']), 2, 'time takes <platform> <duration>');
    refused(await cli(['budget']), 2, 'budget takes <platform> <duration>');
    refused(await cli(['parse', '--bogus', 'text']), 2, 'unknown option --bogus');
    refused(await cli(['history', '--limit', 'ten']), 2, '--limit takes a whole number');
    refused(await cli(['export', '--format', 'xml']), 2, '--format is csv or json');
    refused(await cli(['digest']), 2, 'digest needs --preview');
    refused(await cli(['frobnicate']), 2, 'unknown command "frobnicate"');
    refused(await cli([]), 2, 'name a command');
    refused(await cli(['parse', '--json', '   ']), 1, 'Paste an invitation');
    refused(await cli(['time', 'linkedin', '-5m']), 1, /negative/i);
    refused(await cli(['time', 'friendster', '25m']), 1, /friendster/);
    expect(triages()).toBe(before);
  });

  it('time and budget log against a weekly budget, and digest --preview shows the bar', async () => {
    expect((await cli(['budget', 'linkedin', '2h', 'contacts'])).stdout).toContain(
      'LinkedIn: 2h a week, expecting contacts.',
    );
    const logged = await cli(['time', 'linkedin', '90m', '--at', 'home']);
    expect(logged.code).toBe(0);
    expect(logged.stdout).toContain('Logged 1h30m on LinkedIn at home.');
    const preview = await cli(['digest', '--preview', '--current']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/LinkedIn [▇░]{8} 1h30m of 2h/);
  });

  it('every command takes --json, wherever it stands', async () => {
    const timed = await cli(['time', '--json', 'linkedin', '25m']);
    expect(timed.code, timed.stderr).toBe(0);
    expect(json(timed)).toMatchObject({ platform: 'linkedin', minutes: 25, place: null });
    expect(json(await cli(['budget', 'linkedin', '--json', '3h']))).toMatchObject({
      platform: 'linkedin',
      minutes: 180,
    });
    const digest = await cli(['digest', '--preview', '--json', '--current']);
    expect(digest.code, digest.stderr).toBe(0);
    expect(JSON.stringify(json(digest).sections)).toMatch(/LinkedIn [▇░]{8} 1h55m of 3h/);
    expect(json(await cli(['migrate', '--json']))).toEqual({ upToDate: true, created: false, applied: 0 });
    expect(json(await cli(['history', '--json']))).toMatchObject({ total: 1 });
  });

  it('--help on each command prints its usage', async () => {
    for (const command of ['parse', 'triage', 'history', 'export', 'migrate', 'time', 'budget', 'digest']) {
      const r = await cli([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout).toContain(`usage: invite-triage ${command}`);
    }
  });
});
