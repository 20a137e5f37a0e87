import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { tickingClock } from '../helpers/slack-harness.js';
import { session } from './terminal-harness.js';

describe('the console triage screen', () => {
  let db: Db;
  let service: Service;
  beforeEach(() => {
    db = openDatabase(':memory:');
    service = serviceOver(db, tickingClock());
  });
  afterEach(() => db.$client.close());

  it('GIVEN an answered question THEN "back" asks it again, and offers back only when there is an answer to take back', async () => {
    const screen = await session(service, [
      'Facebook friend request from Sam Lee, Teacher at Lincoln High',
      'no',
      'back',
    ]);
    const cards = screen.split(/(?=^\[#\d+\] )/m).slice(1);
    expect(cards).toHaveLength(3);
    expect(cards[0]).toMatch(/^\[#1\] Facebook invitation from Sam Lee\n {2}Teacher at Lincoln High · Lincoln High\n/);
    expect(cards[0]).toContain('Question 1 of up to 2: Do you serve Sam Lee professionally');
    expect(cards[0]).not.toContain('"back"');
    expect(cards[1]).toContain('Question 2 of up to 2: Have you invited Sam Lee');
    expect(cards[1]).toContain('"back" takes back the last answer');
    expect(cards[2]).toContain('Question 1 of up to 2: Do you serve Sam Lee professionally');
  });

  it('GIVEN a decision THEN it shows the shared label, and "undo" reopens the deciding question', async () => {
    const screen = await session(service, ['LinkedIn invitation from Pat Doe', '3', 'undo']);
    expect(screen).toContain('Decision: Defer. The original policy: You have not spoken with Pat Doe yet');
    expect(screen).toContain('("revise 1" asks again, "undo" takes back the last answer, "drop 1" discards it.)');
    expect(screen.split(/(?=^\[#\d+\] )/m).at(-1)).toContain('Question 1 of up to 1: Have you connected with Pat Doe');
  });

  it('GIVEN "back" before any answer THEN it says so in one line and the question stays', async () => {
    const screen = await session(service, ['LinkedIn invitation from Pat Doe', 'back']);
    expect(screen).toContain('There is no answer to take back.');
    expect(
      (await service.triage.openTriage({ provider: 'console', workspace: 'local', userId: 'me' }))?.step.kind,
    ).toBe('question');
  });
});
