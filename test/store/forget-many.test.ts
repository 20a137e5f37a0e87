import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { fakeClock } from '../helpers/builders.js';
import { fillTriages, heavyUser } from './fill-triages.js';

/** Rows each table holds for the user with this id, and for everyone else. */
function rowsOf(db: Db, userId: number) {
  const c = db.$client;
  const split = (sql: string) => {
    const r = c.prepare(sql).get({ u: userId, owner: String(userId) }) as { mine: number; others: number };
    return { mine: r.mine, others: r.others };
  };
  const byUser = (table: string) =>
    split(
      `SELECT count(*) FILTER (WHERE user_id = @u) AS mine, count(*) FILTER (WHERE user_id <> @u) AS others FROM ${table}`,
    );
  return {
    users: split(
      'SELECT count(*) FILTER (WHERE id = @u) AS mine, count(*) FILTER (WHERE id <> @u) AS others FROM users',
    ),
    invitations: byUser('invitations'),
    triages: byUser('triages'),
    answers: split(
      `SELECT count(*) FILTER (WHERE t.user_id = @u) AS mine, count(*) FILTER (WHERE t.user_id IS NOT @u) AS others
       FROM answers a LEFT JOIN triages t ON t.id = a.triage_id`,
    ),
    decisions: byUser('decisions'),
    time_logs: byUser('time_logs'),
    budgets: byUser('budgets'),
    digest_claims: byUser('digest_claims'),
    policy_overrides: split(
      `SELECT count(*) FILTER (WHERE owner = @owner) AS mine,
              count(*) FILTER (WHERE owner <> @owner) AS others FROM policy_overrides`,
    ),
  };
}

describe('forget in a database of 100,000 triages', () => {
  let dir: string;
  let db: Db;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-forget-'));
    db = openDatabase(join(dir, 'triage.db'));
    fillTriages(db.$client, { total: 100_000, heavy: 1, heavyTriages: 10_000 });
  });
  afterAll(() => {
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes every row of the user with 10,000 triages and leaves everyone else’s', async () => {
    const before = rowsOf(db, 1);
    expect(before.triages).toEqual({ mine: 10_000, others: 90_000 });
    expect(before.answers.mine).toBe(10_000);
    for (const counts of Object.values(before)) expect(counts.mine).toBeGreaterThan(0);

    const service = serviceOver(db, fakeClock());
    expect(await service.records.forget(heavyUser(0))).toEqual({ triages: 10_000 });

    const after = rowsOf(db, 1);
    for (const table of Object.keys(before) as (keyof typeof before)[]) {
      expect({ table, ...after[table] }).toEqual({ table, mine: 0, others: before[table].others });
    }
  });
});
