import { sql } from 'drizzle-orm';
import { CLAIM_STALE_MS, type ClaimRow } from '../../core/digest/claims.js';
import type { ClaimPort } from '../../service/ports.js';
import { type Handle, num, numOrNull } from './handle.js';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * The digest_claims table on PostgreSQL: one row per user and week, taken before sending by one conditional
 * upsert. Two instances claiming the same row at once queue on its key; the second then sees the first's claim
 * as fresh and takes nothing, so the digest is sent once.
 */
export class PgClaimStore implements ClaimPort {
  constructor(private readonly h: Handle) {}

  /**
   * Takes the (user, week) claim; returns the attempt number, or null when someone has it, it is done, or the
   * user was forgotten since the run read them (so the run skips them and goes on).
   */
  async claim(userId: number, week: string, by: string, now: number, maxAttempts: number): Promise<number | null> {
    try {
      return await this.take(userId, week, by, now, maxAttempts);
    } catch (err) {
      // Forgotten between the EXISTS check and the insert's own key check.
      if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
      throw err;
    }
  }

  private async take(userId: number, week: string, by: string, now: number, maxAttempts: number) {
    // A second insert may take over only a failed row whose backoff has passed, or a stale claim.
    const { rows } = await this.h.q.execute<{ attempts: number }>(sql`
      INSERT INTO digest_claims (user_id, week, status, attempts, claimed_by, claimed_at)
      SELECT ${userId}::int, ${week}::text, 'claimed', 1, ${by}::text, ${now}::bigint
      WHERE EXISTS (SELECT 1 FROM users WHERE id = ${userId}::int)
      ON CONFLICT (user_id, week) DO UPDATE SET
        status = 'claimed', attempts = digest_claims.attempts + 1,
        claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, next_attempt_at = NULL
      WHERE digest_claims.attempts < ${maxAttempts} AND (
        (digest_claims.status = 'failed' AND digest_claims.next_attempt_at IS NOT NULL
          AND digest_claims.next_attempt_at <= excluded.claimed_at)
        OR (digest_claims.status = 'claimed' AND digest_claims.claimed_at <= ${now - CLAIM_STALE_MS}))
      RETURNING attempts`);
    return rows[0] ? num(rows[0].attempts) : null;
  }

  async markSent(userId: number, week: string, by: string, now: number): Promise<boolean> {
    return this.finish(userId, week, by, now, 'sent');
  }

  /** Quiet week: nothing to say, and nothing will be tried again this week. */
  async markSkipped(userId: number, week: string, by: string, now: number): Promise<boolean> {
    return this.finish(userId, week, by, now, 'skipped');
  }

  /** Records the failure; `next` null means give up for this week. */
  async markFailed(userId: number, week: string, by: string, error: string, next: number | null): Promise<boolean> {
    const r = await this.h.q.execute(sql`
      UPDATE digest_claims SET status = 'failed', error = ${error.slice(0, 500)}, next_attempt_at = ${next}::bigint
      WHERE user_id = ${userId} AND week = ${week} AND status = 'claimed' AND claimed_by = ${by}`);
    return r.rowCount === 1;
  }

  /** Existing claims for these (user, week) pairs, keyed "userId:week". */
  async existing(pairs: readonly { userId: number; week: string }[]): Promise<Map<string, ClaimRow>> {
    const out = new Map<string, ClaimRow>();
    if (pairs.length === 0) return out;
    const { rows } = await this.h.q.execute<Record<string, unknown>>(sql`
      SELECT c.user_id, c.week, c.status, c.attempts, c.next_attempt_at, c.claimed_at
      FROM unnest(${sql.param(pairs.map((p) => p.userId))}::int[], ${sql.param(pairs.map((p) => p.week))}::text[])
        AS j(u, w)
      JOIN digest_claims c ON c.user_id = j.u AND c.week = j.w`);
    for (const r of rows) {
      const row = claimRow(r);
      out.set(`${row.userId}:${row.week}`, row);
    }
    return out;
  }

  async get(userId: number, week: string): Promise<ClaimRow | undefined> {
    const { rows } = await this.h.q.execute<Record<string, unknown>>(sql`
      SELECT user_id, week, status, attempts, next_attempt_at, claimed_at
      FROM digest_claims WHERE user_id = ${userId} AND week = ${week}`);
    return rows[0] ? claimRow(rows[0]) : undefined;
  }

  private async finish(userId: number, week: string, by: string, now: number, status: string): Promise<boolean> {
    const r = await this.h.q.execute(sql`
      UPDATE digest_claims SET status = ${status}, sent_at = ${now}, error = NULL
      WHERE user_id = ${userId} AND week = ${week} AND status = 'claimed' AND claimed_by = ${by}`);
    return r.rowCount === 1;
  }
}

function claimRow(r: Record<string, unknown>): ClaimRow {
  return {
    userId: num(r.user_id),
    week: String(r.week),
    status: r.status as ClaimRow['status'],
    attempts: num(r.attempts),
    nextAttemptAt: numOrNull(r.next_attempt_at),
    claimedAt: num(r.claimed_at),
  };
}
