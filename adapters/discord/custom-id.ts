/**
 * Custom ids carry opaque ids only (triage ids, our own criterion, choice and platform ids, a Discord user id),
 * never user text, and stay within Discord's 100 characters.
 */
export type CustomId =
  | { kind: 'answer'; triageId: number; questionId: string; choiceId: string }
  /** A question with more choices than a row of buttons holds, as a select: the value chosen is the choice. */
  | { kind: 'choose'; triageId: number; questionId: string }
  | { kind: 'undo' | 'revise' | 'reopen' | 'name' | 'discard' | 'correct' | 'keep' | 'again'; triageId: number }
  | { kind: 'snooze'; triageId: number; choice: 'tomorrow' | 'week' | 'monday' }
  | { kind: 'drop'; triageId: number }
  | { kind: 'name_modal'; triageId: number }
  | { kind: 'forget'; ownerId: string; confirm: boolean }
  | { kind: 'history'; offset: number }
  | { kind: 'policy_edit'; platform: string }
  | { kind: 'policy_modal'; platform: string }
  | { kind: 'start_modal' };

export const MAX_CUSTOM_ID = 100;
// Ids are ours: lower case, digits, _ and - (a role is "client-facing"); never the ":" that separates parts.
const ID = /^[a-z0-9_-]{1,60}$/;
const SNOWFLAKE = /^\d{1,20}$/;
const SHORT: Record<
  'undo' | 'revise' | 'reopen' | 'name' | 'name_modal' | 'discard' | 'drop' | 'correct' | 'keep' | 'again',
  string
> = {
  drop: 'x',
  undo: 'u',
  discard: 'd',
  revise: 'r',
  reopen: 'o',
  name: 'n',
  name_modal: 'nm',
  correct: 'c',
  keep: 'k',
  again: 'a',
};
/** A reminder's snooze: `z:<triage>:<t|w|m>`. */
const SNOOZE = { tomorrow: 't', week: 'w', monday: 'm' } as const;

/** The start modal's id, as in the recorded modal-submit payload. */
export const START_MODAL_ID = 'triage_modal';

export function encodeCustomId(id: CustomId): string {
  const out = encode(id);
  if (out.length > MAX_CUSTOM_ID) throw new Error(`custom id too long (${out.length})`);
  return out;
}

function encode(id: CustomId): string {
  switch (id.kind) {
    case 'answer':
      if (!ID.test(id.questionId) || !ID.test(id.choiceId)) throw new Error('custom id parts must be opaque ids');
      return `t:${id.triageId}:${id.questionId}:${id.choiceId}`;
    case 'choose':
      if (!ID.test(id.questionId)) throw new Error('custom id parts must be opaque ids');
      return `s:${id.triageId}:${id.questionId}`;
    case 'forget':
      if (!SNOWFLAKE.test(id.ownerId)) throw new Error('owner must be a Discord user id');
      return `f:${id.ownerId}:${id.confirm ? 'y' : 'n'}`;
    case 'history':
      return `h:${Math.max(0, Math.trunc(id.offset))}`;
    case 'policy_edit':
    case 'policy_modal':
      if (!ID.test(id.platform)) throw new Error('custom id parts must be opaque ids');
      return `${id.kind === 'policy_edit' ? 'pe' : 'pm'}:${id.platform}`;
    case 'start_modal':
      return START_MODAL_ID;
    case 'snooze':
      return `z:${id.triageId}:${SNOOZE[id.choice]}`;
    default:
      return `${SHORT[id.kind]}:${id.triageId}`;
  }
}

/** A choice's id, as a select sends it back: an opaque id, or null for anything else. */
export function choiceIdOf(value: string | undefined): string | null {
  return value !== undefined && ID.test(value) ? value : null;
}

/** Parses a custom id, or returns null for one this bot did not make (or a tampered one). */
export function decodeCustomId(raw: string): CustomId | null {
  if (raw === START_MODAL_ID) return { kind: 'start_modal' };
  if (raw.length > MAX_CUSTOM_ID) return null;
  const [tag, a, b, c, ...rest] = raw.split(':');
  if (rest.length > 0 || a === undefined) return null;
  if (tag === 't') {
    const triageId = toId(a);
    if (triageId === null || !b || !c || !ID.test(b) || !ID.test(c)) return null;
    return { kind: 'answer', triageId, questionId: b, choiceId: c };
  }
  if (tag === 's') {
    const triageId = toId(a);
    if (triageId === null || !b || !ID.test(b) || c !== undefined) return null;
    return { kind: 'choose', triageId, questionId: b };
  }
  if (tag === 'f') {
    if (!SNOWFLAKE.test(a) || (b !== 'y' && b !== 'n') || c !== undefined) return null;
    return { kind: 'forget', ownerId: a, confirm: b === 'y' };
  }
  if (tag === 'h') {
    const offset = toId(a);
    return offset === null || b !== undefined ? null : { kind: 'history', offset };
  }
  if (tag === 'z') {
    const triageId = toId(a);
    const choice = (Object.keys(SNOOZE) as (keyof typeof SNOOZE)[]).find((k) => SNOOZE[k] === b);
    return triageId === null || !choice || c !== undefined ? null : { kind: 'snooze', triageId, choice };
  }
  if (tag === 'pe' || tag === 'pm') {
    if (!ID.test(a) || b !== undefined) return null;
    return tag === 'pe' ? { kind: 'policy_edit', platform: a } : { kind: 'policy_modal', platform: a };
  }
  const kind = (Object.keys(SHORT) as (keyof typeof SHORT)[]).find((k) => SHORT[k] === tag);
  const triageId = toId(a);
  if (!kind || triageId === null || b !== undefined) return null;
  return { kind, triageId };
}

function toId(s: string): number | null {
  if (!/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}
