import { describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import { openDatabase } from '../../src/store/db.js';
import { fakeClock } from '../helpers/builders.js';

/** Two schedulers on one database, each with its own pacer, as two instances would have. */
function twoInstances() {
  const clock = fakeClock(Date.parse('2025-03-10T08:00:00Z'));
  const db = openDatabase(':memory:');
  const service = serviceOver(db, clock);
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
  };
  const shared = (key: string, gap: number, now: number) => service.digest.sendSlot(key, gap, now);
  return {
    slept,
    a: createPacer(clock, sleep, {}, shared),
    b: createPacer(clock, sleep, {}, shared),
    close: () => db.$client.close(),
  };
}

describe('send pacing across instances', () => {
  it('GIVEN two instances sending to one Slack workspace at once THEN the second waits a second', async () => {
    const { a, b, slept, close } = twoInstances();
    await a.wait('slack', 'E1:T1');
    await b.wait('slack', 'E1:T1');
    await a.wait('slack', 'E1:T1');
    expect(slept).toEqual([1000, 2000]);
    close();
  });

  it('GIVEN another workspace or the terminal THEN nobody waits for it', async () => {
    const { a, b, slept, close } = twoInstances();
    await a.wait('slack', 'E1:T1');
    await b.wait('slack', 'E1:T2');
    await b.wait('console', 'local');
    expect(slept).toEqual([]);
    close();
  });
});
