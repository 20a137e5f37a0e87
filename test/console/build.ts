import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/run-process.js';

const INPUTS = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json'];
export const BUILT_CLI = join(ROOT, 'dist/src/cli/index.js');
/** Held while one test file checks and builds dist/; git does not track an empty folder. */
const LOCK = join(ROOT, '.dist-build.lock');
/** A lock older than this was left by a killed run: a build takes well under a minute even on a busy machine. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Builds dist/ when it is missing or older than a source, so the smoke tests run the code under test. `npm ci`
 * builds it (the prepare script), so on a fresh clone this costs nothing. Test files run in parallel processes:
 * each checks under a lock, so none starts the built bot while another file's tsc is still rewriting dist/
 * (that once loaded a half-written module graph and killed an instance at start).
 */
export async function ensureBuilt(): Promise<void> {
  await lock();
  try {
    if (builtAt() >= newest(INPUTS.map((p) => join(ROOT, p)))) return;
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Creating a folder is atomic across processes: whoever creates it holds the lock. */
async function lock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
    if (since !== undefined && Date.now() - since > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 100));
  }
}

function builtAt(): number {
  return statSync(BUILT_CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

function newest(paths: string[]): number {
  let latest = 0;
  for (const path of paths) {
    const info = statSync(path);
    const mtime = info.isDirectory() ? newest(readdirSync(path).map((name) => join(path, name))) : info.mtimeMs;
    latest = Math.max(latest, mtime);
  }
  return latest;
}
