import { digestMessage } from '../core/digest/message.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/message.js';
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
}

/** Sends every digest due at `now`, each at most once; one user's failure never stops the others. */
export async function runDigestTick(deps: TickDeps, now: number): Promise<TickResult> {
  const byProvider = new Map<Provider, Notifier>(deps.notifiers.map((n) => [n.provider, n]));
  const result: TickResult = { due: 0, sent: 0, skipped: 0, failed: 0, lost: 0 };
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
): Promise<'sent' | 'skipped' | 'failed' | 'lost'> {
  const { digest } = deps;
  const week = item.week.key;
  if (!quiet) await deps.pacer.wait(item.user.provider);
  const attempt = await digest.claim(item, deps.instance, deps.clock.now(), MAX_ATTEMPTS);
  if (attempt === null) return 'lost';
  if (quiet) {
    await digest.markSkipped(item, deps.instance, deps.clock.now());
    return 'skipped';
  }
  try {
    await notifier.send(item.user, message());
    await digest.markSent(item, deps.instance, deps.clock.now());
    return 'sent';
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const next = attempt >= MAX_ATTEMPTS ? null : deps.clock.now() + FIRST_RETRY_MS * 2 ** (attempt - 1);
    await digest.markFailed(item, deps.instance, why, next);
    deps.log.warn('digest delivery failed', { user: item.userId, week, attempt, retryAt: next, error: why });
    return 'failed';
  }
}

export { createPacer, type Pacer };
