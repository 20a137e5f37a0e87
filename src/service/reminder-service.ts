import { TriageError } from '../core/errors.js';
import type { Step } from '../core/flow.js';
import type { Clock } from '../core/ports.js';
import {
  askAgainAt,
  DEFAULT_REMINDERS,
  parseRemindAt,
  REMINDER_MODES,
  type ReminderMode,
  type ReminderSettings,
  type Rhythm,
  reminderSettingsOf,
  type SnoozeChoice,
  sendTime,
  snoozeUntil,
  UNFINISHED_AFTER_MS,
} from '../core/reminder.js';
import type { ReminderItem } from '../core/reminder-view.js';
import { teamOfUser, teamOwner } from './policies.js';
import type { DueRef, DueReminderRow, ListedReminder, Stores, TxStores, UserRow } from './ports.js';
import { DEFAULT_DIGEST, isTimeZone } from './settings-service.js';
import { machineTimeZone } from './time-service.js';
import type { UserRef } from './types.js';
import { toKey } from './user-key.js';

/** A user's reminders as surfaces list them, with the zone to show their times in. */
export interface ReminderList {
  timeZone: string;
  settings: ReminderSettings;
  items: ReminderItem[];
}

function prefsOf(row: Pick<UserRow, 'prefs'> | undefined): Record<string, unknown> {
  try {
    const p = JSON.parse(row?.prefs ?? '{}') as unknown;
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function zoneOf(row: Pick<UserRow, 'timezone'> | undefined, fallback: string): string {
  if (row?.timezone && isTimeZone(row.timezone)) return row.timezone;
  return isTimeZone(fallback) ? fallback : 'UTC';
}

/** Everything that places a user's reminders in their day: settings, zone, digest hour, team guidance. */
/** What a user's rhythm is read from. */
export type RhythmUser = Pick<UserRow, 'provider' | 'workspace' | 'prefs' | 'timezone'>;

export async function rhythmOf(s: TxStores, row: RhythmUser | undefined, defaultTimeZone: string): Promise<Rhythm> {
  const prefs = prefsOf(row);
  const digest = { ...DEFAULT_DIGEST, ...((prefs.digest as object | undefined) ?? {}) };
  let workHoursOk = true;
  if (row) {
    const team = teamOfUser({ provider: row.provider as UserRef['provider'], workspace: row.workspace }, row.prefs);
    workHoursOk = (await s.time.guidance(teamOwner(team)))?.workHoursOk ?? true;
  }
  return {
    settings: reminderSettingsOf(prefs.reminders),
    timeZone: zoneOf(row, defaultTimeZone),
    digestHour: digest.hour,
    workHoursOk,
  };
}

/** The reminder a triage step planned, as its card shows it. */
export interface PlannedReminder {
  sendAt: number | null;
  timeZone: string;
}

/**
 * Keeps a triage's reminder in step with where the triage stands, inside the transaction that moved it: a
 * deferral is asked about again at the time the user's words name (or the default); an open triage gets its
 * one nudge a day after it was last touched, unless it had it; any other decision needs none. `known` is what
 * the transaction already knows: the user as it read them, and whether it created the triage just now (then it
 * has no reminder yet, and none is read).
 */
export async function syncReminder(
  s: TxStores,
  triageId: number,
  userId: number,
  step: Step,
  now: number,
  defaultTimeZone: string,
  known: { user?: RhythmUser; created?: boolean } = {},
): Promise<PlannedReminder | null> {
  const existing = known.created ? undefined : await s.reminders.get(triageId);
  const outcome = step.kind === 'decision' ? step.decision.outcome : null;
  if (outcome !== null && outcome !== 'defer') {
    if (existing) await s.reminders.remove(triageId);
    return null;
  }
  if (outcome === null && (existing?.nudged || existing?.status === 'off')) return null;
  const rhythm = await rhythmOf(s, known.user ?? (await s.users.get(userId)), defaultTimeZone);
  const dueAt =
    outcome === 'defer'
      ? (askAgainAt('defer', await s.reminders.words(triageId), rhythm.settings, now, rhythm.timeZone) ?? now)
      : now + UNFINISHED_AFTER_MS;
  const kind = outcome === 'defer' ? 'deferred' : 'unfinished';
  const sendAt = sendTime(dueAt, rhythm);
  await s.reminders.set({ triageId, userId, kind, dueAt, sendAt });
  return { sendAt, timeZone: rhythm.timeZone };
}

/** Moves every pending reminder of a user to where their (changed) rhythm puts it. */
export async function rescheduleUser(s: TxStores, userId: number, defaultTimeZone: string): Promise<void> {
  const rhythm = await rhythmOf(s, await s.users.get(userId), defaultTimeZone);
  for (const r of await s.reminders.forUser(userId)) {
    if (r.status === 'pending') await s.reminders.reschedule(r.triageId, sendTime(r.dueAt, rhythm));
  }
}

const item = (r: ListedReminder): ReminderItem => ({
  triageId: r.triageId,
  kind: r.kind,
  platform: r.platform,
  inviter: r.inviter,
  dueAt: r.dueAt,
  sendAt: r.status === 'off' ? null : r.sendAt,
});

/** Reminders: listing, changing one (a time, a snooze, off), the user's rhythm, and the scheduler's side. */
export class ReminderService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
    readonly defaultTimeZone: string = machineTimeZone(),
  ) {}

  async list(user: UserRef): Promise<ReminderList> {
    const id = await this.stores.users.ensure(toKey(user));
    const row = await this.stores.users.get(id);
    const rows = await this.stores.reminders.forUser(id);
    return {
      timeZone: zoneOf(row, this.defaultTimeZone),
      settings: reminderSettingsOf(prefsOf(row).reminders),
      items: rows.map(item),
    };
  }

  /** The reminder of one triage, for its decision card; null when none is coming. */
  async forTriage(user: UserRef, triageId: number): Promise<{ item: ReminderItem; timeZone: string } | null> {
    const list = await this.list(user);
    const found = list.items.find((i) => i.triageId === triageId);
    return found ? { item: found, timeZone: list.timeZone } : null;
  }

  /** "in 3d", "on 2027-01-15", "tomorrow", "next monday", or "off", for one of the user's triages. */
  async change(user: UserRef, triageId: number, words: string): Promise<ReminderItem | null> {
    const text = words.trim().slice(0, 200);
    if (text === '') throw new TriageError('bad_argument', 'Say when: "in 3d", "on 2027-01-15", or "off".');
    return this.stores.tx(async (s) => {
      const { userId, rhythm } = await this.owned(s, user, triageId);
      if (/^off$/i.test(text)) {
        if (await s.reminders.get(triageId)) await s.reminders.turnOff(triageId);
        return null;
      }
      const now = this.clock.now();
      const at = parseRemindAt(text, now, rhythm.timeZone);
      if (at === null) {
        throw new TriageError(
          'bad_argument',
          `"${text.slice(0, 40)}" is not a time I can read. Try "in 3d", "in 2 weeks" or "on 2027-01-15".`,
        );
      }
      return this.setAt(s, triageId, userId, at, rhythm);
    });
  }

  async snooze(user: UserRef, triageId: number, choice: SnoozeChoice): Promise<ReminderItem | null> {
    return this.stores.tx(async (s) => {
      const { userId, rhythm } = await this.owned(s, user, triageId);
      return this.setAt(s, triageId, userId, snoozeUntil(choice, this.clock.now(), rhythm.timeZone), rhythm);
    });
  }

  /**
   * Drop: the user does not want to be reminded of this invitation again. The triage and its decision stay
   * (the digest still lists it as deferred); only the reminder stops, for good.
   */
  async drop(user: UserRef, triageId: number): Promise<{ inviter: string | null }> {
    return this.stores.tx(async (s) => {
      const { userId } = await this.owned(s, user, triageId);
      const listed = (await s.reminders.forUser(userId)).find((r) => r.triageId === triageId);
      if (listed) await s.reminders.turnOff(triageId);
      return { inviter: listed?.inviter ?? null };
    });
  }

  async settings(user: UserRef): Promise<ReminderSettings> {
    const row = await this.stores.users.find(toKey(user));
    return reminderSettingsOf(prefsOf(row).reminders);
  }

  /** Changes the user's rhythm, and moves their pending reminders to where it now puts them. */
  async updateSettings(user: UserRef, patch: Partial<ReminderSettings>): Promise<ReminderSettings> {
    if (patch.mode !== undefined && !REMINDER_MODES.includes(patch.mode as ReminderMode)) {
      throw new TriageError('bad_argument', 'Reminders are off, light or standard.');
    }
    for (const key of ['quietStart', 'quietEnd'] as const) {
      const v = patch[key];
      if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= 23)) {
        throw new TriageError('bad_argument', 'Quiet hours are whole hours, 0 to 23: "quiet 21-8".');
      }
    }
    const d = patch.deferDays;
    if (d !== undefined && !(Number.isInteger(d) && d >= 1 && d <= 90)) {
      throw new TriageError('bad_argument', 'The default wait after a deferral is 1 to 90 days.');
    }
    return this.stores.tx(async (s) => {
      const id = await s.users.ensure(toKey(user));
      const row = await s.users.get(id);
      const prefs = prefsOf(row);
      const next = { ...reminderSettingsOf(prefs.reminders), ...patch };
      await s.users.update(id, { prefs: JSON.stringify({ ...prefs, reminders: next }) });
      await rescheduleUser(s, id, this.defaultTimeZone);
      return next;
    });
  }

  /** After a change of zone or digest hour: the reminders follow. */
  async reschedule(user: UserRef): Promise<void> {
    await this.stores.tx(async (s) => rescheduleUser(s, await s.users.ensure(toKey(user)), this.defaultTimeZone));
  }

  // The scheduler's side.

  releaseStale(staleBefore: number): Promise<number> {
    return this.stores.reminders.releaseStale(staleBefore);
  }

  dueRefs(now: number, providers: readonly string[], after: DueRef, limit: number): Promise<DueRef[]> {
    return this.stores.reminders.dueRefs(now, providers, after, limit);
  }

  take(triageIds: readonly number[], by: string, now: number): Promise<DueReminderRow[]> {
    return this.stores.reminders.take(triageIds, by, now);
  }

  markSent(triageIds: readonly number[], by: string, now: number): Promise<number> {
    return this.stores.reminders.markSent(triageIds, by, now);
  }

  markFailed(triageIds: readonly number[], by: string, error: string, next: number | null): Promise<number> {
    return this.stores.reminders.markFailed(triageIds, by, error, next);
  }

  holdUpkeep(): Promise<void> {
    return this.stores.reminders.holdUpkeep();
  }

  releaseUpkeep(): Promise<void> {
    return this.stores.reminders.releaseUpkeep();
  }

  private async owned(s: TxStores, user: UserRef, triageId: number) {
    const userId = await s.users.ensure(toKey(user));
    const triage = Number.isSafeInteger(triageId) ? await s.triages.get(triageId) : undefined;
    if (!triage) throw new TriageError('not_found', `There is no triage #${triageId}.`);
    if (triage.userId !== userId) throw new TriageError('not_yours', 'That triage belongs to someone else.');
    return { userId, rhythm: await rhythmOf(s, await s.users.get(userId), this.defaultTimeZone) };
  }

  private async setAt(s: TxStores, triageId: number, userId: number, at: number, rhythm: Rhythm) {
    const existing = await s.reminders.get(triageId);
    const triage = await s.triages.get(triageId);
    const kind = existing?.kind ?? (triage?.status === 'open' ? 'unfinished' : 'deferred');
    await s.reminders.set({ triageId, userId, kind, dueAt: at, sendAt: sendTime(at, rhythm) });
    const listed = (await s.reminders.forUser(userId)).find((r) => r.triageId === triageId);
    return listed ? item(listed) : null;
  }
}

export { DEFAULT_REMINDERS };
