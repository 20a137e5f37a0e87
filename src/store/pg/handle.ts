import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type * as schema from './schema.js';

/** The outer database or one transaction's connection, as drizzle sees it. */
export type PgQuery = NodePgDatabase<typeof schema>;

/**
 * Where a store sends its queries: drizzle's builder for most, `raw` for the hot statements, which run as
 * named prepared statements (parsed and planned once per connection, not once per call). Stores ask the
 * handle on every query rather than keeping a connection, so the stores a transaction handed out can be cut
 * off when it ends: one that escaped would otherwise run on a connection already back in the pool, perhaps
 * inside someone else's transaction.
 */
export interface Handle {
  readonly q: PgQuery;
  raw<R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>>;
}

export function outer(db: PgQuery & { $client: pg.Pool }): Handle {
  return {
    q: db,
    raw: (name, text, values) => db.$client.query({ name, text, values }),
  };
}

/** One transaction's connection; `end()` makes every later query through it throw. */
export class TxHandle implements Handle {
  private ended = false;
  private db: PgQuery | undefined;

  constructor(private readonly client: pg.PoolClient) {}

  get q(): PgQuery {
    this.check();
    // Built on first use: many transactions on the hot path use only raw statements.
    this.db ??= drizzle(this.client) as unknown as PgQuery;
    return this.db;
  }

  raw<R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      this.check();
    } catch (err) {
      return Promise.reject(err);
    }
    return this.client.query<R>({ name, text, values });
  }

  end(): void {
    this.ended = true;
  }

  private check(): void {
    if (this.ended) throw new Error('a store from a finished transaction was used; use the stores tx() hands fn');
  }
}

/** bigint and numeric values from drizzle's raw `execute` arrive as strings. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}
