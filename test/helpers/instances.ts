import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './run-process.js';

/** One real process of the built bot (dist/src/main.js), as an operator would run it. */
export interface Instance {
  name: string;
  proc: ChildProcess;
  /** Everything it has written to stderr (its log), line by line. */
  lines: string[];
  /** Resolves with the first log line matching, or rejects when the process exits first. */
  waitForLine(match: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const MAIN = join(ROOT, 'dist/src/main.js');

/** Every instance still running: a test run that ends without its afterAll (a timeout, a crash) leaves none. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const proc of running) proc.kill('SIGKILL');
});

/** Starts the bot with this environment and waits for its "started" line. */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const proc = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  const lines: string[] = [];
  const waiters = new Set<{ match: RegExp; resolve: (l: string) => void }>();
  let buffer = '';
  const onText = (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of waiters) if (w.match.test(line)) w.resolve(line);
      nl = buffer.indexOf('\n');
    }
  };
  proc.stderr?.on('data', onText);
  proc.stdout?.on('data', onText);
  const exited = once(proc, 'exit');

  const waitForLine = (match: RegExp, timeoutMs = 20_000) => {
    const seen = lines.find((l) => match.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const w = {
        match,
        resolve: (l: string) => {
          clearTimeout(timer);
          waiters.delete(w);
          resolve(l);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`${name}: no line matching ${match} within ${timeoutMs} ms:\n${lines.join('\n')}`));
      }, timeoutMs);
      waiters.add(w);
      void exited.then(() => {
        if (!waiters.has(w)) return;
        clearTimeout(timer);
        waiters.delete(w);
        reject(new Error(`${name} exited (${proc.exitCode ?? proc.signalCode}) before ${match}:\n${lines.join('\n')}`));
      });
    });
  };

  const instance: Instance = {
    name,
    proc,
    lines,
    waitForLine,
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await exited;
    },
  };
  try {
    await waitForLine(/ INFO started /);
  } catch (err) {
    // One that never started is nobody's to stop.
    await instance.kill('SIGKILL');
    throw err;
  }
  return instance;
}

/** A TCP port free on loopback right now, for an instance's HTTP receiver. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}
