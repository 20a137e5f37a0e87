import type { Clock } from '../core/ports.js';
import type { Stores } from '../service/ports.js';
import type { Db } from './db.js';
import { DigestStore } from './digest.js';
import { DigestClaimStore } from './digest-claims.js';
import { PolicyStore } from './policies.js';
import { RecordStore } from './records.js';
import { SeenEventStore } from './seen-events.js';
import { SlackInstallationRows } from './slack-installations.js';
import { TimeStore } from './time.js';
import { TriageStore } from './triages.js';
import { UserStore } from './users.js';

/** The service's ports over one SQLite database, with the database itself for whoever owns its lifetime. */
export interface StoreSet extends Stores {
  db: Db;
}

export function createStores(db: Db, clock: Clock): StoreSet {
  return {
    db,
    users: new UserStore(db, () => clock.now()),
    triages: new TriageStore(db),
    records: new RecordStore(db),
    policies: new PolicyStore(db),
    time: new TimeStore(db),
    digest: new DigestStore(db),
    claims: new DigestClaimStore(db),
    seenEvents: new SeenEventStore(db),
    installations: new SlackInstallationRows(db),
  };
}
