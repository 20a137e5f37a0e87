import type { Clock } from '../core/ports.js';
import type { Db } from '../store/db.js';
import { DigestService } from './digest-service.js';
import { PolicyService } from './policies.js';
import { RecordsService } from './records-service.js';
import { SettingsService } from './settings-service.js';
import { createStores, type Stores } from './stores.js';
import { TimeService } from './time-service.js';
import { TriageService } from './triage-service.js';

/** The one application service every adapter calls, grouped by concern. Adapters never touch SQL. */
export interface Service {
  triage: TriageService;
  records: RecordsService;
  policies: PolicyService;
  settings: SettingsService;
  time: TimeService;
  digest: DigestService;
  /** The store's parts, for features that build their own (the digest, Slack's installation store). */
  stores: Stores;
  clock: Clock;
}

export function createService(db: Db, clock: Clock): Service {
  const stores = createStores(db, clock);
  return {
    triage: new TriageService(stores, clock),
    records: new RecordsService(stores),
    policies: new PolicyService(stores, clock),
    settings: new SettingsService(stores),
    time: new TimeService(stores, clock),
    digest: new DigestService(stores, clock),
    stores,
    clock,
  };
}

export type * from './types.js';
