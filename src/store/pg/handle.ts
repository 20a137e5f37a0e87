import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type * as schema from './schema.js';

/** The outer database or one transaction: drizzle's transaction object is a database bound to one connection. */
export type PgQuery = NodePgDatabase<typeof schema>;

/**
 * Where a store sends its queries. Stores ask for `q` on every query rather than keeping the database, so a
 * store handed out by a transaction can be cut off when the transaction ends: a handle that escaped would
 * otherwise run on a connection already back in the pool, perhaps inside someone else's transaction.
 */
export interface Handle {
  readonly q: PgQuery;
}

export function outer(db: PgQuery): Handle {
  return { q: db };
}

/** A transaction's handle; `end()` makes every later query through it throw. */
export class TxHandle implements Handle {
  private ended = false;

  constructor(private readonly tx: PgQuery) {}

  get q(): PgQuery {
    if (this.ended) throw new Error('a store from a finished transaction was used; use the stores tx() hands fn');
    return this.tx;
  }

  end(): void {
    this.ended = true;
  }
}

/** bigint and numeric values from raw queries arrive as strings. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}
