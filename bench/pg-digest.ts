import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../src/store/pg/index.js';
import { fillPg } from './pg-digest-fill.js';
import { scratchDatabase } from './pg-server.js';
import type { BenchRun } from './types.js';

interface Measured {
  rawMs: number;
  digestMs: number;
  beforeMb: number;
  rawPeakMb: number;
  digestPeakMb: number;
}

/** Every digest for 100,000 users on PostgreSQL, against one raw aggregate query on the same server. */
export const run: BenchRun = async ({ quick }) => {
  const users = quick ? 2_000 : 100_000;
  const rows = quick ? 100_000 : 5_000_000;
  const title = `Weekly digest on PostgreSQL (${users.toLocaleString('en')} users, ${rows.toLocaleString('en')} decisions and time logs)`;
  const scratch = await scratchDatabase('digest');
  if ('skipped' in scratch) return { title: `${title}: skipped, ${scratch.skipped}`, rows: [] };
  try {
    // Migrated by the app's own code, then filled on a connection of its own.
    await (await openPostgres(scratch.url)).$client.end();
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const loadStart = performance.now();
    try {
      await fillPg(client, users, rows);
    } finally {
      await client.end();
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const worker = fileURLToPath(new URL('./pg-digest-measure.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', worker, scratch.url, String(users)],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    const m = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
    const ratio = m.digestMs / m.rawMs;
    return {
      title,
      rows: [
        { name: 'load the database (setup)', value: loadSeconds, unit: 's' },
        { name: 'one raw aggregate query', value: m.rawMs, unit: 'ms' },
        {
          name: 'build every digest',
          value: m.digestMs,
          unit: 'ms',
          baseline: { name: 'raw aggregate', value: m.rawMs },
          ratio,
          target: '≤ 3× raw',
          pass: ratio <= 3,
        },
        { name: 'digests per second', value: users / (m.digestMs / 1000), unit: '/s' },
        { name: 'RSS of the measuring process at start (node, tsx, app)', value: m.beforeMb, unit: 'MB' },
        { name: 'peak RSS, raw query', value: m.rawPeakMb, unit: 'MB' },
        {
          name: 'peak RSS, building digests',
          value: m.digestPeakMb,
          unit: 'MB',
          target: '< 300 MB',
          pass: m.digestPeakMb < 300,
        },
      ],
    };
  } finally {
    await scratch.drop();
  }
};
