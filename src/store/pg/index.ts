import type { Clock } from '../../core/ports.js';
import type { Stores, TxStores } from '../../service/ports.js';
import { advisoryLocks } from './advisory-lock.js';
import { PgClaimStore } from './claims.js';
import type { PgDb } from './db.js';
import { PgDigestStore } from './digest.js';
import { type Handle, outer, TxHandle } from './handle.js';
import { PgInstallationStore } from './installations.js';
import { PgPacingStore } from './pacing.js';
import { PgPolicyStore } from './policies.js';
import { PgRecordStore } from './records.js';
import { PgReminderStore } from './reminders.js';
import { PgSeenEventStore } from './seen-events.js';
import { PgTimeStore } from './time.js';
import { PgTriageStore } from './triages.js';
import { PgUserStore } from './users.js';
import { PgWorkspaceStore } from './workspaces.js';

export { advisoryLocks } from './advisory-lock.js';
export { openPostgres, type PgDb } from './db.js';

function storesOver(h: Handle, clock: Clock): TxStores {
  return {
    users: new PgUserStore(h, () => clock.now()),
    triages: new PgTriageStore(h),
    records: new PgRecordStore(h),
    policies: new PgPolicyStore(h),
    time: new PgTimeStore(h),
    digest: new PgDigestStore(h),
    claims: new PgClaimStore(h),
    seenEvents: new PgSeenEventStore(h),
    installations: new PgInstallationStore(h),
    pacing: new PgPacingStore(h),
    reminders: new PgReminderStore(h),
    workspaces: new PgWorkspaceStore(h),
  };
}

/**
 * The service's ports over one PostgreSQL pool. Outside tx() each query takes any pooled connection and
 * commits alone; tx(fn) hands fn stores bound to one transaction's connection, never the pool, and cuts
 * them off when it ends. `url` is for the leader locks, each on a connection of its own.
 */
export function createPgStores(db: PgDb, clock: Clock, url: string): Stores {
  return {
    ...storesOver(outer(db), clock),
    dialect: 'postgres',
    async tx<T>(fn: (s: TxStores) => Promise<T>): Promise<T> {
      // One pooled connection for the whole transaction, as drizzle's db.transaction does; held here so the
      // hot statements can run on it prepared.
      const client = await db.$client.connect();
      let broken: Error | undefined;
      const handle = new TxHandle(client);
      try {
        await client.query('BEGIN');
        const result = await fn(storesOver(handle, clock));
        handle.end();
        await client.query('COMMIT');
        return result;
      } catch (err) {
        handle.end();
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
        throw err;
      } finally {
        // A connection that could not even roll back is dropped rather than handed to the next caller.
        client.release(broken);
      }
    },
    locks: advisoryLocks(url),
    // Nothing the application can do: dead row versions stay until VACUUM, which the README asks operators to run.
    async scrub() {},
    async close() {
      await db.$client.end();
    },
  };
}
