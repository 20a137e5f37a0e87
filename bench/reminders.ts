import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/db.js';
import { fillReminders } from './reminders-fill.js';
import type { BenchRun } from './types.js';

interface Measured {
  rawMs: number;
  tickMs: number;
  beforeMb: number;
  rawPeakMb: number;
  tickPeakMb: number;
}

/** One reminder tick over 100,000 users with 1,000,000 pending reminders, 10% due, against a raw select. */
export const run: BenchRun = async ({ quick }) => {
  const users = quick ? 2_000 : 100_000;
  const perUser = 10;
  const path = join(tmpdir(), `invite-triage-bench-reminders-${process.pid}.db`);
  const remove = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  };
  remove();
  try {
    const db = openDatabase(path);
    const loadStart = performance.now();
    fillReminders(db.$client, users, perUser);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    db.$client.close();
    const worker = fileURLToPath(new URL('./reminders-measure.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', worker, path, String(users)], {
      encoding: 'utf8',
    });
    const m = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measured;
    const ratio = m.tickMs / m.rawMs;
    return {
      title: `Reminders (${users.toLocaleString('en')} users, ${(users * perUser).toLocaleString('en')} pending reminders, 10% due)`,
      rows: [
        { name: 'load the database (setup)', value: loadSeconds, unit: 's' },
        { name: 'raw query: the due ones with what is sent', value: m.rawMs, unit: 'ms' },
        {
          name: 'one scheduler tick (claim, send, record)',
          value: m.tickMs,
          unit: 'ms',
          baseline: { name: 'raw query', value: m.rawMs },
          ratio,
          target: '≤ 3× raw',
          pass: ratio <= 3,
        },
        { name: 'reminders sent per second', value: users / (m.tickMs / 1000), unit: '/s' },
        { name: 'RSS of the measuring process at start', value: m.beforeMb, unit: 'MB' },
        { name: 'peak RSS, raw query', value: m.rawPeakMb, unit: 'MB' },
        {
          name: 'peak RSS, the tick',
          value: m.tickPeakMb,
          unit: 'MB',
          target: '< 300 MB',
          pass: m.tickPeakMb < 300,
        },
      ],
    };
  } finally {
    remove();
  }
};
