import type { DatabaseConfig } from './config.js';
import type { Clock } from './core/ports.js';
import { createService, type Service } from './service/index.js';
import type { Db } from './store/db.js';
import { createStores, type StoreSet } from './store/index.js';
import { openStores } from './store/open.js';

/** Part of the composition root: the service over SQLite stores on one database. */
export function serviceOver(db: Db, clock: Clock): Service<StoreSet> {
  return createService(createStores(db, clock), clock);
}

/** The service over the database the configuration names: SQLite, or PostgreSQL when DATABASE_URL is set. */
export async function openService(database: DatabaseConfig, clock: Clock): Promise<Service> {
  return createService(await openStores(database, clock), clock);
}
