import type { Stores, TxStores } from './ports.js';

/**
 * The stores of one transaction, as a Stores whose tx joins that transaction: so a service built over them runs
 * every call in it, and nothing nests (on SQLite a second transaction would wait behind the first forever).
 */
export function joined(s: TxStores, outer: Stores): Stores {
  return {
    users: s.users,
    triages: s.triages,
    records: s.records,
    policies: s.policies,
    time: s.time,
    digest: s.digest,
    claims: s.claims,
    seenEvents: s.seenEvents,
    installations: s.installations,
    pacing: s.pacing,
    reminders: s.reminders,
    workspaces: s.workspaces,
    dialect: outer.dialect,
    locks: outer.locks,
    tx: (fn) => fn(s),
    // A checkpoint cannot run inside a transaction: whoever commits it scrubs afterwards.
    scrub: async () => {},
    close: () => Promise.reject(new Error('the stores of a transaction are not closed by their users')),
  };
}
