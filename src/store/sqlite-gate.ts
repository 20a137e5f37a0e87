import type Database from 'better-sqlite3';
import { TriageError } from '../core/errors.js';

/** How long a caller waits for another process's write lock before giving up, by default. */
export const DEFAULT_MAX_WAIT_MS = 10_000;

export interface GateOptions {
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const settle = () => undefined;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One SQLite connection, one unit of work at a time. Async callers queue here, so the statements of two
 * handlers never interleave inside one transaction. The connection's busy timeout is 0: a write lock held by
 * another process is waited for with timers, because better-sqlite3's own busy wait blocks the event loop.
 */
export class SqliteGate {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private statements?: { begin: Database.Statement; commit: Database.Statement; rollback: Database.Statement };

  constructor(
    private readonly client: Database.Database,
    opts: GateOptions = {},
  ) {
    this.maxWaitMs = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.sleep = opts.sleep ?? pause;
  }

  /** Runs synchronous statements outside a transaction, after whatever is queued. */
  run<T>(fn: () => T): Promise<T> {
    return this.enqueue(() => this.retrying(fn));
  }

  /** Runs fn in one immediate transaction: committed if it resolves, rolled back if it throws. */
  tx<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.enqueue(async () => {
      const { begin, commit, rollback } = this.prepared();
      await this.retrying(() => begin.run());
      try {
        const result = await fn();
        commit.run();
        return result;
      } catch (err) {
        if (this.client.inTransaction) rollback.run();
        throw err;
      }
    });
  }

  /** Prepared once, when first needed: exec() parses the statement again on every transaction. */
  private prepared() {
    this.statements ??= {
      begin: this.client.prepare('BEGIN IMMEDIATE'),
      commit: this.client.prepare('COMMIT'),
      rollback: this.client.prepare('ROLLBACK'),
    };
    return this.statements;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    this.pending++;
    // Nothing queued: start now rather than a microtask later.
    const result = this.pending === 1 ? work() : previous.then(work);
    this.tail = result.then(settle, settle).then(() => {
      this.pending--;
    });
    return result;
  }

  /** Retries SQLITE_BUSY with growing pauses, up to maxWaitMs in all. */
  private async retrying<T>(fn: () => T): Promise<T> {
    const started = Date.now();
    let delay = 2;
    for (;;) {
      try {
        return fn();
      } catch (err) {
        if (!isBusy(err)) throw err;
        if (Date.now() - started >= this.maxWaitMs) {
          throw new TriageError('database_busy', 'The database is busy right now. Try again in a moment.');
        }
        await this.sleep(delay);
        delay = Math.min(delay * 2, 50);
      }
    }
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}
