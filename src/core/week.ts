/** A user's local week, Monday 00:00 to the next Monday 00:00, as UTC instants. */
export interface Week {
  /** The Monday as YYYY-MM-DD in the user's zone: the week's stable name. */
  key: string;
  /** First instant of the week (inclusive), epoch ms. */
  start: number;
  /** First instant of the next week (exclusive), epoch ms. */
  end: number;
  timeZone: string;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Readings already taken, by zone and whole second: zones are offset by whole seconds, so one second reads the
 * same everywhere in it. A reminder's send time asks for the same few instants many times, and formatToParts
 * was the larger part of scheduling one.
 */
const readings = new Map<string, LocalParts>();
const MAX_READINGS = 1024;

/** The wall-clock reading in a zone at an instant. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const key = `${timeZone} ${Math.floor(instant / 1000)}`;
  const known = readings.get(key);
  if (known) return known;
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const parts = Object.freeze({
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
  });
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, parts);
  return parts;
}

/** The wall-clock reading at an instant, written as if it were UTC, so readings compare as numbers. */
function wallAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const seconds = Math.floor((instant - Math.floor(instant / 60_000) * 60_000) / 1000);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, seconds);
}

/**
 * The instant a local wall-clock time happens. Repeated times (clocks going back) give the earlier one;
 * skipped times (clocks going forward) give the moment the clocks jumped, so a day always has a start.
 */
export function localToInstant(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  const candidates = [wall - offset(wall - DAY, timeZone), wall - offset(wall + DAY, timeZone)];
  const exact = candidates.filter((t) => wallAt(t, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  // In a gap: the first minute whose reading is past the wanted time.
  let lo = Math.min(...candidates) - 3_600_000;
  let hi = Math.max(...candidates) + 3_600_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (wallAt(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function offset(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAt(whole, timeZone) - whole;
}

/** The local week holding an instant. */
export function weekOf(instant: number, timeZone: string): Week {
  const p = localParts(instant, timeZone);
  const today = Date.UTC(p.year, p.month - 1, p.day);
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  const next = monday + 7 * DAY;
  const at = (ms: number) => {
    const d = new Date(ms);
    return localToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, timeZone);
  };
  return { key: new Date(monday).toISOString().slice(0, 10), start: at(monday), end: at(next), timeZone };
}

/** The week before. */
export function previousWeek(week: Week): Week {
  return weekOf(week.start - 1, week.timeZone);
}

/** When, within a week, the user's chosen local day (0 = Sunday … 6 = Saturday) and hour come. */
export function scheduledIn(week: Week, day: number, hour: number): number {
  const monday = Date.parse(`${week.key}T00:00:00Z`);
  const d = new Date(monday + ((day + 6) % 7) * DAY);
  return localToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, week.timeZone);
}

/** Whether the user's chosen local day and hour have come in the week holding `now`. */
export function isDue(now: number, timeZone: string, day: number, hour: number): boolean {
  return now >= scheduledIn(weekOf(now, timeZone), day, hour);
}

/** "3–9 Mar" style label for a week, in its own zone. */
export function weekLabel(week: Week): string {
  const monday = Date.parse(`${week.key}T12:00:00Z`);
  return `${dayMonth.format(monday)} – ${dayMonth.format(monday + 6 * DAY)}`;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
