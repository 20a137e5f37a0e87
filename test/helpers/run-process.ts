import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a JavaScript entry point (the bin, or a built one in dist/) as a real child process, feeding stdin and closing it. */
export function runJs(entry: string, args: string[], stdin: string, env: Record<string, string>): Promise<Finished> {
  const path = resolve(ROOT, entry);
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [path, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
    // A child that exits without reading its input closes the pipe: that is its choice, not a failure here.
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err);
    });
    child.stdin.end(stdin);
  });
}

/** A fresh folder for a test's database; call the returned function to remove it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'invite-triage-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
