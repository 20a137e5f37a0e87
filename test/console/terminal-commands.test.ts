import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/service/index.js';
import type { Db } from '../../src/store/db.js';
import { aService } from '../helpers/builders.js';
import { cards, ME, session } from './terminal-harness.js';

describe('the terminal’s commands, typed as people type them', () => {
  let db: Db;
  let service: Service;
  let errors: string[];
  const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  beforeEach(() => {
    ({ db, service } = aService());
    errors = [];
  });
  afterEach(() => {
    db.$client.close();
    expect(errors, 'nothing went wrong unexpectedly').toEqual([]);
  });
  const type = (lines: string[]) => session(service, lines, errors);

  it('GIVEN a decision just shown WHEN "undo" is typed THEN the decision is taken back and its question asked again', async () => {
    const screen = await type(['LinkedIn request from Dana Kim', '2', 'undo']);
    const [, decided, reopened] = cards(screen);
    expect(decided).toContain('Decision: Decline.');
    expect(reopened).toContain('Question 1 of up to 1: Have you connected with Dana Kim');
    expect(screen).not.toContain('There is no answer to take back');
    expect((await service.records.history(ME)).total).toBe(0);
    expect((await service.triage.openTriage(ME))?.step.kind).toBe('question');
  });

  it('GIVEN triages WHEN "drop <#>" is typed THEN that one is gone from pending, history and the database, and others stay', async () => {
    const screen = await type([
      'LinkedIn request from Dana Kim',
      '2',
      'Dana',
      'drop 2',
      'drop 2',
      'discard #1',
      'drop 99',
      'revise 99',
      'pending',
      'history',
    ]);
    expect(screen).toContain('"drop 1" discards it');
    expect(screen).toContain('Dropped #2: it is gone, with its answers and decision.');
    expect(screen).toContain('There is no triage #2 of yours: "pending" and "history" list them.');
    expect(screen).toContain('Dropped #1 (Dana Kim): it is gone, with its answers and decision.');
    expect(screen.match(/There is no triage #99 of yours/g)).toHaveLength(2);
    expect(screen).not.toContain('no longer exists');
    expect(screen).toContain('Nothing pending.');
    expect(screen).toContain('No decisions yet.');
    for (const table of ['invitations', 'triages', 'answers', 'decisions']) expect(count(table), table).toBe(0);
  });

  it('GIVEN someone else’s triage WHEN "drop" names it THEN it is refused and kept', async () => {
    const theirs = await service.triage.startFromText({ ...ME, userId: 'them' }, 'LinkedIn request from Dana Kim');
    const screen = await type([`drop ${theirs.id}`]);
    expect(screen).toContain(`There is no triage #${theirs.id} of yours`);
    expect(count('triages')).toBe(1);
  });

  it('GIVEN lines shaped like commands WHEN typed THEN each gets its usage and none becomes a triage', async () => {
    const screen = await type([
      'clear',
      'revise',
      'history abc',
      'drop',
      'undo that',
      'export pdf',
      'fix',
      'policy linkedin foo',
      'pending',
    ]);
    expect(screen).toContain('"clear" is not a command here. "help" lists the commands.');
    expect(screen).toContain('Use "revise <#>", e.g. "revise 3"');
    expect(screen).toContain('Use "history" or "history <page>"');
    expect(screen).toContain('Use "drop <#>", e.g. "drop 3", to discard a triage');
    expect(screen).toContain('Type "undo" on its own to take back the last answer.');
    expect(screen).toContain('Use "export csv [file]" for your decisions or "export json [file]" for everything.');
    expect(screen).toContain('Use "fix platform <network>" or "fix inviter <name>".');
    expect(screen).toContain('Use "policy <network>" to see its questions');
    expect(screen).toContain('Nothing pending.');
    expect(screen).not.toContain('[#');
    expect(count('triages')).toBe(0);
    expect(count('policy_overrides')).toBe(0);
  });

  it('GIVEN a question open WHEN a command-shaped line comes THEN it gets the usage, not "answer with 1-3", and the question stays', async () => {
    const screen = await type(['LinkedIn request from Dana Kim', 'revise', 'history abc', '1']);
    expect(screen).toContain('Use "revise <#>"');
    expect(screen).toContain('Use "history" or "history <page>"');
    expect(screen).not.toContain('Answer with 1-3');
    expect(screen).toMatch(/Decision: Accept\. Dana Kim meets every one of your LinkedIn criteria/);
  });

  it('GIVEN an invitation that begins with a command’s word THEN it is still triaged', async () => {
    const screen = await type(['History teacher Sam Lee sent you a friend request on Facebook']);
    expect(screen).toContain('[#1] Facebook invitation from ');
  });

  it('GIVEN a skipped name THEN no name is stored, and the text says "the inviter"', async () => {
    const screen = await type(['Someone wants to connect on LinkedIn', '1', '1', 'export csv', 'history']);
    expect(screen).toContain('Have you connected with the inviter in person or on the phone at least once?');
    expect(screen).toContain('Decision: Accept. The inviter meets every one of your LinkedIn criteria.');
    expect(screen).not.toContain('this person');
    expect(db.$client.prepare('SELECT inviter FROM invitations').pluck().all()).toEqual([null]);
    const json = (await service.records.export(ME, 'json')).body;
    expect(json).not.toContain('this person');
    expect(json).toContain('The inviter meets every one of your LinkedIn criteria.');
  });

  it('GIVEN "fix platform twitter" THEN the alias is taken, as "policy twitter" takes it', async () => {
    const screen = await type(['LinkedIn request from Dana Kim', 'fix platform twitter', 'fix platform friendster']);
    expect(cards(screen)[1]).toMatch(/^\[#1\] X \(Twitter\) invitation from Dana Kim/);
    expect(screen).toContain('"friendster" is not a platform I know.');
  });

  it('GIVEN time logged by mistake THEN "time undo" removes the last entry; a place it does not know is named', async () => {
    const screen = await type([
      'time linkedin 25m at the gym',
      'time linkedin 25m at work',
      'time github 2h',
      'time undo',
      'time undo',
      'time undo',
    ]);
    expect(screen).toContain('"at the gym" is not a place I log: say "at work" or "at home", or leave it out.');
    expect(screen).not.toContain('is not a duration');
    expect(screen).toContain('Removed your last entry: 2h on GitHub.');
    expect(screen).toContain('Removed your last entry: 25m on LinkedIn at work.');
    expect(screen).toContain('You have logged no time, so there is nothing to take back.');
    expect(count('time_logs')).toBe(0);
  });
});
