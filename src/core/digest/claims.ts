/** A claim's state: claimed (being sent), sent, failed (retried later unless attempts ran out) or skipped. */
export interface ClaimRow {
  userId: number;
  week: string;
  status: 'claimed' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  nextAttemptAt: number | null;
  claimedAt: number;
}

/**
 * How long a claim may stay 'claimed' before another tick may take it over: the process that took it is
 * presumed dead. Long enough for a slow send (Slack's client retries for about half an hour), so a digest
 * is sent twice only if a send hangs for longer than this; without it, a crash mid-send lost the week's digest.
 */
export const CLAIM_STALE_MS = 2 * 60 * 60_000;

/** Whether a claim stands in the way of sending now. */
export function blocksSending(c: ClaimRow, now: number, maxAttempts: number): boolean {
  if (c.attempts >= maxAttempts) return true;
  if (c.status === 'failed') return c.nextAttemptAt === null || c.nextAttemptAt > now;
  if (c.status === 'claimed') return c.claimedAt > now - CLAIM_STALE_MS;
  return true;
}
