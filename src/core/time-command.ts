import { MAX_BUDGET_MINUTES, MAX_LOG_MINUTES, parseDuration } from './duration.js';
import { type PlatformId, resolvePlatform } from './platforms.js';

export type Place = 'work' | 'home';
export type Expectation = 'leads' | 'contacts' | 'friends';

/** Time spent on a platform, as `/triage time linkedin 25m at work` says it. */
export interface TimeCommand {
  platform: PlatformId;
  minutes: number;
  place: Place | null;
}

/** A weekly budget, as `/triage budget linkedin 2h leads` says it; minutes 0 means "remove the budget". */
export interface BudgetCommand {
  platform: PlatformId;
  minutes: number;
  expectation: Expectation | null;
}

export type CommandResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const MAX_ARGS = 200;
const TIME_USAGE = 'Try: time linkedin 25m at work (or 1h30m, 90m, 1.5h; "at work" / "at home" is optional).';
const BUDGET_USAGE = 'Try: budget linkedin 2h leads (expect leads, contacts or friends; "off" removes it).';

/** Parses "linkedin 25m", "linkedin 1h 30m at home", "25m fb --at work". */
export function parseTimeCommand(text: unknown): CommandResult<TimeCommand> {
  const words = wordsOf(text);
  if (!words) return { ok: false, code: 'empty', message: TIME_USAGE };
  let place: Place | null = null;
  const two = /^(?:--)?(?:at|in|from) (work|home|office)$/.exec(words.slice(-2).join(' '));
  const one = /^(?:--at=|@)?(work|home|office)$/.exec(words.at(-1) ?? '');
  const placeMatch = two ?? one;
  if (placeMatch && words.length > 2) {
    place = placeMatch[1] === 'home' ? 'home' : 'work';
    words.splice(two ? -2 : -1);
  }
  if (!placeMatch) {
    // "25m at the gym": a place the log does not know, not part of the duration.
    const at = words.findIndex((w, i) => i >= 2 && /^(?:at|in|from|@)$/.test(w));
    if (at > 0 && splitPlatformDuration(words.slice(0, at), MAX_LOG_MINUTES).ok) {
      const said = words.slice(at).join(' ').slice(0, 40);
      return {
        ok: false,
        code: 'bad_place',
        message: `"${said}" is not a place I log: say "at work" or "at home", or leave it out.`,
      };
    }
  }
  const found = splitPlatformDuration(words, MAX_LOG_MINUTES);
  if (!found.ok) return { ok: false, code: found.code, message: withUsage(found, TIME_USAGE) };
  return { ok: true, value: { platform: found.platform, minutes: found.minutes, place } };
}

/** Parses "linkedin 2h", "linkedin 2h leads", "fb 30m for friends", "linkedin off". */
export function parseBudgetCommand(text: unknown): CommandResult<BudgetCommand> {
  const words = wordsOf(text);
  if (!words) return { ok: false, code: 'empty', message: BUDGET_USAGE };
  let expectation: Expectation | null = null;
  const last = words.at(-1) ?? '';
  const exp = /^(lead|contact|friend)s?$/.exec(last);
  if (exp) {
    expectation = `${exp[1]}s` as Expectation;
    words.pop();
    if (words.at(-1) === 'for' || words.at(-1) === 'expect') words.pop();
  }
  if (/^(off|none|remove|clear)$/.test(words.at(-1) ?? '') && words.length > 1) {
    const platform = resolvePlatform(words.slice(0, -1).join(' '));
    if (platform) return { ok: true, value: { platform, minutes: 0, expectation: null } };
  }
  const found = splitPlatformDuration(words, MAX_BUDGET_MINUTES);
  if (!found.ok) return { ok: false, code: found.code, message: withUsage(found, BUDGET_USAGE) };
  return { ok: true, value: { platform: found.platform, minutes: found.minutes, expectation } };
}

function wordsOf(text: unknown): string[] | null {
  if (typeof text !== 'string') return null;
  const clean = text
    .slice(0, MAX_ARGS + 1)
    .toLowerCase()
    .trim();
  if (clean === '' || clean.length > MAX_ARGS) return null;
  return clean.split(/\s+/);
}

type Failure = { ok: false; code: string; message: string; aboutDuration?: boolean };
type Split = { ok: true; platform: PlatformId; minutes: number } | Failure;

/** A duration's own message already says what to type; other failures get the command's usage line. */
function withUsage(f: Failure, usage: string): string {
  return f.aboutDuration ? f.message : `${f.message} ${usage}`;
}

/** Tries every way to cut the words into platform + duration (either order), so "linked in 1 h" works. */
function splitPlatformDuration(words: string[], max: number): Split {
  let durationError: { code: string; message: string } | null = null;
  let platformSeen = false;
  for (let i = 1; i < words.length; i++) {
    for (const [p, d] of [
      [words.slice(0, i), words.slice(i)],
      [words.slice(words.length - i), words.slice(0, words.length - i)],
    ] as const) {
      const platform = resolvePlatform(p.join(' '));
      if (!platform) continue;
      platformSeen = true;
      const duration = parseDuration(d.join(''), max);
      if (duration.ok) return { ok: true, platform, minutes: duration.minutes };
      durationError ??= duration;
    }
  }
  if (durationError)
    return { ok: false, code: durationError.code, message: durationError.message, aboutDuration: true };
  if (words.length === 1) {
    return resolvePlatform(words[0] ?? '')
      ? { ok: false, code: 'empty', message: 'Say how long, for example 25m.' }
      : { ok: false, code: 'unknown_platform', message: 'Say which platform and how long.' };
  }
  return platformSeen
    ? { ok: false, code: 'garbage', message: 'I could not read that.' }
    : {
        ok: false,
        code: 'unknown_platform',
        message: `I don't know the platform in "${words.join(' ').slice(0, 40)}".`,
      };
}
