import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/db.js';
import { fill } from './digest-fill.js';
import type { BenchRun } from './types.js';

interface Measured {
  rawMs: number;
  digestMs: number;
  beforeMb: number;
  rawPeakMb: number;
  digestPeakMb: number;
}

/** Every digest for 100,000 users over 5 million decisions and time logs, against one raw aggregate query. */
export const run: BenchRun = async ({ quick }) => {
  const users = quick ? 2_000 : 100_000;
  const rows = quick ? 100_000 : 5_000_000;
  const path = join(tmpdir(), `invite-triage-bench-digest-${process.pid}.db`);
  const remove = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  };
  remove();
  try {
    const db = openDatabase(path);
    const loadStart = performance.now();
    fill(db.$client, users, rows);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    db.$client.close();
    const worker = fileURLToPath(new URL('./digest-measure.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', worker, path, String(users)], { encoding: 'utf8' });
    const m = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measured;
    const ratio = m.digestMs / m.rawMs;
    return {
      title: `Weekly digest (${users.toLocaleString('en')} users, ${rows.toLocaleString('en')} decisions and time logs)`,
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
    remove();
  }
};
