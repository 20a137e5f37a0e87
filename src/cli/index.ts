import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { DatabaseConfig } from '../config.js';
import { isTriageError } from '../core/errors.js';
import type { FileReaders, Service } from '../service/index.js';
import { InputError, UsageError, wantsHelp } from './args.js';
import { COMMANDS } from './commands.js';
import type { CliIo } from './context.js';

export type { CliIo } from './context.js';

/** The same default as the configuration's; written here so that --help loads no config parser. */
const DEFAULT_DATABASE_PATH = './data/invite-triage.db';

function usage(io: CliIo): string {
  return `invite-triage <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.usage.split('\n')[1]?.trim() ?? ''}`)
  .join('\n')}

"invite-triage <command> --help" shows a command's options.
${databaseLine(io)}
Exit codes: 0 done, 1 input refused, 2 usage error.`;
}

/** Which database a command would use, from the environment it runs in (the URL is not shown: it may hold a password). */
function databaseLine(io: CliIo): string {
  if (io.env.DATABASE_URL?.trim()) return 'The database: PostgreSQL at DATABASE_URL (set), rather than DATABASE_PATH.';
  const set = io.env.DATABASE_PATH?.trim();
  const path = resolve(io.cwd, set || DEFAULT_DATABASE_PATH);
  return `The database: ${path} (${set ? 'DATABASE_PATH' : `DATABASE_PATH unset, so ${DEFAULT_DATABASE_PATH}`}); DATABASE_URL for PostgreSQL.`;
}

/** Runs one command and returns its exit code: 0 done, 1 input refused, 2 usage error. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage(io)}\n`);
    return 0;
  }
  if (!name) {
    io.stderr.write('invite-triage: name a command; "invite-triage --help" lists them\n');
    return 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(
      `invite-triage: unknown command "${oneLine(name).slice(0, 40)}"; "invite-triage --help" lists them\n`,
    );
    return 2;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(`usage: invite-triage ${command.usage}\n`);
    return 0;
  }
  const opened: { close(): Promise<void> }[] = [];
  const readers = lazyReaders(opened);
  const service = lazyService(io, opened, readers);
  // The same reader the service has, without opening the database: `parse --image` needs none.
  const input = async () => new (await import('../service/input-service.js')).InputService(readers);
  const user = { provider: 'console' as const, workspace: 'local', userId: localUser(io) };
  const fail = (message: string) => io.stderr.write(`invite-triage ${name}: ${oneLine(message)}\n`);
  try {
    await command.run(rest, { io, user, service, input, out: (s) => io.stdout.write(`${s}\n`) });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      fail(`${err.message} (see "invite-triage ${name} --help")`);
      return 2;
    }
    if (isTriageError(err) || err instanceof InputError) {
      fail(err.message);
      return 1;
    }
    // A bug: still one line for the user and a non-zero exit for scripts; the stack with LOG_LEVEL=debug.
    fail(`unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    if (io.env.LOG_LEVEL === 'debug' && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return 1;
  } finally {
    for (const c of opened) await c.close();
  }
}

/** Opens the database and the service on first use; config, driver and migrations load only then. */
function lazyService(io: CliIo, opened: { close(): Promise<void> }[], readers: FileReaders): () => Promise<Service> {
  let service: Promise<Service> | null = null;
  return () => {
    service ??= (async () => {
      const [{ ConfigError, loadConfig }, { createService }, { openStores }, { systemClock }] = await Promise.all([
        import('../config.js'),
        import('../service/index.js'),
        import('../store/open.js'),
        import('../core/ports.js'),
      ]);
      let database: DatabaseConfig;
      try {
        database = loadConfig(io.env).database;
      } catch (err) {
        // The message lists one problem a line; on one line they read "A: …; B: …".
        if (err instanceof ConfigError)
          throw new InputError(err.message.replace(/:\s*\n\s*/, ': ').replace(/\s*\n\s*/g, '; '));
        throw err;
      }
      if (database.kind === 'sqlite' && database.path !== ':memory:') {
        database = { kind: 'sqlite', path: resolve(io.cwd, database.path) };
      }
      const stores = await openStores(database, systemClock);
      opened.push(stores);
      return createService(stores, systemClock, readers);
    })();
    return service;
  };
}

/** The .eml and screenshot readers, loaded on first use; the OCR worker thread is ended when the command is. */
function lazyReaders(opened: { close(): Promise<void> }[]): FileReaders {
  let readers: Promise<FileReaders> | null = null;
  const get = () => {
    readers ??= import('../input/index.js').then(({ createFileReaders }) => {
      const r = createFileReaders();
      opened.push(r);
      return r;
    });
    return readers;
  };
  return { mail: async (bytes) => (await get()).mail(bytes), image: async (bytes) => (await get()).image(bytes) };
}

/** The terminal user, as the terminal bot names them; userInfo() throws where the uid has no passwd entry. */
function localUser(io: CliIo): string {
  try {
    return userInfo().username || 'me';
  } catch {
    return io.env.USER || 'me';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
