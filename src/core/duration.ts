/** Why a duration was refused: a stable code, plus a message fit to show the user. */
export type DurationError = 'empty' | 'garbage' | 'no_unit' | 'zero' | 'negative' | 'too_long';

export type DurationResult = { ok: true; minutes: number } | { ok: false; code: DurationError; message: string };

/** One sitting longer than a day is a typo, not a log. */
export const MAX_LOG_MINUTES = 24 * 60;
/** A weekly budget cannot exceed the week. */
export const MAX_BUDGET_MINUTES = 168 * 60;

const HOURS = '(?:h|hr|hrs|hour|hours)';
const MINUTES = '(?:m|min|mins|minute|minutes)';
const NUMBER = '(\\d+(?:[.,]\\d+)?|[.,]\\d+)';
const FORMS: { re: RegExp; minutes: (a: number, b: number) => number }[] = [
  { re: new RegExp(`^${NUMBER}${HOURS}(?:(\\d+)${MINUTES}?)?$`), minutes: (h, m) => h * 60 + m },
  { re: new RegExp(`^${NUMBER}${MINUTES}$`), minutes: (m) => m },
  { re: /^(\d+):([0-5]\d)$/, minutes: (h, m) => h * 60 + m },
];

/** Parses "25m", "1h30m", "90m", "1.5h", "2 h", "1:30" into whole minutes, never throwing. */
export function parseDuration(input: unknown, maxMinutes = MAX_LOG_MINUTES): DurationResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail('empty', 'Say how long, for example 25m, 1h30m or 1.5h.');
  }
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  if (text.length > 24) return fail('garbage', `"${clip(input)}" is not a duration. Try 25m, 1h30m or 1.5h.`);
  if (/^[-−]/.test(text)) return fail('negative', 'A duration cannot be negative.');
  if (/^\d+(?:[.,]\d+)?$/.test(text)) {
    return fail('no_unit', `Add a unit to "${clip(input)}": ${text}m for minutes or ${text}h for hours.`);
  }
  for (const form of FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const minutes = Math.round(form.minutes(num(m[1]), num(m[2])));
    if (minutes <= 0) return fail('zero', 'That rounds to no time at all. Log at least 1m.');
    if (minutes > maxMinutes) {
      return fail('too_long', `${formatMinutes(minutes)} is more than the ${formatMinutes(maxMinutes)} allowed here.`);
    }
    return { ok: true, minutes };
  }
  return fail('garbage', `"${clip(input)}" is not a duration. Try 25m, 1h30m or 1.5h.`);
}

/** Minutes as people write them: "50m", "2h", "1h30m". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}m`;
  return rest === 0 ? `${h}h` : `${h}h${rest}m`;
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s.replace(',', '.'));
}

function fail(code: DurationError, message: string): DurationResult {
  return { ok: false, code, message };
}

function clip(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must not be echoed back
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}
