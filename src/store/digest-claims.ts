import { CLAIM_STALE_MS, type ClaimRow } from '../core/digest/claims.js';
import type { ClaimPort } from '../service/ports.js';
import type { Db } from './db.js';
import type { Sync } from './sync.js';

export { blocksSending, CLAIM_STALE_MS, type ClaimRow } from '../core/digest/claims.js';

/**
 * The digest_claims table: one row per user and week. A row is taken before sending, in an immediate
 * transaction, by an insert that can succeed only once; so restarts, overlapping ticks and several
 * processes on one database file never send the same digest twice.
 */
export class DigestClaimStore implements Sync<ClaimPort> {
  private readonly take;
  private readonly finish;
  private readonly fail;
  private readonly lookup;
  private readonly one;

  constructor(private readonly db: Db) {
    const c = db.$client;
    // A second insert may take over only a failed row whose backoff has passed, or a stale claim. A user
    // forgotten since the run read them gets no claim (and no foreign-key error), so the run goes on.
    this.take = c.prepare(
      `INSERT INTO digest_claims (user_id, week, status, attempts, claimed_by, claimed_at)
       SELECT @userId, @week, 'claimed', 1, @by, @now WHERE EXISTS (SELECT 1 FROM users WHERE id = @userId)
       ON CONFLICT (user_id, week) DO UPDATE SET
         status = 'claimed', attempts = digest_claims.attempts + 1,
         claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, next_attempt_at = NULL
       WHERE digest_claims.attempts < @maxAttempts AND (
         (digest_claims.status = 'failed' AND digest_claims.next_attempt_at IS NOT NULL
           AND digest_claims.next_attempt_at <= excluded.claimed_at)
         OR (digest_claims.status = 'claimed' AND digest_claims.claimed_at <= @staleBefore))`,
    );
    this.finish = c.prepare(
      `UPDATE digest_claims SET status = @status, sent_at = @now, error = NULL
       WHERE user_id = @userId AND week = @week AND status = 'claimed' AND claimed_by = @by`,
    );
    this.fail = c.prepare(
      `UPDATE digest_claims SET status = 'failed', error = @error, next_attempt_at = @next
       WHERE user_id = @userId AND week = @week AND status = 'claimed' AND claimed_by = @by`,
    );
    this.lookup = c.prepare<[string], ClaimRow>(
      `SELECT c.user_id AS userId, c.week AS week, c.status AS status, c.attempts AS attempts,
              c.next_attempt_at AS nextAttemptAt, c.claimed_at AS claimedAt
       FROM json_each(?) j CROSS JOIN digest_claims c
       WHERE c.user_id = j.value->>0 AND c.week = j.value->>1`,
    );
    this.one = c.prepare<[number, string], ClaimRow>(
      `SELECT user_id AS userId, week, status, attempts, next_attempt_at AS nextAttemptAt, claimed_at AS claimedAt
       FROM digest_claims WHERE user_id = ? AND week = ?`,
    );
  }

  /** Takes the (user, week) claim; returns the attempt number, or null when someone has it or it is done. */
  claim(userId: number, week: string, by: string, now: number, maxAttempts: number): number | null {
    return this.db.$client
      .transaction(() => {
        const r = this.take.run({ userId, week, by, now, maxAttempts, staleBefore: now - CLAIM_STALE_MS });
        return r.changes === 1 ? (this.one.get(userId, week)?.attempts ?? 1) : null;
      })
      .immediate();
  }

  markSent(userId: number, week: string, by: string, now: number): boolean {
    return this.finish.run({ userId, week, by, now, status: 'sent' }).changes === 1;
  }

  /** Quiet week: nothing to say, and nothing will be tried again this week. */
  markSkipped(userId: number, week: string, by: string, now: number): boolean {
    return this.finish.run({ userId, week, by, now, status: 'skipped' }).changes === 1;
  }

  /** Records the failure; `next` null means give up for this week. */
  markFailed(userId: number, week: string, by: string, error: string, next: number | null): boolean {
    return this.fail.run({ userId, week, by, error: error.slice(0, 500), next }).changes === 1;
  }

  /** Existing claims for these (user, week) pairs, keyed "userId:week". */
  existing(pairs: readonly { userId: number; week: string }[]): Map<string, ClaimRow> {
    const out = new Map<string, ClaimRow>();
    for (let i = 0; i < pairs.length; i += 5000) {
      const chunk = JSON.stringify(pairs.slice(i, i + 5000).map((p) => [p.userId, p.week]));
      for (const row of this.lookup.iterate(chunk)) out.set(`${row.userId}:${row.week}`, row);
    }
    return out;
  }

  get(userId: number, week: string): ClaimRow | undefined {
    return this.one.get(userId, week);
  }
}
