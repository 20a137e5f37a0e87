import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { tickingClock } from '../helpers/slack-harness.js';

/** Types the lines into the real console adapter and returns the screen. */
async function session(service: Service, lines: string[]): Promise<string> {
  let screen = '';
  const input = new PassThrough();
  const output = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      screen += chunk.toString();
      done();
    },
  });
  const user = { provider: 'console' as const, workspace: 'local', userId: 'me' };
  const adapter = createConsoleAdapter({ input, output, user }, { service, log: createLogger('error', () => {}) });
  await adapter.start();
  input.end(`${lines.join('\n')}\n`);
  await adapter.done;
  return screen;
}

const count = (db: Db, table: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the console: repeats, roles and what it took from your words', () => {
  let db: Db;
  let service: Service;
  beforeEach(() => {
    db = openDatabase(':memory:');
    service = serviceOver(db, tickingClock());
  });
  afterEach(() => db.$client.close());

  it('GIVEN a person triaged before THEN it shows that decision; "keep" records nothing, "again" triages anew', async () => {
    const screen = await session(service, [
      'LinkedIn request from Dana Kim, recruiter at Acme',
      'no',
      'LinkedIn request from Dana Kim',
      'keep',
      'LinkedIn request from Dana Kim',
      'again',
    ]);
    expect(screen).toMatch(/You triaged Dana Kim on LinkedIn before: Decline, on \d{4}-\d{2}-\d{2}\./);
    expect(screen).toContain('"keep" keeps that decision, "again" triages them again');
    expect(screen).toContain('Kept #1: nothing new recorded.');
    expect(screen).toMatch(/\[#2\] LinkedIn invitation from Dana Kim\n[\s\S]*Have you connected with Dana Kim/);
    expect(count(db, 'triages')).toBe(2);
  });

  it("GIVEN a decline says what to click THEN it names the network's own button", async () => {
    const screen = await session(service, ['LinkedIn request from Dana Kim, recruiter at Acme', 'no']);
    expect(screen).toContain('What to click on LinkedIn: Ignore (the sender is not told).');
  });

  it('GIVEN "role clinician" THEN a patient is declined on LinkedIn, citing the guidance', async () => {
    const screen = await session(service, ['role clinician', 'My patient Pat Moore wants to connect on LinkedIn']);
    expect(screen).toContain('Your role: clinician.');
    expect(screen).toContain('You said: My patient');
    expect(screen).toMatch(/Decision: Decline\. For clinicians \(ACP\/FSMB 2013/);
    expect(screen).toContain('"correct" asks what I took from your words');
  });

  it('GIVEN a role THEN "policy linkedin" shows which layer each question comes from', async () => {
    const screen = await session(service, ['role clinician', 'policy linkedin']);
    expect(screen).toContain('LinkedIn criteria (role):');
    expect(screen).toMatch(/1\. \[serves_professionally\] .*<- For clinicians \(ACP\/FSMB 2013/);
    expect(screen).toMatch(/2\. \[met_in_person_or_phone\] .*<- The original policy/);
  });

  it('GIVEN "correct" THEN the question the words answered is asked', async () => {
    const screen = await session(service, [
      'role general',
      'facebook friend request from my patient Sam Lee',
      'correct',
    ]);
    expect(screen).toMatch(/Question 1 of up to 2: Do you serve Sam Lee professionally/);
  });

  it('GIVEN "role nurse" THEN it names the roles there are and keeps the setting', async () => {
    const screen = await session(service, ['role nurse', 'role']);
    expect(screen).toContain(
      '"nurse" is not a role. Pick one of: general, clinician, therapist, teacher, client-facing.',
    );
    expect(screen).toContain('No role set: the original policy applies.');
  });
});
