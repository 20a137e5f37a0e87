import type { DatabaseConfig } from '../config.js';
import type { Clock } from '../core/ports.js';
import type { Stores } from '../service/ports.js';

/**
 * The stores the configuration names: the embedded SQLite file, or PostgreSQL when DATABASE_URL is set. Each
 * driver loads only on its own path, so the terminal and the CLI never load pg.
 */
export async function openStores(config: DatabaseConfig, clock: Clock): Promise<Stores> {
  if (config.kind === 'postgres') {
    const { openPostgres, createPgStores } = await import('./pg/index.js');
    return createPgStores(await openPostgres(config.url), clock, config.url);
  }
  const [{ openDatabase }, { createStores }] = await Promise.all([import('./db.js'), import('./sqlite-stores.js')]);
  return createStores(openDatabase(config.path), clock);
}
