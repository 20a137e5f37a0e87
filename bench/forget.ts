import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceOver } from '../src/compose.js';
import { type Db, openDatabase } from '../src/store/db.js';
import { fillTriages, heavyUser } from '../test/store/fill-triages.js';
import type { BenchRun } from './types.js';

const HEAVY = 3;

/**
 * Forgetting a user with 10,000 triages in a database of 100,000, through the service, against a raw
 * `DELETE FROM users` (its cascades included) on an identical database. Three such users, alternating sides.
 */
export const run: BenchRun = async ({ quick }) => {
  const total = quick ? 20_000 : 100_000;
  const heavyTriages = total / 10;
  const dir = mkdtempSync(join(tmpdir(), 'triage-bench-forget-'));
  try {
    const open = (name: string): Db => {
      const db = openDatabase(join(dir, name));
      fillTriages(db.$client, { total, heavy: HEAVY, heavyTriages });
      return db;
    };
    const serviceDb = open('service.db');
    const rawDb = open('raw.db');
    const service = serviceOver(serviceDb, { now: Date.now });
    const rawDelete = rawDb.$client.prepare('DELETE FROM users WHERE id = ?');
    let svc = 0;
    let raw = 0;
    for (let n = 0; n < HEAVY; n++) {
      raw += await ms(async () => {
        if (rawDelete.run(n + 1).changes !== 1) throw new Error('raw delete found no user');
      });
      svc += await ms(async () => {
        const gone = await service.records.forget(heavyUser(n));
        if (gone.triages !== heavyTriages) throw new Error(`forget removed ${gone.triages} triages`);
      });
    }
    const left = (db: Db) => db.$client.prepare('SELECT count(*) FROM triages').pluck().get();
    if (left(serviceDb) !== left(rawDb)) throw new Error('the two sides left different numbers of triages');
    serviceDb.$client.close();
    rawDb.$client.close();
    const perForget = svc / HEAVY;
    return {
      title: `Forget (${quick ? 'quick' : 'full'}: a user with ${heavyTriages.toLocaleString('en')} of ${total.toLocaleString('en')} triages, WAL file)`,
      rows: [
        {
          name: 'service: forget one user',
          value: perForget,
          unit: 'ms',
          baseline: { name: 'raw DELETE FROM users, cascades', value: raw / HEAVY },
          ratio: svc / raw,
          target: '< 1,000 ms',
          pass: perForget < 1000,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

async function ms(fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
