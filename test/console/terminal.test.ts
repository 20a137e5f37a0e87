import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/run-process.js';
import { runTerminal } from './terminal-harness.js';

const corpus = readFileSync(new URL('../fixtures/invitations.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { platform: string; inviter: string | null; text: string });
const linkedinEmail = corpus.find((c) => c.inviter === 'Sarah Johnson')!;

describe('the terminal bot, fed on a pipe', () => {
  let db: string;
  let cleanup: () => void;
  let errors: string[];
  beforeEach(() => {
    const t = tempDir();
    db = join(t.dir, 'bot.db');
    cleanup = t.cleanup;
    errors = [];
  });
  afterEach(() => {
    cleanup();
    expect(errors, 'nothing went wrong unexpectedly').toEqual([]);
  });

  const start = (stdin: string) => runTerminal(db, stdin, errors);

  it('triages a LinkedIn and a Facebook invitation with the default criteria, then finishes at the end of the input', async () => {
    const script = [
      'LinkedIn request from Dana Kim, recruiter at Acme',
      '2', // No: never spoke
      'facebook friend request from my patient Sam Lee',
      'skip', // asked once, because "my patient" names someone served: what is your work?
      'history',
    ].join('\n');
    const run = await start(script);
    expect(run.stdout).toContain('Have you connected with Dana Kim in person or on the phone at least once?');
    expect(run.stdout).toMatch(/Decision: Decline\. The original policy: You have never spoken with Dana Kim/);
    expect(run.stdout).toContain('What is your work?');
    // "my patient" answers the dual-relationship question: it is not asked, and the words are shown.
    expect(run.stdout).not.toContain('Question 2 of up to 2: Do you serve Sam Lee professionally');
    expect(run.stdout).toContain('You said: my patient');
    expect(run.stdout).toMatch(/Decision: Decline\. The original policy: You serve Sam Lee professionally/);
    expect(run.stdout).toContain('What to click on Facebook: Delete (the sender is not told).');
    expect(run.stdout).toMatch(/Decisions 1-2 of 2/);
    const rows = new Database(db, { readonly: true })
      .prepare('select platform, outcome, decided_by from decisions order by id')
      .all();
    expect(rows).toEqual([
      { platform: 'linkedin', outcome: 'decline', decided_by: 'met_in_person_or_phone' },
      { platform: 'facebook', outcome: 'decline', decided_by: 'serves_professionally' },
    ]);
  });

  it('takes a multi-line forwarded email in paste mode', async () => {
    const run = await start(['paste', linkedinEmail.text, '.', '1'].join('\n'));
    expect(run.stdout).toContain('[#1] LinkedIn invitation from Sarah Johnson');
    expect(run.stdout).toMatch(/Decision: Accept\. Sarah Johnson meets every one of your LinkedIn criteria/);
  });

  it('resumes an unfinished triage after a restart, losing nothing', async () => {
    const first = await start("fb friend req - Jenny Wu, my kid's soccer coach\nno\n");
    expect(first.stdout).toContain('Have you invited Jenny Wu, or would you invite them, to your home?');
    const second = await start('1\n');
    expect(second.stdout).toContain('Picking up where you stopped:');
    expect(second.stdout).toMatch(/Decision: Accept\. Jenny Wu meets every one of your Facebook criteria/);
  });

  it('answers nonsense with a hint and keeps the question open', async () => {
    const run = await start('LinkedIn request from Dana Kim\nmaybe\n\u0000\u0007\n1\n');
    expect(run.stdout).toContain('Answer with 1-3 or the word');
    expect(run.stdout).toMatch(/Decision: Accept/);
  });

  it('asks to confirm before forgetting, then deletes everything', async () => {
    const run = await start('LinkedIn request from Dana Kim\n2\nforget\nno\nhistory\nforget\nyes\nhistory\n');
    expect(run.stdout).toContain('Nothing was deleted.');
    expect(run.stdout).toMatch(/Decisions 1-1 of 1/);
    expect(run.stdout).toContain('Deleted all your data (1 triages).');
    expect(run.stdout).toContain('No decisions yet.');
  });

  it('logs time against a budget and previews the week so far, in input order', async () => {
    const run = await start(
      'budget linkedin 2h leads\ntime linkedin 1h30m at work\ntime linkedin banana\ndigest now\nguidelines\n',
    );
    const out = run.stdout;
    expect(out).toContain('LinkedIn: 2h a week, expecting leads.');
    expect(out).toContain('Logged 1h30m on LinkedIn at work.');
    expect(out).toContain('"banana" is not a duration');
    expect(out).toMatch(/LinkedIn [▇░]{8} 1h30m of 2h · for leads · work 1h30m, home 0m/);
    expect(out.indexOf('Logged 1h30m')).toBeLessThan(out.indexOf('"banana" is not a duration'));
    expect(out).toContain('no guidance');
  });

  it('a new invitation typed while a name is asked starts a new triage instead of becoming the name', async () => {
    const run = await start('Someone wants to connect on LinkedIn\nKim Park wants to connect\n1\npending\n');
    expect(run.stdout).toContain('Who sent it? Type their name.');
    expect(run.stdout).toContain('Have you connected with Kim Park in person or on the phone at least once?');
    expect(run.stdout).not.toContain('Have you connected with Kim Park wants to connect');
    expect(run.stdout).toMatch(/Pending:\n {2}#1 .* LinkedIn · unknown: Open/);
  });

  it('GIVEN a not-invitation, a lower-case description and a German notification THEN one line, then two triages', async () => {
    const script = [
      'Julia Fischer accepted your invitation to connect on LinkedIn.',
      'my dentist added me on fb lol. greta lindholm',
      'drop 1',
      'Jens Albrecht möchte sich mit Ihnen vernetzen',
    ].join('\n');
    const out = (await start(script)).stdout;
    expect(out).toContain('That looks like an accepted invitation, not an invitation to triage; nothing was started.');
    expect(out).toContain('[#1] Facebook invitation from Greta Lindholm');
    expect(out).toContain('You know them as: my dentist');
    expect(out).toContain('[#2] LinkedIn invitation from Jens Albrecht');
    const triages = new Database(db, { readonly: true }).prepare('select count(*) as n from triages').get();
    expect(triages).toEqual({ n: 1 });
  });
});
