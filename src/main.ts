import { userInfo } from 'node:os';
import { createConsoleAdapter } from '../adapters/console/index.js';
import type { ChatAdapter } from './adapter.js';
import { chatAdapters } from './chat-adapters.js';
import { openService } from './compose.js';
import { loadConfig } from './config.js';
import { createLogger } from './core/logger.js';
import { systemClock } from './core/ports.js';
import { createFileReaders } from './input/index.js';
import { startDigestScheduler } from './scheduler/digest-scheduler.js';

/** The composition root: config, database, service, the adapters that have credentials, the digest. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const toStderr = (line: string) => process.stderr.write(`${line}\n`);
  let log = createLogger(config.logLevel, toStderr);
  const readers = createFileReaders();
  const service = await openService(config.database, systemClock, readers);
  // The lock that picks which instance holds Discord's gateway: PostgreSQL's advisory lock, or this process alone.
  let deps = { service, log, locks: service.stores.locks };
  const adapters: ChatAdapter[] = await chatAdapters(config, deps);
  let terminal: ReturnType<typeof createConsoleAdapter> | null = null;
  if (adapters.length === 0) {
    // The terminal is the user's screen: only warnings and errors may write over the conversation.
    log = createLogger(config.logLevel === 'error' ? 'error' : 'warn', toStderr);
    deps = { ...deps, log };
    const user = { provider: 'console' as const, workspace: 'local', userId: userInfo().username || 'me' };
    terminal = createConsoleAdapter({ input: process.stdin, output: process.stdout, user }, deps);
    adapters.push(terminal);
  }
  for (const adapter of adapters) {
    await adapter.start().catch((err: unknown) => {
      throw new Error(
        `the ${adapter.name} adapter could not start: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }
  const notifiers = adapters.map((a) => a.notifier);
  const digest = config.digest.enabled
    ? startDigestScheduler({ service, notifiers, log, cron: config.digest.cron })
    : null;
  // The kind only for PostgreSQL: its URL may carry a password.
  const database = config.database.kind === 'sqlite' ? config.database.path : 'postgres';
  log.info('started', { adapters: adapters.map((a) => a.name), database });

  const shutdown = async () => {
    await digest?.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await readers.close();
    await service.stores.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(0)));
  if (terminal) {
    await terminal.done;
    await shutdown();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`invite-triage: ${message}\n`);
  process.exit(1);
});
