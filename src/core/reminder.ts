import { localParts, localToInstant } from './week.js';

/** How much a user wants to be reminded: not at all, one batch a day at the digest hour, or each at its time. */
export type ReminderMode = 'off' | 'light' | 'standard';
export const REMINDER_MODES: readonly ReminderMode[] = ['off', 'light', 'standard'];

/** A deferred decision's "ask me again", or the one nudge a half-answered triage gets. */
export type ReminderKind = 'deferred' | 'unfinished';

export interface ReminderSettings {
  mode: ReminderMode;
  /** Local hour quiet hours begin (inclusive) and end (exclusive); equal hours mean none. */
  quietStart: number;
  quietEnd: number;
  /** Days until a deferral is asked about again when the user's words name no time. */
  deferDays: number;
}

export const DEFAULT_REMINDERS: ReminderSettings = { mode: 'standard', quietStart: 21, quietEnd: 8, deferDays: 7 };

/** What placing a reminder in a user's day needs to know besides the settings. */
export interface Rhythm {
  settings: ReminderSettings;
  timeZone: string;
  /** The digest's local hour: `light` sends everything due then. */
  digestHour: number;
  /** False when the team guidance says social networking at work is not OK: then send outside work hours. */
  workHoursOk: boolean;
}

/** A triage left half-answered this long gets its one nudge. */
export const UNFINISHED_AFTER_MS = 24 * 60 * 60_000;
/** The local hour a day-only time ("Friday", "2027-01-15", "in 3 days") means. */
export const ASK_HOUR = 9;
/** "After our call on Friday": late enough in the day that the call has happened. */
export const AFTER_HOUR = 17;
/** Work hours, for teams that keep social networking out of them: Monday to Friday. */
export const WORK_START = 9;
export const WORK_END = 17;

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** The local calendar date a count of days from `now` falls on, at `hour`. */
function dayAt(now: number, timeZone: string, addDays: number, hour: number): number {
  const p = localParts(now, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day) + addDays * DAY);
  return localToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, timeZone);
}

function weekdayOf(now: number, timeZone: string): number {
  const p = localParts(now, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** Days from today until the next `weekday`, never today itself (1 to 7). */
function daysUntil(now: number, timeZone: string, weekday: number): number {
  return ((weekday - weekdayOf(now, timeZone) + 6) % 7) + 1;
}

/**
 * The time the user's words name, if any: "after our call on Friday" (that Friday, after the call), "next week"
 * (next Monday), "tomorrow", "in 2 weeks", "in 3d", "on 2027-01-15", "15 January". Only times after `now`.
 */
export function whenFromWords(words: string, now: number, timeZone: string): number | null {
  const text = words.toLowerCase().slice(0, 2000);
  const found = explicitDate(text, now, timeZone) ?? relative(text, now, timeZone) ?? weekday(text, now, timeZone);
  return found !== null && found > now ? found : null;
}

function relative(text: string, now: number, timeZone: string): number | null {
  const inN = /\bin\s+(\d{1,3}|an?|one|two|three|four|five|six)\s*(d|days?|w|wks?|weeks?)\b/.exec(text);
  if (inN) {
    const n = NUMBERS[inN[1] ?? ''] ?? Number(inN[1]);
    const days = (inN[2] ?? 'd').startsWith('w') ? n * 7 : n;
    return days > 0 && days <= 366 ? dayAt(now, timeZone, days, ASK_HOUR) : null;
  }
  if (/\bnext\s+week\b/.test(text)) return dayAt(now, timeZone, daysUntil(now, timeZone, 1), ASK_HOUR);
  if (/\btomorrow\b/.test(text)) return dayAt(now, timeZone, 1, ASK_HOUR);
  return null;
}

// A full day name anywhere ("our call on Friday"); an abbreviation only after on/next/this/after, so that
// "I sat next to her" or "Sun Microsystems" name no day.
const FULL_DAY = /\b(?:(after)\b[^.;\n]{0,40}?\b)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/;
const SHORT_DAY = /\b(?:(after)\b[^.;\n]{0,40}?\b)?(?:on|next|this)\s+(sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\b/;

function weekday(text: string, now: number, timeZone: string): number | null {
  const full = FULL_DAY.exec(text);
  const short = SHORT_DAY.exec(text);
  const m = full && short ? (full.index <= short.index ? full : short) : (full ?? short);
  if (!m) return null;
  const day = WEEKDAYS.findIndex((w) => w.startsWith((m[2] ?? '').slice(0, 3)));
  if (day < 0) return null;
  return dayAt(now, timeZone, daysUntil(now, timeZone, day), m[1] ? AFTER_HOUR : ASK_HOUR);
}

function explicitDate(text: string, now: number, timeZone: string): number | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]), timeZone);
  const month = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  const dm = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}(?:\\s+(\\d{4}))?\\b`).exec(text);
  const md = new RegExp(`\\b${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`).exec(text);
  const parts = dm
    ? { day: Number(dm[1]), month: MONTHS.indexOf(dm[2] ?? '') + 1, year: dm[3] }
    : md
      ? { day: Number(md[2]), month: MONTHS.indexOf(md[1] ?? '') + 1, year: md[3] }
      : null;
  if (!parts) return null;
  const thisYear = localParts(now, timeZone).year;
  const year = parts.year ? Number(parts.year) : thisYear;
  const at = calendar(year, parts.month, parts.day, timeZone);
  // "15 January" in December is next year's.
  if (at !== null && at <= now && !parts.year) return calendar(year + 1, parts.month, parts.day, timeZone);
  return at;
}

/** A real calendar date (no 31 February) at the asking hour, or null. */
function calendar(year: number, month: number, day: number, timeZone: string): number | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2200) return null;
  return localToInstant(year, month, day, ASK_HOUR, timeZone);
}

/**
 * When to ask again about a decision: for a deferral, the time the user's words name, else `deferDays` from now;
 * for any other outcome, never. Pure: the same decision, words, settings and instant give the same time.
 */
export function askAgainAt(
  outcome: string,
  words: string,
  settings: Pick<ReminderSettings, 'deferDays'>,
  now: number,
  timeZone: string,
): number | null {
  if (outcome !== 'defer') return null;
  return whenFromWords(words, now, timeZone) ?? dayAt(now, timeZone, settings.deferDays, ASK_HOUR);
}

/** The snoozes a reminder offers, and the time each means. */
export type SnoozeChoice = 'tomorrow' | 'week' | 'monday';
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['tomorrow', 'week', 'monday'];
export const SNOOZE_LABEL: Record<SnoozeChoice, string> = {
  tomorrow: 'Tomorrow',
  week: 'In a week',
  monday: 'Next Monday',
};

export function snoozeUntil(choice: SnoozeChoice, now: number, timeZone: string): number {
  if (choice === 'tomorrow') return dayAt(now, timeZone, 1, ASK_HOUR);
  if (choice === 'week') return dayAt(now, timeZone, 7, ASK_HOUR);
  return dayAt(now, timeZone, daysUntil(now, timeZone, 1), ASK_HOUR);
}

/**
 * "in 3d", "in 2 weeks", "on 2027-01-15", "tomorrow", "next monday": a time a user sets for one reminder, or
 * null when the words name none.
 */
export function parseRemindAt(words: string, now: number, timeZone: string): number | null {
  return whenFromWords(words, now, timeZone);
}

/**
 * When a reminder due at `due` is actually sent, in the user's rhythm: never when off; for `light`, the first
 * digest hour at or after it; for `standard`, at its time moved out of quiet hours and, when the team keeps
 * social networking out of work, out of work hours.
 */
export function sendTime(due: number, rhythm: Rhythm): number | null {
  const { settings, timeZone } = rhythm;
  if (settings.mode === 'off') return null;
  if (settings.mode === 'light') {
    const today = dayAt(due, timeZone, 0, rhythm.digestHour);
    return today >= due ? today : dayAt(due, timeZone, 1, rhythm.digestHour);
  }
  let at = due;
  // Two passes: leaving work hours can land in quiet hours, and the other way round.
  for (let i = 0; i < 3; i++) {
    const moved = outOfWork(outOfQuiet(at, settings, timeZone), rhythm);
    if (moved === at) break;
    at = moved;
  }
  return at;
}

function inHours(hour: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

function outOfQuiet(at: number, s: ReminderSettings, timeZone: string): number {
  const { hour } = localParts(at, timeZone);
  if (!inHours(hour, s.quietStart, s.quietEnd)) return at;
  // Quiet hours that run past midnight end tomorrow when they began this evening.
  const tomorrow = s.quietStart > s.quietEnd && hour >= s.quietStart;
  return dayAt(at, timeZone, tomorrow ? 1 : 0, s.quietEnd);
}

function outOfWork(at: number, rhythm: Rhythm): number {
  if (rhythm.workHoursOk) return at;
  const weekday = weekdayOf(at, rhythm.timeZone);
  if (weekday === 0 || weekday === 6) return at;
  const { hour } = localParts(at, rhythm.timeZone);
  return inHours(hour, WORK_START, WORK_END) ? dayAt(at, rhythm.timeZone, 0, WORK_END) : at;
}

/** Checks and fills reminder settings from stored JSON: anything malformed falls back to the default. */
export function reminderSettingsOf(stored: unknown): ReminderSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof ReminderSettings, unknown>>;
  const hour = (v: unknown, d: number) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 23 ? (v as number) : d;
  const days = s.deferDays;
  return {
    mode: REMINDER_MODES.includes(s.mode as ReminderMode) ? (s.mode as ReminderMode) : DEFAULT_REMINDERS.mode,
    quietStart: hour(s.quietStart, DEFAULT_REMINDERS.quietStart),
    quietEnd: hour(s.quietEnd, DEFAULT_REMINDERS.quietEnd),
    deferDays:
      Number.isInteger(days) && (days as number) >= 1 && (days as number) <= 90
        ? (days as number)
        : DEFAULT_REMINDERS.deferDays,
  };
}
