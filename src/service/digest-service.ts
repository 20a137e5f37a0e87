import { buildDigest } from '../core/digest/build.js';
import { blocksSending, type ClaimRow } from '../core/digest/claims.js';
import { digestMessage } from '../core/digest/message.js';
import type { Digest } from '../core/digest/types.js';
import type { OutboundMessage } from '../core/message.js';
import type { Clock } from '../core/ports.js';
import type { Provider } from '../core/user.js';
import { previousWeek, scheduledIn, type Week, weekOf } from '../core/week.js';
import type { ClaimPort, DigestPort, Stores } from './ports.js';
import { DEFAULT_DIGEST, isTimeZone } from './settings-service.js';
import { machineTimeZone } from './time-service.js';
import type { DigestSettings, UserRef } from './types.js';
import { toKey } from './user-key.js';

/** A user whose digest is due: who, and which local week it reports on. */
export interface DueDigest {
  userId: number;
  user: UserRef;
  team: string;
  /** The week reported on (the one before the week it is sent in); its key names the claim. */
  week: Week;
  /** Where the week before it starts: the digest compares against it. */
  lastWeekStart: number;
  quietWeeks: boolean;
}

export interface PreviewOptions {
  /**
   * 'current' (default) is the week so far: what the next digest will report on. 'last' is last week's, as this
   * week's send carries it.
   */
  week?: 'last' | 'current';
  /** For users with no zone of their own; defaults to the service's. */
  timeZone?: string;
}

const PROVIDERS = new Set<string>(['console', 'slack', 'discord']);

/**
 * The weekly digest: previews for users, and for the scheduler who is due, their digests built in batches,
 * and the claims that make each send happen once.
 */
export class DigestService {
  private readonly claims: ClaimPort;
  private readonly store: DigestPort;

  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
    private readonly defaultTimeZone: string = machineTimeZone(),
  ) {
    this.store = stores.digest;
    this.claims = stores.claims;
  }

  /** The digest of the week so far (or last week's), now, without claiming or marking anything. */
  async preview(user: UserRef, opts: PreviewOptions = {}): Promise<OutboundMessage> {
    return digestMessage(await this.digestFor(user, opts), { soFar: opts.week !== 'last' });
  }

  async digestFor(user: UserRef, opts: PreviewOptions = {}): Promise<Digest> {
    const userId = await this.stores.users.ensure(toKey(user));
    const row = await this.stores.users.get(userId);
    const tz = zoneOr(row?.timezone, opts.timeZone ?? this.defaultTimeZone);
    const now = this.clock.now();
    const current = weekOf(now, tz);
    const week = opts.week === 'last' ? previousWeek(current) : current;
    const team = `${user.provider}:${user.team ?? digestPrefs(row?.prefs).guidanceTeam ?? user.workspace}`;
    const req = { userId, team, lastStart: previousWeek(week).start, start: week.start, end: week.end };
    const records = (await this.store.load([req])).get(userId);
    if (!records) throw new Error('digest records missing');
    return buildDigest(records, week, now, user.provider);
  }

  /** Every due user at once; the scheduler takes them in batches (`dueBatches`) instead. */
  async due(now: number, defaultTimeZone = this.defaultTimeZone, maxAttempts = 5): Promise<DueDigest[]> {
    const all: DueDigest[] = [];
    for await (const batch of this.dueBatches(now, defaultTimeZone, maxAttempts)) all.push(...batch);
    return all;
  }

  /**
   * Users whose chosen local day and hour have come this week and who have no claim that blocks sending
   * (never claimed, failed with its backoff over, or claimed by a process that died), in batches of at most
   * `size`. Reads a page of users at a time, so memory holds one batch, however many users there are.
   */
  async *dueBatches(
    now: number,
    defaultTimeZone = this.defaultTimeZone,
    maxAttempts = 5,
    size = 500,
  ): AsyncGenerator<DueDigest[]> {
    const weeks = new Map<string, { send: Week; reported: Week; lastStart: number }>();
    const times = new Map<string, number>();
    // Shared per team, not one string per user.
    const teams = new Map<string, string>();
    let after = 0;
    for (;;) {
      const page = await this.store.schedulePage(after, size);
      if (page.length === 0) return;
      after = page[page.length - 1]?.id ?? after;
      const found: DueDigest[] = [];
      for (const row of page) {
        if (!PROVIDERS.has(row.provider)) continue;
        const prefs = digestPrefs(row.prefs);
        if (prefs.off) continue;
        const tz = zoneOr(row.timezone, defaultTimeZone);
        let w = weeks.get(tz);
        if (!w) {
          const send = weekOf(now, tz);
          const reported = previousWeek(send);
          w = { send, reported, lastStart: previousWeek(reported).start };
          weeks.set(tz, w);
        }
        const slot = `${tz}|${prefs.day}|${prefs.hour}`;
        let at = times.get(slot);
        if (at === undefined) {
          at = scheduledIn(w.send, prefs.day, prefs.hour);
          times.set(slot, at);
        }
        if (now < at) continue;
        // Nothing to report on a week that ended before the user first came.
        if (row.createdAt >= w.reported.end) continue;
        found.push({
          userId: row.id,
          user: { provider: row.provider as Provider, workspace: row.workspace, userId: row.externalId },
          team: intern(teams, row.provider, prefs.guidanceTeam ?? row.workspace),
          week: w.reported,
          lastWeekStart: w.lastStart,
          quietWeeks: prefs.quietWeeks,
        });
      }
      const claims = await this.claims.existing(found.map((d) => ({ userId: d.userId, week: d.week.key })));
      const batch = found.filter((d) => {
        const c = claims.get(`${d.userId}:${d.week.key}`);
        return !c || !blocksSending(c, now, maxAttempts);
      });
      if (batch.length > 0) yield batch;
    }
  }

  /**
   * Takes the claim on a due user's week before sending; the attempt number, or null when another tick or
   * process has it or it is done. `by` names this process.
   */
  claim(d: DueDigest, by: string, now: number, maxAttempts: number): Promise<number | null> {
    return this.claims.claim(d.userId, d.week.key, by, now, maxAttempts);
  }

  /** Whether the user still exists: false once they ran `forget`, which deletes their row and claims. */
  async stillThere(d: DueDigest): Promise<boolean> {
    return (await this.stores.users.get(d.userId)) !== undefined;
  }

  markSent(d: DueDigest, by: string, now: number): Promise<boolean> {
    return this.claims.markSent(d.userId, d.week.key, by, now);
  }

  /** Quiet week: nothing to say, and nothing will be tried again this week. */
  markSkipped(d: DueDigest, by: string, now: number): Promise<boolean> {
    return this.claims.markSkipped(d.userId, d.week.key, by, now);
  }

  /** The next send slot for a pace key, shared by every instance on the database. */
  sendSlot(key: string, gapMs: number, now: number): Promise<number> {
    return this.stores.pacing.reserve(key, gapMs, now);
  }

  /** Records a failed send; `next` null means give up for this week. */
  markFailed(d: DueDigest, by: string, error: string, next: number | null): Promise<boolean> {
    return this.claims.markFailed(d.userId, d.week.key, by, error, next);
  }

  /** The claim on a user's week, if any. */
  claimOf(userId: number, week: string): Promise<ClaimRow | undefined> {
    return this.claims.get(userId, week);
  }

  /** Builds the digests of many due users with a handful of grouped queries. */
  async build(items: readonly DueDigest[], now: number): Promise<Map<number, Digest>> {
    const records = await this.store.load(
      items.map((d) => ({
        userId: d.userId,
        team: d.team,
        lastStart: d.lastWeekStart,
        start: d.week.start,
        end: d.week.end,
      })),
    );
    const out = new Map<number, Digest>();
    for (const d of items) {
      const r = records.get(d.userId);
      if (r) out.set(d.userId, buildDigest(r, d.week, now, d.user.provider));
    }
    return out;
  }
}

function intern(teams: Map<string, string>, provider: string, workspace: string): string {
  const key = `${provider}:${workspace}`;
  const known = teams.get(key);
  if (known !== undefined) return known;
  teams.set(key, key);
  return key;
}

function zoneOr(tz: string | null | undefined, fallback: string): string {
  if (tz && isTimeZone(tz)) return tz;
  return isTimeZone(fallback) ? fallback : 'UTC';
}

function digestPrefs(json: string | undefined): DigestSettings & { guidanceTeam?: string } {
  try {
    const prefs = JSON.parse(json ?? '{}') as { digest?: Partial<DigestSettings>; guidanceTeam?: unknown };
    const guidanceTeam = typeof prefs.guidanceTeam === 'string' ? prefs.guidanceTeam : undefined;
    return { ...DEFAULT_DIGEST, ...(prefs.digest ?? {}), guidanceTeam };
  } catch {
    return DEFAULT_DIGEST;
  }
}
