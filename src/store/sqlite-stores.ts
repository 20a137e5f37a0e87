import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.js';
import type { LockPort, Stores, TxStores } from '../service/ports.js';
import { type Db, truncateLog } from './db.js';
import { DigestStore } from './digest.js';
import { DigestClaimStore } from './digest-claims.js';
import { PacingStore } from './pacing.js';
import { PolicyStore } from './policies.js';
import { RecordStore } from './records.js';
import { ReminderStore } from './reminders.js';
import { SeenEventStore } from './seen-events.js';
import { SlackInstallationRows } from './slack-installations.js';
import { SqliteGate } from './sqlite-gate.js';
import { TimeStore } from './time.js';
import { TriageStore } from './triages.js';
import { UserStore } from './users.js';
import { WorkspaceStore } from './workspaces.js';

/** The service's ports over one SQLite database, with the database itself for whoever owns its lifetime. */
export interface StoreSet extends Stores {
  db: Db;
}

type Kind = keyof TxStores;
type SyncSet = Record<Kind, object>;

/** One gate per connection, however many store sets are built over it: it is the connection that is shared. */
const gates = new WeakMap<Database.Database, SqliteGate>();

function gateOf(client: Database.Database): SqliteGate {
  let gate = gates.get(client);
  if (!gate) {
    gate = new SqliteGate(client);
    gates.set(client, gate);
  }
  return gate;
}

/**
 * The synchronous store classes behind the async ports. Outside a transaction each call waits its turn at the
 * connection's gate; inside one the classes run directly, and once the transaction has ended the stores it
 * handed out refuse to run, so no handle outlives it.
 */
export function createStores(db: Db, clock: Clock): StoreSet {
  const gate = gateOf(db.$client);
  const sync: SyncSet = {
    users: new UserStore(db, () => clock.now()),
    triages: new TriageStore(db),
    records: new RecordStore(db),
    policies: new PolicyStore(db),
    time: new TimeStore(db),
    digest: new DigestStore(db),
    claims: new DigestClaimStore(db),
    seenEvents: new SeenEventStore(db),
    installations: new SlackInstallationRows(db),
    pacing: new PacingStore(db),
    reminders: new ReminderStore(db),
    workspaces: new WorkspaceStore(db),
  };
  const outside = {} as Record<Kind, object>;
  const inside = {} as Record<Kind, new (lease: Lease) => object>;
  for (const kind of Object.keys(sync) as Kind[]) {
    outside[kind] = gated(sync[kind], gate);
    inside[kind] = leasedClass(sync[kind]);
  }
  const Bound = boundClass(inside);
  const bind = (lease: Lease): TxStores => new Bound(lease) as unknown as TxStores;
  return {
    ...(outside as unknown as TxStores),
    db,
    dialect: 'sqlite',
    migrations: db.migrations,
    locks: soleProcess,
    async scrub() {
      // Another process reading the file holds the log's frames; wait for it a little, then leave them to
      // the next checkpoint rather than fail a deletion that has already happened.
      for (let attempt = 0; attempt < 20; attempt++) {
        if (await gate.run(() => truncateLog(db.$client))) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    tx<T>(fn: (s: TxStores) => Promise<T>): Promise<T> {
      return gate.tx(async () => {
        const lease: Lease = { ended: false };
        try {
          return await fn(bind(lease));
        } finally {
          lease.ended = true;
        }
      });
    },
    async close() {
      // Whatever is queued finishes first.
      await gate.run(() => undefined);
      if (db.$client.open) db.$client.close();
    },
  };
}

/** An embedded database serves one process, which is therefore always the leader. */
const soleProcess: LockPort = {
  async tryHold() {
    return { lost: new Promise<void>(() => {}), release: async () => {} };
  },
};

interface Lease {
  ended: boolean;
}

/**
 * The stores one transaction hands out, each made when first used: a transaction uses three or four of the
 * twelve, and it is built on every click.
 */
function boundClass(inside: Record<Kind, new (lease: Lease) => object>): new (lease: Lease) => object {
  class Bound {
    readonly made: Partial<Record<Kind, object>> = {};
    constructor(readonly lease: Lease) {}
  }
  for (const kind of Object.keys(inside) as Kind[]) {
    Object.defineProperty(Bound.prototype, kind, {
      enumerable: true,
      get(this: Bound) {
        let store = this.made[kind];
        if (!store) {
          store = new inside[kind](this.lease);
          this.made[kind] = store;
        }
        return store;
      },
    });
  }
  return Bound;
}

/** The public methods of a store class, from its prototype. */
function methodsOf(impl: object): string[] {
  const proto = Object.getPrototypeOf(impl) as object;
  return Object.getOwnPropertyNames(proto).filter(
    (name) => name !== 'constructor' && typeof (proto as Record<string, unknown>)[name] === 'function',
  );
}

type Method = (...args: unknown[]) => unknown;

/** Each method runs at the gate, after whatever is queued before it. */
function gated(impl: object, gate: SqliteGate): object {
  const out: Record<string, Method> = {};
  for (const name of methodsOf(impl)) {
    const method = (impl as Record<string, Method>)[name] as Method;
    out[name] = (...args) => gate.run(() => method.apply(impl, args));
  }
  return out;
}

/**
 * A class whose instances run the store's methods inside one transaction (the lease), directly: the transaction
 * already holds the gate. A class rather than closures per transaction.
 */
function leasedClass(impl: object): new (lease: Lease) => object {
  class Leased {
    constructor(readonly lease: Lease) {}
  }
  for (const name of methodsOf(impl)) {
    const method = (impl as Record<string, Method>)[name] as Method;
    Object.defineProperty(Leased.prototype, name, {
      value(this: Leased, ...args: unknown[]) {
        if (this.lease.ended) {
          return Promise.reject(new Error(`store used after its transaction ended (${name})`));
        }
        try {
          return Promise.resolve(method.apply(impl, args));
        } catch (err) {
          return Promise.reject(err);
        }
      },
    });
  }
  return Leased;
}
