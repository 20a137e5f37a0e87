import { digestMessage } from '../core/digest/message.js';
import type { Logger } from '../core/logger.js';
import type { DigestTag, Notifier } from '../core/message.js';
import type { Clock } from '../core/ports.js';
import type { Provider } from '../core/user.js';
import type { DigestService, DueDigest } from '../service/digest-service.js';
import { createPacer, type Pacer } from './pacer.js';

/** Attempts per user and week before giving up, and the first retry's delay (doubling each time). */
export const MAX_ATTEMPTS = 5;
export const FIRST_RETRY_MS = 15 * 60_000;
const BATCH = 500;

/** What one scheduler tick needs; tests pass a fake clock, a fake sleep and recording notifiers. */
export interface TickDeps {
  digest: DigestService;
  notifiers: readonly Notifier[];
  log: Logger;
  clock: Clock;
  /** Names this process in the claims it takes. */
  instance: string;
  /** For users with no zone of their own (Discord users who set none, the terminal). */
  defaultTimeZone: string;
  pacer: Pacer;
  /** Checked between users, so stopping does not wait for a long run to finish. */
  stopped?: () => boolean;
}

export interface TickResult {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Claimed by another tick or process first. */
  lost: number;
  /** Already in the user's DM from an attempt that was never recorded: marked sent, not sent again. */
  found: number;
}

type Outcome = 'sent' | 'skipped' | 'failed' | 'lost' | 'found';

/** Sends every digest due at `now`, each at most once; one user's failure never stops the others. */
export async function runDigestTick(deps: TickDeps, now: number): Promise<TickResult> {
  const byProvider = new Map<Provider, Notifier>(deps.notifiers.map((n) => [n.provider, n]));
  const result: TickResult = { due: 0, sent: 0, skipped: 0, failed: 0, lost: 0, found: 0 };
  for await (const due of deps.digest.dueBatches(now, deps.defaultTimeZone, MAX_ATTEMPTS, BATCH)) {
    if (deps.stopped?.()) break;
    const batch = due.filter((d) => byProvider.has(d.user.provider));
    result.due += batch.length;
    const digests = await deps.digest.build(batch, now);
    for (const item of batch) {
      if (deps.stopped?.()) break;
      const notifier = byProvider.get(item.user.provider);
      const digest = digests.get(item.userId);
      if (!notifier || !digest) continue;
      const outcome = await deliver(deps, item, notifier, () => digestMessage(digest), digest.empty && item.quietWeeks);
      result[outcome]++;
    }
  }
  if (result.due > 0) deps.log.info('digest tick', { ...result });
  return result;
}

async function deliver(
  deps: TickDeps,
  item: DueDigest,
  notifier: Notifier,
  message: () => ReturnType<typeof digestMessage>,
  quiet: boolean,
): Promise<Outcome> {
  const { digest, log } = deps;
  const week = item.week.key;
  if (!quiet) await deps.pacer.wait(item.user.provider, item.user.workspace);
  let attempt: number | null;
  try {
    attempt = await digest.claim(item, deps.instance, deps.clock.now(), MAX_ATTEMPTS);
  } catch (err) {
    // A user who ran `forget` after the run listed them has no row left to claim against.
    if (!(await digest.stillThere(item))) {
      log.info('digest: user forgot everything during the run, skipped', { user: item.userId, week });
      return 'skipped';
    }
    log.warn('digest: could not claim, the next tick tries again', { user: item.userId, week, error: why(err) });
    return 'failed';
  }
  if (attempt === null) {
    // The store gives no claim to a user who ran `forget` after the run listed them.
    if (!(await digest.stillThere(item))) {
      log.info('digest: user forgot everything during the run, skipped', { user: item.userId, week });
      return 'skipped';
    }
    return 'lost';
  }
  if (quiet) {
    await record(deps, item, 'skipped', () => digest.markSkipped(item, deps.instance, deps.clock.now()));
    return 'skipped';
  }
  const tag = { week };
  // A retry or a takeover: the earlier attempt may have reached the user before its process failed to record it.
  if (attempt > 1 && (await alreadyDelivered(deps, notifier, item, tag))) {
    await record(deps, item, 'sent', () => digest.markSent(item, deps.instance, deps.clock.now()));
    return 'found';
  }
  try {
    await notifier.send(item.user, message(), tag);
  } catch (err) {
    const error = why(err);
    const next = attempt >= MAX_ATTEMPTS ? null : deps.clock.now() + FIRST_RETRY_MS * 2 ** (attempt - 1);
    try {
      await digest.markFailed(item, deps.instance, error, next);
    } catch (markErr) {
      log.error('digest: could not record a failed delivery', { user: item.userId, week, error: why(markErr) });
    }
    log.warn('digest delivery failed', { user: item.userId, week, attempt, retryAt: next, error });
    return 'failed';
  }
  await record(deps, item, 'sent', () => digest.markSent(item, deps.instance, deps.clock.now()));
  return 'sent';
}

/**
 * Marks the claim done. If that fails the claim stays 'claimed': it is never saved as failed (which would send
 * again in 15 minutes); the takeover after CLAIM_STALE_MS finds the message in the DM instead.
 */
async function record(
  deps: TickDeps,
  item: DueDigest,
  status: 'sent' | 'skipped',
  mark: () => boolean | Promise<boolean>,
): Promise<void> {
  const where = { user: item.userId, week: item.week.key, status };
  try {
    if (!(await mark())) deps.log.warn('digest: the claim was no longer ours to mark', where);
  } catch (err) {
    deps.log.error('digest: delivered but not recorded; a takeover will find it in the DM', {
      ...where,
      error: why(err),
    });
  }
}

/** Asks the platform; when it cannot tell, sending again is better than never sending. */
async function alreadyDelivered(deps: TickDeps, notifier: Notifier, item: DueDigest, tag: DigestTag) {
  try {
    return await notifier.delivered(item.user, tag);
  } catch (err) {
    deps.log.warn('digest: could not look for an earlier send, sending', {
      user: item.userId,
      week: tag.week,
      error: why(err),
    });
    return false;
  }
}

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

export { createPacer, type Pacer };
