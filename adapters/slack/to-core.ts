import type { ViewStateValue } from '@slack/bolt';
import { TriageError } from '../../src/core/errors.js';
import type { UserRef } from '../../src/core/user.js';
import type { CriterionSpec, TeamRef } from '../../src/service/index.js';

/** The fields of any Slack payload (command, action, view, shortcut, event envelope) that say who acts where. */
interface AnyBody {
  user_id?: string;
  team_id?: string;
  enterprise_id?: string | null;
  user?: string | { id: string; team_id?: string };
  team?: string | { id: string } | null;
  enterprise?: string | { id: string } | null;
  event?: { user?: string; team?: string };
  authorizations?: { enterprise_id?: string | null; team_id?: string | null }[];
}

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === 'string' ? v : v?.id);

/**
 * Who acts, and in which workspace: 'enterprise:team'. The team is the workspace the request comes from; in an
 * org-wide install a click's `user.team_id` (and an event's authorization) may name the enterprise instead, so an
 * id equal to the enterprise's is never taken for the team. The service keys grid users by the enterprise alone.
 */
export function userFrom(raw: unknown): UserRef {
  const body = raw as AnyBody;
  const auth = body.authorizations?.[0];
  const userField = body.user;
  const userId = body.event?.user ?? (typeof userField === 'string' ? userField : userField?.id) ?? body.user_id ?? '';
  const enterprise = body.enterprise_id ?? idOf(body.enterprise) ?? auth?.enterprise_id ?? '';
  const candidates = [
    body.team_id,
    idOf(body.team),
    body.event?.team,
    auth?.team_id,
    typeof userField === 'object' ? userField.team_id : undefined,
  ];
  const team = candidates.find((t): t is string => typeof t === 'string' && t !== '' && t !== enterprise) ?? '';
  return { provider: 'slack', workspace: `${enterprise}:${team}`, userId };
}

/** What a `/triage` invocation asks for: a subcommand with its argument, the modal, or text to triage. */
export type CommandIntent =
  | { kind: 'modal' }
  | { kind: 'sub'; name: string; arg: string }
  | { kind: 'triage'; text: string }
  | { kind: 'unknown'; word: string };

/** Splits the command text; `known` says which first words are subcommands. */
export function parseCommand(text: string | undefined, known: (word: string) => boolean): CommandIntent {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { kind: 'modal' };
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  if (known(word)) return { kind: 'sub', name: word, arg: rest.join(' ') };
  if (rest.length === 0 && /^[a-z][a-z-]*$/i.test(first) && first.length <= 20) return { kind: 'unknown', word: first };
  return { kind: 'triage', text: trimmed };
}

/** A triage answer as carried in a button value: compact, and parsed defensively since it comes back from Slack. */
export interface AnswerRef {
  triageId: number;
  questionId: string;
  choice: string;
}

export function encodeAnswer(a: AnswerRef): string {
  return JSON.stringify([a.triageId, a.questionId, a.choice]);
}

export function decodeAnswer(value: string | undefined): AnswerRef | null {
  try {
    const parsed = JSON.parse(value ?? '') as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [triageId, questionId, choice] = parsed as unknown[];
    if (typeof triageId !== 'number' || typeof questionId !== 'string' || typeof choice !== 'string') return null;
    return { triageId, questionId, choice };
  } catch {
    return null;
  }
}

/** A triage id carried in a button value or block id. */
export function decodeId(value: string | undefined): number | null {
  const n = Number(value?.replace(/^\D+/, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A triage id with the version the card showed, so a double-clicked Undo or Revise acts once. */
export function encodeVersion(view: { id: number; updatedAt: number }): string {
  return `${view.id}.${view.updatedAt}`;
}

export function decodeVersion(value: string | undefined): { id: number; version: number } | null {
  const m = /^(\d+)\.(\d+)$/.exec(value ?? '');
  if (!m) return null;
  const id = Number(m[1]);
  const version = Number(m[2]);
  return Number.isSafeInteger(id) && Number.isSafeInteger(version) ? { id, version } : null;
}

export const SET_GUIDELINES_USAGE = '/triage guidelines set ok <what you may say> (or set not-ok …)';
const STANCES: Record<string, boolean> = {
  ok: true,
  yes: true,
  fine: true,
  'not-ok': false,
  no: false,
  'not-fine': false,
};

/** The team the guidance belongs to: the user's workspace, keyed as the adapter keys users. */
export function teamOf(user: UserRef): TeamRef {
  return { provider: 'slack', workspace: user.workspace };
}

/** `set [work-hours] ok|not-ok <note…>`; anything else is refused with the usage. */
export function parseSetGuidelines(arg: string): { workHoursOk: boolean; note: string } {
  const m = /^set\b(?:\s+work[- ]?hours\b)?(?:\s+(\S+))?\s*([\s\S]*)$/i.exec(arg.trim());
  if (!m)
    throw new TriageError(
      'bad_argument',
      `To see the guidance: /triage guidelines. To set it: ${SET_GUIDELINES_USAGE}.`,
    );
  const word = (m[1] ?? '').toLowerCase();
  const stance = Object.hasOwn(STANCES, word) ? STANCES[word] : undefined;
  if (stance === undefined) {
    throw new TriageError(
      'bad_argument',
      `Say whether social networking during work hours is fine: ${SET_GUIDELINES_USAGE}.`,
    );
  }
  return { workHoursOk: stance, note: m[2] ?? '' };
}

type Values = Record<string, Record<string, ViewStateValue>>;
const text = (v: Values, block: string, action: string) => v[block]?.[action]?.value?.trim() ?? '';

/** The triage form as submitted: every field may be empty. */
export function triageForm(v: Values) {
  return {
    platform: v.platform?.platform_select?.selected_option?.value ?? undefined,
    inviter: text(v, 'inviter', 'inviter_input'),
    relation: text(v, 'context', 'context_input'),
    pasted: text(v, 'text', 'text_input'),
  };
}

/** The policy editor as submitted: built-in questions ticked, the user's own typed one per line, or a reset. */
export function policyForm(v: Values, teamScope: string): { reset: boolean; spec: CriterionSpec[]; forTeam: boolean } {
  const reset = (v.reset?.reset_select?.selected_options ?? []).length > 0;
  const builtIn = (v.builtin?.builtin_select?.selected_options ?? []).map((o) => o.value);
  const custom = ownQuestions(text(v, 'custom', 'custom_input'));
  const forTeam = v.scope?.scope_select?.selected_option?.value === teamScope;
  return { reset, spec: [...builtIn, ...custom], forTeam };
}

/** One question per typed line; each declines when answered no. */
function ownQuestions(typed: string): CriterionSpec[] {
  return typed
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean)
    .map((question): CriterionSpec => ({ question, onFail: 'decline' }));
}
