import { CLAIM_STALE_MS } from '../core/digest/claims.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/message.js';
import type { Clock } from '../core/ports.js';
import { type ReminderItem, reminderMessage, reminderTag } from '../core/reminder-view.js';
import type { Provider, UserRef } from '../core/user.js';
import type { DueRef, DueReminderRow } from '../service/ports.js';
import type { ReminderService } from '../service/reminder-service.js';
import type { Pacer } from './pacer.js';
import { FIRST_RETRY_MS, MAX_ATTEMPTS } from './tick.js';

/** Reminders claimed (and read) in one statement. */
const BATCH = 1000;
/** Pages between two rounds of the store's upkeep: on SQLite, a log of some tens of megabytes. */
const UPKEEP_PAGES = 40;
/** Due reminders listed at once, as ids: a backlog this large costs a few megabytes. */
const ROUND = 100_000;
/** At most this much sending (real time) goes unrecorded. */
const FLUSH_MS = 50;

export interface ReminderTickDeps {
  reminders: ReminderService;
  notifiers: readonly Notifier[];
  log: Logger;
  clock: Clock;
  instance: string;
  pacer: Pacer;
  stopped?: () => boolean;
}

export interface ReminderTickResult {
  /** Reminders whose time had come and whose provider runs here. */
  due: number;
  sent: number;
  failed: number;
  /** Claimed by another tick or process first. */
  lost: number;
  /** Messages: a user with several reminders due at once gets one. */
  messages: number;
  /** Already in the user's DM from an attempt that was never recorded: marked sent, not sent again. */
  found: number;
}

/**
 * Sends every reminder whose time has come, each once. A round lists up to ROUND due ones (ids only), soonest
 * first; they are claimed a page at a time, each page in one statement that also reads what sending needs.
 * Pages hold whole users, so a user with several reminders due gets one message, and follow the table's order,
 * so a page's claim and record rewrite few database pages. Sends are recorded together. One user's failure is
 * retried with backoff and never stops the others. A claim left by a process that died is freed after
 * CLAIM_STALE_MS; each message is tagged with its reminders, so the takeover first looks in the DM for them.
 */
export async function runReminderTick(deps: ReminderTickDeps, now: number): Promise<ReminderTickResult> {
  const byProvider = new Map<Provider, Notifier>(deps.notifiers.map((n) => [n.provider, n]));
  const providers = [...byProvider.keys()];
  const result: ReminderTickResult = { due: 0, sent: 0, failed: 0, lost: 0, messages: 0, found: 0 };
  const freed = await deps.reminders.releaseStale(now - CLAIM_STALE_MS);
  if (freed > 0) deps.log.warn('reminders: took over claims of a process presumed dead', { count: freed });
  // The cursor, not the claims, moves the rounds on: a row left pending (its claim failed) is not met again.
  let after: DueRef = { sendAt: Number.MIN_SAFE_INTEGER, triageId: 0, userId: 0 };
  let pages = 0;
  await deps.reminders.holdUpkeep();
  try {
    while (providers.length > 0 && !deps.stopped?.()) {
      const refs = await deps.reminders.dueRefs(now, providers, after, ROUND);
      const last = refs.at(-1);
      if (!last) break;
      after = last;
      result.due += refs.length;
      for (const ids of pagesOf(refs)) {
        if (deps.stopped?.()) break;
        const rows = await deps.reminders.take(ids, deps.instance, now);
        result.lost += ids.length - rows.length;
        await sendPage(deps, byProvider, rows, now, result);
        // The put-off upkeep is done now and then, so a large backlog does not grow the log without bound.
        if (++pages % UPKEEP_PAGES === 0) {
          await deps.reminders.releaseUpkeep();
          await deps.reminders.holdUpkeep();
        }
      }
      if (refs.length < ROUND) break;
    }
  } finally {
    await deps.reminders.releaseUpkeep();
  }
  if (result.due > 0) deps.log.info('reminder tick', { ...result });
  return result;
}

/** Sends one claimed page, a message per user, and records the sends at least every FLUSH_MS. */
async function sendPage(
  deps: ReminderTickDeps,
  byProvider: ReadonlyMap<Provider, Notifier>,
  rows: readonly DueReminderRow[],
  now: number,
  result: ReminderTickResult,
): Promise<void> {
  let sent: number[] = [];
  let found: number[] = [];
  let flushedAt = performance.now();
  // Sends are recorded in batches, never more than FLUSH_MS of sending behind: a process that dies in between
  // leaves only those claimed, to be sent again after the stale-claim wait. Paced sends (Slack, Discord) wait
  // a second between users, so each is recorded before the next goes out.
  const record = async (ids: number[], counter: 'sent' | 'found') => {
    if (ids.length === 0) return;
    try {
      result[counter] += await deps.reminders.markSent(ids, deps.instance, deps.clock.now());
    } catch (err) {
      // Left claimed, so never retried at once; the stale-claim takeover finds them in the DM much later.
      deps.log.error('reminders: delivered but not recorded', { count: ids.length, error: String(err) });
    }
  };
  const flush = async () => {
    flushedAt = performance.now();
    const batches = [sent, found] as const;
    sent = [];
    found = [];
    await record(batches[0], 'sent');
    await record(batches[1], 'found');
  };
  for (const group of byUser(rows)) {
    const first = group[0];
    const notifier = first && byProvider.get(first.provider as Provider);
    if (!first || !notifier) continue;
    const ids = group.map((r) => r.triageId);
    if (deps.stopped?.()) {
      // Freed at once for whoever runs next, rather than after the stale-claim wait.
      await deps.reminders.markFailed(ids, deps.instance, 'stopped before sending', now).catch(() => 0);
      continue;
    }
    if (performance.now() - flushedAt >= FLUSH_MS) await flush();
    await deps.pacer.wait(first.provider as Provider, first.workspace);
    if (sent.length + found.length > 0 && performance.now() - flushedAt >= FLUSH_MS) await flush();
    const user = { provider: first.provider as Provider, workspace: first.workspace, userId: first.externalId };
    // A retry or a takeover: an earlier attempt may have reached the user before its process failed to record it.
    const earlier = group.filter(retried);
    const inDm = earlier.length > 0 && (await alreadyDelivered(deps, notifier, user, earlier));
    if (inDm) found.push(...earlier.map((r) => r.triageId));
    const rest = inDm ? group.filter((r) => !retried(r)) : group;
    if (rest.length === 0) continue;
    const restIds = rest.map((r) => r.triageId);
    try {
      await notifier.send(user, reminderMessage(rest.map(itemOf)), reminderTag(rest));
      sent.push(...restIds);
      result.messages++;
    } catch (err) {
      result.failed += restIds.length;
      const attempt = Math.max(...rest.map((r) => r.attempts));
      const next = attempt >= MAX_ATTEMPTS ? null : deps.clock.now() + FIRST_RETRY_MS * 2 ** (attempt - 1);
      const error = err instanceof Error ? err.message : String(err);
      deps.log.warn('reminder delivery failed', { user: first.userId, attempt, retryAt: next, error });
      await deps.reminders
        .markFailed(restIds, deps.instance, error, next)
        .catch((e: unknown) => deps.log.error('reminders: could not record a failure', { error: String(e) }));
    }
  }
  await flush();
}

/** The attempts of a taken row count the claim that took it: more than one means it was tried before. */
const retried = (r: DueReminderRow) => r.attempts > 1;

/**
 * A round's pages: whole users, in the order of their first triage id (the table's own order), about BATCH
 * reminders each. A user with more than BATCH due makes one larger page.
 */
function* pagesOf(refs: readonly DueRef[]): Generator<number[]> {
  const users = new Map<number, number[]>();
  for (const r of [...refs].sort((a, b) => a.triageId - b.triageId)) {
    const ids = users.get(r.userId);
    if (ids) ids.push(r.triageId);
    else users.set(r.userId, [r.triageId]);
  }
  let page: number[] = [];
  for (const ids of users.values()) {
    page.push(...ids);
    if (page.length >= BATCH) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/**
 * Asks the platform whether all of them are in the DM already. When only some are (sent in separate messages
 * before a crash), or when it cannot tell, they are sent again: a duplicate is better than a lost reminder.
 */
async function alreadyDelivered(
  deps: ReminderTickDeps,
  notifier: Notifier,
  user: UserRef,
  rows: readonly DueReminderRow[],
): Promise<boolean> {
  try {
    return await notifier.delivered(user, reminderTag(rows));
  } catch (err) {
    deps.log.warn('reminders: could not look for an earlier send, sending', {
      user: rows[0]?.userId,
      count: rows.length,
      error: err instanceof Error ? err.message : String(err),
    });
    return false;
  }
}

/** Consecutive runs of one user's rows would miss rows of theirs further down the page: group them all. */
function byUser(rows: readonly DueReminderRow[]): DueReminderRow[][] {
  const groups = new Map<number, DueReminderRow[]>();
  for (const r of rows) {
    const g = groups.get(r.userId);
    if (g) g.push(r);
    else groups.set(r.userId, [r]);
  }
  return [...groups.values()];
}

const itemOf = (r: DueReminderRow): ReminderItem => ({
  triageId: r.triageId,
  kind: r.kind,
  platform: r.platform,
  inviter: r.inviter,
  dueAt: r.dueAt,
  sendAt: r.sendAt,
});
