import type { Readable } from 'node:stream';
import type { InputService, Service, UserRef } from '../service/index.js';

/** Everything a run touches outside itself: the bin passes the process's, tests pass their own. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** What a command needs: the service (opened on first use, so `parse` loads no database), the user, output. */
export interface CliContext {
  io: CliIo;
  user: UserRef;
  service(): Promise<Service>;
  /** Reads files (text, .eml, screenshots); opened on first use, without the database, for `parse --file`. */
  input(): Promise<InputService>;
  out(text: string): void;
}

export interface CliCommand {
  /** The first line is the synopsis, the second a one-line description. */
  usage: string;
  run(argv: string[], ctx: CliContext): void | Promise<void>;
}
