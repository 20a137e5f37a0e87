import type { Clock } from '../core/ports.js';
import type { Db } from '../store/db.js';
import { PolicyStore } from '../store/policies.js';
import { RecordStore } from '../store/records.js';
import { TriageStore } from '../store/triages.js';
import { UserStore } from '../store/users.js';

/** The store's parts, built once per database. */
export interface Stores {
  db: Db;
  users: UserStore;
  triages: TriageStore;
  records: RecordStore;
  policies: PolicyStore;
}

export function createStores(db: Db, clock: Clock): Stores {
  return {
    db,
    users: new UserStore(db, () => clock.now()),
    triages: new TriageStore(db),
    records: new RecordStore(db),
    policies: new PolicyStore(db),
  };
}
