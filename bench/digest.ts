import { type ChildFigures, measureInChild, memoryRows, ratioRow } from './child.js';
import { fill } from './digest-fill.js';
import type { BenchRun } from './types.js';

interface Measured extends ChildFigures {
  digestMs: number;
  digestPeakMb: number;
}

/** Every digest for 100,000 users over 5 million decisions and time logs, against one raw aggregate query. */
export const run: BenchRun = async ({ quick }) => {
  const users = quick ? 2_000 : 100_000;
  const rows = quick ? 100_000 : 5_000_000;
  const { loadSeconds, m } = measureInChild<Measured>(
    'digest',
    (client) => fill(client, users, rows),
    new URL('./digest-measure.ts', import.meta.url),
    [String(users)],
  );
  return {
    title: `Weekly digest (${users.toLocaleString('en')} users, ${rows.toLocaleString('en')} decisions and time logs)`,
    rows: [
      { name: 'load the database (setup)', value: loadSeconds, unit: 's' },
      { name: 'one raw aggregate query', value: m.rawMs, unit: 'ms' },
      ratioRow('build every digest', m.digestMs, { name: 'raw aggregate', ms: m.rawMs }),
      { name: 'digests per second', value: users / (m.digestMs / 1000), unit: '/s' },
      ...memoryRows(m, 'building digests', m.digestPeakMb),
    ],
  };
};
