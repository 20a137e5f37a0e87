import { sql } from 'drizzle-orm';
import { triages } from './schema.js';

/**
 * `status = '<value>'` written into the SQL. SQLite decides whether a partial index (triages_deferred) applies
 * from the values compared with the columns in its WHERE, so a value bound there makes it prepare the statement
 * again on every run: with that and a bound LIMIT, the repeat lookup took 35 µs instead of 2.
 */
export function triageIs(status: 'open' | 'decided') {
  return status === 'open' ? sql`${triages.status} = 'open'` : sql`${triages.status} = 'decided'`;
}
