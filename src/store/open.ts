import type { Clock } from '../core/ports.js';
import type { Stores } from '../service/ports.js';

/** Where the data lives, as the configuration says (Config.database). */
export type StoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * The stores the configuration names: the embedded SQLite file, or PostgreSQL when DATABASE_URL is set. Each
 * driver loads only on its own path, so the terminal and the CLI never load pg.
 */
export async function openStores(config: StoreConfig, clock: Clock): Promise<Stores> {
  if (config.kind === 'postgres') {
    const { openPostgres, createPgStores } = await import('./pg/index.js');
    return createPgStores(await openPostgres(config.url), clock, config.url);
  }
  const [{ openDatabase }, { createStores }] = await Promise.all([import('./db.js'), import('./sqlite-stores.js')]);
  return createStores(openDatabase(config.path), clock);
}
