import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from './run-process.js';

/** Another process (a second bot, the CLI) holding SQLite's write lock on a database file until told to let go. */
export interface LockHolder {
  /** Commits, closes and waits for the process to exit. */
  release(): Promise<void>;
  /** Ends the process if a test failed before releasing. */
  kill(): void;
}

// Not told when to let go, it would never: a test that waits for the lock to pass cannot pass by waiting.
const HOLDER = `
const db = new (require('better-sqlite3'))(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
if (process.argv[2]) db.exec(process.argv[2]);
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
`;

/** Takes the lock on `file`; `write`, if given, is SQL the holder runs under it (committed on release). */
export async function holdWriteLock(file: string, write = ''): Promise<LockHolder> {
  const child: ChildProcess = spawn(process.execPath, ['-e', HOLDER, file, write], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('locked')) resolve();
    });
    exited.then(([code]) => reject(new Error(`the lock holder exited with ${code} before locking`)), reject);
  });
  return {
    async release() {
      child.stdin?.write('go\n');
      const [code] = await exited;
      if (code !== 0) throw new Error(`the lock holder exited with ${code}`);
    },
    kill() {
      if (child.exitCode === null) child.kill();
    },
  };
}
