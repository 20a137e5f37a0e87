import { PassThrough, Readable, Writable } from 'node:stream';
import { createConsoleAdapter } from '../../adapters/console/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import { systemClock } from '../../src/core/ports.js';
import type { UserRef } from '../../src/core/user.js';
import type { Service } from '../../src/service/index.js';
import { openDatabase } from '../../src/store/db.js';

export const ME: UserRef = { provider: 'console', workspace: 'local', userId: 'me' };

/**
 * Types the lines into the real console adapter (not a terminal, so line by line) and returns the screen once
 * the input ends. `errors` collects what it logged at error level.
 */
export async function session(service: Service, lines: string[], errors: string[] = []): Promise<string> {
  let screen = '';
  const input = new PassThrough();
  const output = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      screen += chunk.toString();
      done();
    },
  });
  const log = createLogger('error', (line) => errors.push(line));
  const adapter = createConsoleAdapter({ input, output, user: ME }, { service, log });
  await adapter.start();
  input.end(`${lines.join('\n')}\n`);
  await adapter.done;
  return screen;
}

/** The triage cards on a screen, each from its `[#id]` line to the next. */
export function cards(screen: string): string[] {
  return screen.split(/(?=^\[#\d+\] )/m).slice(1);
}

/**
 * One run of the terminal bot as `npm start` makes it with no chat credentials, fed a script on a pipe: the real
 * console adapter over a real SQLite file, in this process. Resolves with what it printed once the input ends.
 */
export async function runTerminal(dbPath: string, stdin: string, errors: string[]): Promise<{ stdout: string }> {
  const db = openDatabase(dbPath);
  const log = createLogger('error', (line) => errors.push(line));
  let stdout = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      stdout += chunk.toString();
      done();
    },
  });
  const terminal = createConsoleAdapter(
    { input: Readable.from([stdin]), output, user: ME },
    { service: serviceOver(db, systemClock), log },
  );
  try {
    await terminal.start();
    await terminal.done;
  } finally {
    db.$client.close();
  }
  return { stdout };
}
