import { afterAll, beforeAll } from 'vitest';
import type { Stores } from '../../src/service/ports.js';
import { openDatabase } from '../../src/store/db.js';
import { createStores } from '../../src/store/index.js';
import { createPgStores, openPostgres, type PgDb } from '../../src/store/pg/index.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';
import { storeContract, type TestClock } from './contract-cases.js';

const clock = (): TestClock => ({
  t: 0,
  now() {
    return this.t;
  },
});

const TABLES = [
  'users',
  'invitations',
  'triages',
  'answers',
  'decisions',
  'policy_overrides',
  'time_logs',
  'budgets',
  'team_guidance',
  'digest_claims',
  'slack_installations',
  'seen_events',
  'send_pacing',
];

{
  const sqliteClock = clock();
  let last: Stores | undefined;
  afterAll(async () => {
    await last?.close();
  });
  storeContract('SQLite', {
    clock: sqliteClock,
    async fresh() {
      await last?.close();
      last = createStores(openDatabase(':memory:'), sqliteClock);
      return last;
    },
  });
}

const server = await postgres();
if (server.ok) {
  const pgClock = clock();
  let fresh: FreshDatabase;
  let db: PgDb;
  let stores: Stores;
  beforeAll(async () => {
    fresh = await freshDatabase(server.url, 'contract');
    db = await openPostgres(fresh.url);
    stores = createPgStores(db, pgClock, fresh.url);
  });
  afterAll(async () => {
    await stores?.close();
    await fresh?.drop();
  });
  storeContract('PostgreSQL', {
    clock: pgClock,
    async fresh() {
      // Emptied rather than recreated: one database per file. DELETE is quicker than TRUNCATE on tiny tables.
      await db.$client.query(TABLES.map((t) => `DELETE FROM ${t};`).join(' '));
      return stores;
    },
  });
}
