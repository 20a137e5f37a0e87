import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/run-process.js';

const INPUTS = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json'];
export const BUILT_CLI = join(ROOT, 'dist/src/cli/index.js');

/**
 * Builds dist/ when it is missing or older than a source, so the smoke tests run the code under test. `npm ci`
 * builds it (the prepare script), so on a fresh clone this costs nothing.
 */
export async function ensureBuilt(): Promise<void> {
  if (builtAt() >= newest(INPUTS.map((p) => join(ROOT, p)))) return;
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT });
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
