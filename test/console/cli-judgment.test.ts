import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-process.js';
import { type CliRun, runCli } from './cli-harness.js';

describe('the CLI: inferred answers, roles and repeats', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterAll(() => cleanup());

  let n = 0;
  /** Each case gets its own database, so one user's role and history do not leak into the next case. */
  const fresh = () => join(dir, `judgment-${++n}.db`);
  const cli = (db: string, args: string[]) => runCli(args, { env: { DATABASE_PATH: db }, cwd: dir });
  const json = (r: CliRun) => {
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };
  const triages = (db: string) => {
    const d = new Database(db, { readonly: true });
    try {
      return (d.prepare('select count(*) as n from triages').get() as { n: number }).n;
    } finally {
      d.close();
    }
  };

  it('decides a patient on Facebook from the text alone, and prints what it inferred and why', async () => {
    const r = json(await cli(fresh(), ['triage', '--json', 'facebook friend request from my patient Sam Lee']));
    expect(r).toMatchObject({
      outcome: 'decline',
      decidedBy: 'serves_professionally',
      inferred: { serves_professionally: { answer: 'yes', because: 'my patient' } },
    });
    expect(r.explanation).toMatch(/^The original policy: /);
  });

  it('with no role, a patient on LinkedIn is deferred until the user says what their work is', async () => {
    const text = 'My patient Pat Moore wants to connect on LinkedIn';
    const r = json(await cli(fresh(), ['triage', '--json', text, '--answer', 'met_in_person_or_phone=yes']));
    expect(r).toMatchObject({ outcome: 'defer', decidedBy: 'serves_professionally' });
    expect(r.explanation).toMatch(/set your role/);
  });

  it('--answer overrides an inferred answer', async () => {
    const args = ['triage', '--json', 'facebook friend request from my patient Sam Lee'];
    const r = json(await cli(fresh(), [...args, '--answer', 'serves_professionally=no']));
    expect(r).toMatchObject({ outcome: null, inferred: {}, question: { id: 'would_invite_home' } });
  });

  it('settings --role clinician, then a patient on LinkedIn is declined citing ACP/FSMB 2013', async () => {
    const db = fresh();
    expect(json(await cli(db, ['settings', '--json']))).toMatchObject({ role: null });
    expect(json(await cli(db, ['settings', '--role', 'clinician', '--json']))).toMatchObject({ role: 'clinician' });
    expect(json(await cli(db, ['settings', '--json']))).toMatchObject({ role: 'clinician' });
    const r = json(await cli(db, ['triage', '--json', 'My patient Pat Moore wants to connect on LinkedIn']));
    expect(r).toMatchObject({ outcome: 'decline', decidedBy: 'serves_professionally' });
    expect(r.explanation).toMatch(/^For clinicians \(ACP\/FSMB 2013/);
  });

  it('an inferred accept asks to confirm; --answer confirm=yes accepts', async () => {
    const db = fresh();
    const text = 'LinkedIn request from Ana Silva, we had coffee at the conference';
    expect(json(await cli(db, ['triage', '--json', '--dry-run', text]))).toMatchObject({
      outcome: null,
      question: { id: 'confirm', choices: ['yes', 'no'] },
      inferred: { met_in_person_or_phone: { answer: 'yes' } },
    });
    const r = json(await cli(db, ['triage', '--json', text, '--answer', 'confirm=yes']));
    expect(r).toMatchObject({ outcome: 'accept' });
  });

  it('a person triaged before prints the earlier decision and records nothing, unless --again', async () => {
    const db = fresh();
    const text = 'LinkedIn request from Dana Kim, recruiter at Acme';
    const first = json(await cli(db, ['triage', '--json', text, '--answer', 'met_in_person_or_phone=no']));
    const repeat = json(await cli(db, ['triage', '--json', 'LinkedIn request from Dana Kim']));
    expect(repeat).toMatchObject({ recorded: false, repeat: { triageId: first.triageId, outcome: 'decline' } });
    expect(triages(db)).toBe(1);
    const again = json(await cli(db, ['triage', '--json', '--again', 'LinkedIn request from Dana Kim']));
    expect(again).toMatchObject({ recorded: true, question: { id: 'met_in_person_or_phone' } });
    expect(triages(db)).toBe(2);
  });

  it('refuses an unknown role with one line and exit 2, changing nothing', async () => {
    const db = fresh();
    const r = await cli(db, ['settings', '--role', 'nurse']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /--role "nurse" is not a role: one of general, clinician, therapist, teacher, client-facing/,
    );
    expect(json(await cli(db, ['settings', '--json']))).toMatchObject({ role: null });
  });
});
