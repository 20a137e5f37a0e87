import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = 3;

/** Wall time of one process run, in milliseconds. */
function timeRun(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().trim()}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** `invite-triage parse --json` as a user runs it, against bare Node, alternating so both see the same load. */
export async function run({ quick }: { quick: boolean }): Promise<BenchSection> {
  if (!existsSync(`${ROOT}dist/src/cli/index.js`)) throw new Error('the CLI is not built: run npm run build');
  const runs = quick ? 5 : 20;
  const cli = ['bin/invite-triage.js', 'parse', '--json', 'Dana Kim wants to connect'];
  const node = ['-e', '0'];
  timeRun(cli); // warm the file cache, so the first measured run is like the rest
  const cliMs: number[] = [];
  const nodeMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    cliMs.push(timeRun(cli));
    nodeMs.push(timeRun(node));
  }
  const value = median(cliMs);
  const baseline = median(nodeMs);
  const ratio = value / baseline;
  return {
    title: `cli: process start to exit, median of ${runs} runs`,
    rows: [
      {
        name: 'invite-triage parse --json',
        value,
        unit: 'ms',
        baseline: { name: 'node -e 0', value: baseline },
        ratio,
        target: `≤ ${TARGET}× node -e 0`,
        pass: ratio <= TARGET,
      },
    ],
  };
}
