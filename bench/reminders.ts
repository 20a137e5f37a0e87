import { type ChildFigures, measureInChild, memoryRows, ratioRow } from './child.js';
import { fillReminders } from './reminders-fill.js';
import type { BenchRun } from './types.js';

interface Measured extends ChildFigures {
  tickMs: number;
  tickPeakMb: number;
}

/** One reminder tick over 100,000 users with 1,000,000 pending reminders, 10% due, against a raw select. */
export const run: BenchRun = async ({ quick }) => {
  const users = quick ? 2_000 : 100_000;
  const perUser = 10;
  const { loadSeconds, m } = measureInChild<Measured>(
    'reminders',
    (client) => fillReminders(client, users, perUser),
    new URL('./reminders-measure.ts', import.meta.url),
    [String(users)],
  );
  return {
    title: `Reminders (${users.toLocaleString('en')} users, ${(users * perUser).toLocaleString('en')} pending reminders, 10% due)`,
    rows: [
      { name: 'load the database (setup)', value: loadSeconds, unit: 's' },
      { name: 'raw query: the due ones with what is sent', value: m.rawMs, unit: 'ms' },
      ratioRow('one scheduler tick (claim, send, record)', m.tickMs, { name: 'raw query', ms: m.rawMs }),
      { name: 'reminders sent per second', value: users / (m.tickMs / 1000), unit: '/s' },
      ...memoryRows(m, 'the tick', m.tickPeakMb),
    ],
  };
};
