import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';

describe('indexes after the real migrations', () => {
  it('every foreign key leads an index, so a cascading delete never scans its table', () => {
    const c = openDatabase(':memory:').$client;
    const tables = c
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const unindexed: string[] = [];
    let keys = 0;
    for (const t of tables) {
      const leading = new Set(
        (c.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(t) as string[]).map(
          (ix) => c.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck().get(ix) as string,
        ),
      );
      const rowid = c.prepare("SELECT name FROM pragma_table_info(?) WHERE pk = 1 AND type = 'INTEGER'").pluck().get(t);
      if (typeof rowid === 'string') leading.add(rowid);
      for (const col of c.prepare('SELECT "from" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]) {
        keys++;
        if (!leading.has(col)) unindexed.push(`${t}.${col}`);
      }
    }
    c.close();
    expect(keys).toBeGreaterThanOrEqual(9);
    expect(unindexed).toEqual([]);
  });

  it('forgetting a user searches an index at every level of the cascade and scans no table', () => {
    const c = openDatabase(':memory:').$client;
    // EXPLAIN shows one level of cascade per statement, so each level that forget reaches is asked in turn.
    const levels = ['users', 'invitations', 'triages'].map(
      (t) => c.prepare(`EXPLAIN QUERY PLAN DELETE FROM ${t} WHERE id = 1`).all() as { detail: string }[],
    );
    c.close();
    const steps = levels.flat().map((r) => r.detail);
    expect(steps).toContain('SEARCH triages USING COVERING INDEX triages_invitation (invitation_id=?)');
    expect(steps.filter((s) => /^SCAN /.test(s))).toEqual([]);
  });

  it('the queries that filter on a column use an index for it', () => {
    const c = openDatabase(':memory:').$client;
    const plan = (sql: string) =>
      (c.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('DELETE FROM triages WHERE invitation_id = 1')).toMatch(/USING (COVERING )?INDEX triages_invitation/);
    expect(plan('DELETE FROM seen_events WHERE seen_at < 1')).toMatch(/USING (COVERING )?INDEX seen_events_seen/);
    expect(plan("SELECT * FROM triages WHERE user_id = 1 AND status = 'open'")).toContain('triages_user_status');
    c.close();
  });

  it("a reminder tick's searches for due and for stale claims use the small partial indexes", () => {
    const c = openDatabase(':memory:').$client;
    const plan = (sql: string) =>
      (c.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan("SELECT triage_id FROM reminders WHERE status = 'pending' AND send_at <= 1")).toContain(
      'INDEX reminders_pending (send_at<?)',
    );
    expect(plan("UPDATE reminders SET status = 'pending' WHERE status = 'claimed' AND claimed_at <= 1")).toContain(
      'INDEX reminders_claimed (claimed_at<?)',
    );
    c.close();
  });
});
