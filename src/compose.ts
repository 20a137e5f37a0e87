import type { Clock } from './core/ports.js';
import { createService, type Service } from './service/index.js';
import type { Db } from './store/db.js';
import { createStores, type StoreSet } from './store/index.js';

/** Part of the composition root: the service over SQLite stores on one database. */
export function serviceOver(db: Db, clock: Clock): Service<StoreSet> {
  return createService(createStores(db, clock), clock);
}
