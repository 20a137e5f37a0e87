import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { openDatabase } from '../src/store/db.js';
import type { BenchRow } from './types.js';

/** What a child measurement returns besides its own figures: the raw floor and the memory it used. */
export interface ChildFigures {
  rawMs: number;
  beforeMb: number;
  rawPeakMb: number;
}

/**
 * Fills a fresh SQLite file (timed as setup), then runs `worker` on it in a fresh process, so that process's
 * memory holds only what the measured job needs. Returns the worker's last line of JSON. The file is removed.
 */
export function measureInChild<T extends ChildFigures>(
  name: string,
  fill: (client: Database.Database) => void,
  worker: URL,
  args: string[],
): { loadSeconds: number; m: T } {
  const path = join(tmpdir(), `invite-triage-bench-${name}-${process.pid}.db`);
  const remove = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  };
  remove();
  try {
    const db = openDatabase(path);
    const loadStart = performance.now();
    fill(db.$client);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    db.$client.close();
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(worker), path, ...args], {
      encoding: 'utf8',
    });
    return { loadSeconds, m: JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T };
  } finally {
    remove();
  }
}

/** The job against the raw floor measured in the same run: at most 3× is the target. */
export function ratioRow(name: string, ms: number, floor: { name: string; ms: number }): BenchRow {
  const ratio = ms / floor.ms;
  return {
    name,
    value: ms,
    unit: 'ms',
    baseline: { name: floor.name, value: floor.ms },
    ratio,
    target: '≤ 3× raw',
    pass: ratio <= 3,
  };
}

/** The rows on memory: at start, during the raw query, and the job's peak against the 300 MB target. */
export function memoryRows(m: ChildFigures, job: string, peakMb: number): BenchRow[] {
  return [
    { name: 'RSS of the measuring process at start (node, tsx, app)', value: m.beforeMb, unit: 'MB' },
    { name: 'peak RSS, raw query', value: m.rawPeakMb, unit: 'MB' },
    { name: `peak RSS, ${job}`, value: peakMb, unit: 'MB', target: '< 300 MB', pass: peakMb < 300 },
  ];
}
