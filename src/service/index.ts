import type { Clock } from '../core/ports.js';
import { DigestService } from './digest-service.js';
import { type FileReaders, InputService } from './input-service.js';
import { joined } from './joined.js';
import { PolicyService } from './policies.js';
import type { Stores } from './ports.js';
import { RecordsService } from './records-service.js';
import { ReminderService } from './reminder-service.js';
import { SettingsService } from './settings-service.js';
import { TimeService } from './time-service.js';
import { TriageService } from './triage-service.js';
import { WorkspaceService } from './workspace-service.js';

/** Keys of events already handled, so a platform's retry does nothing twice. */
export interface SeenEvents {
  /** Records the key; true the first time it is seen, false for a repeat. */
  firstTime(key: string): Promise<boolean>;
  /** Forgets keys older than `ms`: platforms stop retrying within minutes. */
  forgetOlderThan(ms: number): Promise<number>;
}

/** Slack OAuth installations, as JSON by installation key. */
export interface Installations {
  get(key: string): Promise<string | undefined>;
  put(key: string, data: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** One installation whose key begins with `prefix`, the latest updated. */
  firstWithPrefix(prefix: string): Promise<string | undefined>;
}

/** The one application service every adapter calls, grouped by concern. Adapters never touch SQL. */
export interface Service<S extends Stores = Stores> {
  triage: TriageService;
  records: RecordsService;
  policies: PolicyService;
  settings: SettingsService;
  time: TimeService;
  digest: DigestService;
  /** Reads files (text, .eml, screenshots) to invitation text; without readers, only text files. */
  input: InputService;
  reminders: ReminderService;
  events: SeenEvents;
  installations: Installations;
  /** Uninstalls: removing a workspace's data. */
  workspaces: WorkspaceService;
  /**
   * Runs work with a service whose every call joins one transaction: committed when work resolves, rolled
   * back when it throws. Inside, only that service may be used (the outer one would wait for this to end).
   */
  atomic<T>(work: (service: Service) => Promise<T>): Promise<T>;
  /** The ports the service was built over; the composition root's own type when it passes one. */
  stores: S;
  clock: Clock;
}

/** The composition root builds the stores (src/store/index.ts) and hands them in. */
export function createService<S extends Stores>(stores: S, clock: Clock, readers?: FileReaders): Service<S> {
  const atomic = <T>(work: (service: Service) => Promise<T>): Promise<T> =>
    stores.tx((s) => work(createService(joined(s, stores), clock, readers)));
  const input = new InputService(readers);
  return {
    triage: new TriageService(stores, clock, atomic, input),
    records: new RecordsService(stores),
    policies: new PolicyService(stores, clock),
    settings: new SettingsService(stores),
    time: new TimeService(stores, clock),
    digest: new DigestService(stores, clock),
    input,
    reminders: new ReminderService(stores, clock),
    events: {
      firstTime: (key) => stores.seenEvents.firstTime(key, clock.now()),
      forgetOlderThan: (ms) => stores.seenEvents.prune(clock.now() - ms),
    },
    installations: {
      get: (key) => stores.installations.get(key),
      put: (key, data) => stores.installations.put(key, data, clock.now()),
      delete: (key) => stores.installations.delete(key),
      firstWithPrefix: (prefix) => stores.installations.firstWithPrefix(prefix),
    },
    workspaces: new WorkspaceService(stores),
    atomic,
    stores,
    clock,
  };
}

export type { FileReaders, IncomingFile, InputKind, ReadInput } from './input-service.js';
export { InputService } from './input-service.js';
export type * from './ports.js';
export type * from './types.js';
