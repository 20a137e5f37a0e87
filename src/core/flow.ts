import type { Choice, Criterion, Outcome } from './criteria.js';
import { cleanName, type Invitation } from './invitation.js';
import { getPlatform, isPlatformId, type PlatformId } from './platforms.js';
import type { Policy } from './policy.js';

/** Gives the policy for a platform; the flow calls it once the platform is known. */
export type PolicyLookup = (platform: PlatformId) => Policy;

/** One answer the user gave: a choice id, or free text for the inviter question. */
export interface AnswerInput {
  questionId: string;
  choice: string;
  text?: string;
}

export interface Question {
  /** A criterion id, or 'platform' / 'inviter' when the parser could not tell. */
  id: string;
  text: string;
  choices: Choice[];
  /** The inviter question takes typed text; its one choice is 'skip'. */
  freeText: boolean;
  /** 1-based position among the questions this triage will ask at most. */
  index: number;
  total: number;
  /** How many criterion answers precede this question: Back takes the last of them back. */
  answered: number;
}

export interface Reason {
  criterion: string;
  question: string;
  answer: string;
  answerLabel: string;
  passed: boolean;
}

export interface Decision {
  outcome: Outcome;
  /** The criterion whose answer decided, or null when every criterion passed. */
  decidedBy: string | null;
  redirectTo?: PlatformId;
  reasons: Reason[];
  explanation: string;
}

export interface FlowState {
  invitation: Invitation;
  /** The policy's criteria, fixed when the platform became known. */
  criteria: Criterion[] | null;
  answers: { questionId: string; choice: string }[];
  decision: Decision | null;
  /** How many of the platform and inviter questions were asked, so numbering stays right. */
  identified?: number;
  /** The inviter question was skipped: not asked again, and no name is stored in its place. */
  inviterSkipped?: boolean;
}

/** Who the text speaks of when the inviter's name was skipped. */
const UNNAMED = 'the inviter';

export type Step = { kind: 'question'; question: Question } | { kind: 'decision'; decision: Decision };

export type FlowErrorCode = 'already_decided' | 'stale_question' | 'unknown_choice' | 'nothing_to_undo';

export type FlowResult =
  | { ok: true; state: FlowState; step: Step }
  | { ok: false; code: FlowErrorCode; message: string };

const PLATFORM_CHOICES: PlatformId[] = ['linkedin', 'facebook', 'x', 'instagram', 'github', 'tiktok', 'other'];

export function start(invitation: Invitation, policies: PolicyLookup): { state: FlowState; step: Step } {
  const state: FlowState = {
    invitation,
    criteria: invitation.platform ? policies(invitation.platform).criteria : null,
    answers: [],
    decision: null,
  };
  return { state, step: current(state) };
}

/** The step the state is waiting on: the next question, or the decision. */
export function current(state: FlowState): Step {
  if (state.decision) return { kind: 'decision', decision: state.decision };
  const question = nextQuestion(state);
  if (question) return { kind: 'question', question };
  const decision = decide(state);
  return { kind: 'decision', decision };
}

export function answer(state: FlowState, input: AnswerInput, policies: PolicyLookup): FlowResult {
  if (state.decision) return fail('already_decided', 'This invitation is already decided. Use Revise to change it.');
  const question = nextQuestion(state);
  if (!question) return fail('already_decided', 'This invitation is already decided.');
  if (question.id !== input.questionId) {
    return fail('stale_question', 'That question was already answered.');
  }
  let next: FlowState;
  if (question.id === 'platform') {
    if (!isPlatformId(input.choice)) return fail('unknown_choice', `"${input.choice}" is not a platform I know.`);
    next = {
      ...state,
      invitation: { ...state.invitation, platform: input.choice },
      criteria: policies(input.choice).criteria,
      identified: (state.identified ?? 0) + 1,
    };
  } else if (question.id === 'inviter') {
    const name = input.choice === 'skip' ? null : cleanName(input.text ?? input.choice);
    const invitation = { ...state.invitation, inviter: name };
    next = { ...state, invitation, identified: (state.identified ?? 0) + 1, inviterSkipped: name === null };
  } else {
    if (!question.choices.some((c) => c.id === input.choice)) {
      const allowed = question.choices.map((c) => c.id).join(', ');
      return fail('unknown_choice', `Answer one of: ${allowed}.`);
    }
    next = { ...state, answers: [...state.answers, { questionId: question.id, choice: input.choice }] };
  }
  const step = current(next);
  if (step.kind === 'decision') next = { ...next, decision: step.decision };
  return { ok: true, state: next, step };
}

/** Takes back the last criterion answer, reopening a decided triage at that question. */
export function back(state: FlowState): FlowResult {
  if (state.answers.length === 0) return fail('nothing_to_undo', 'There is no answer to take back.');
  const next: FlowState = { ...state, answers: state.answers.slice(0, -1), decision: null };
  return { ok: true, state: next, step: current(next) };
}

/** Starts the questions again for the same invitation under the current policy, as a revision does. */
export function restart(state: FlowState, policies: PolicyLookup): { state: FlowState; step: Step } {
  const platform = state.invitation.platform;
  const next: FlowState = {
    ...state,
    criteria: platform ? policies(platform).criteria : null,
    answers: [],
    decision: null,
    // Numbering starts afresh: the network and name stay known and are not asked again.
    identified: 0,
  };
  return { state: next, step: current(next) };
}

/** Corrects what the parser understood, then asks the (possibly different) platform's questions afresh. */
export function amend(
  state: FlowState,
  patch: { platform?: PlatformId; inviter?: string },
  policies: PolicyLookup,
): { state: FlowState; step: Step } {
  const invitation = { ...state.invitation };
  if (patch.platform) invitation.platform = patch.platform;
  if (patch.inviter !== undefined) invitation.inviter = cleanName(patch.inviter) ?? invitation.inviter;
  return restart({ ...state, invitation }, policies);
}

function nextQuestion(state: FlowState): Question | null {
  const inv = state.invitation;
  const named = inv.inviter !== null || state.inviterSkipped === true;
  const missing = (inv.platform ? 0 : 1) + (named ? 0 : 1);
  const criteria = state.criteria ?? [];
  const identified = state.identified ?? 0;
  const total = identified + missing + Math.max(criteria.length, 1);
  const index = identified + state.answers.length + 1;
  const answered = state.answers.length;
  if (!inv.platform) {
    const choices = PLATFORM_CHOICES.map((id) => ({ id, label: getPlatform(id).name, result: 'pass' as const }));
    const text = 'Which network is this invitation from?';
    return { id: 'platform', text, choices, freeText: false, index, total, answered };
  }
  if (!named) {
    const choices = [{ id: 'skip', label: 'Skip', result: 'pass' as const }];
    return { id: 'inviter', text: 'Who sent it? Type their name.', choices, freeText: true, index, total, answered };
  }
  for (const [i, criterion] of criteria.entries()) {
    const given = state.answers[i];
    if (!given) {
      const text = fill(criterion.question, inv.inviter ?? UNNAMED);
      return { id: criterion.id, text, choices: criterion.choices, freeText: false, index, total, answered };
    }
    const choice = criterion.choices.find((c) => c.id === given.choice);
    if (choice && choice.result !== 'pass') return null;
  }
  return null;
}

function decide(state: FlowState): Decision {
  const name = state.invitation.inviter ?? UNNAMED;
  const platform = getPlatform(state.invitation.platform ?? 'other');
  const reasons: Reason[] = [];
  for (const [i, criterion] of (state.criteria ?? []).entries()) {
    const given = state.answers[i];
    if (!given) break;
    const choice = criterion.choices.find((c) => c.id === given.choice);
    const passed = choice?.result === 'pass';
    const question = fill(criterion.question, name);
    reasons.push({
      criterion: criterion.id,
      question,
      answer: given.choice,
      answerLabel: choice?.label ?? given.choice,
      passed,
    });
    if (choice && choice.result !== 'pass') {
      const outcome = choice.result;
      const target = getPlatform(criterion.redirectTo ?? 'linkedin').name;
      const template = criterion.because[outcome] ?? `{name} did not meet "${criterion.question}"`;
      const explanation = fill(template, name).replaceAll('{target}', target);
      const decision: Decision = { outcome, decidedBy: criterion.id, reasons, explanation };
      if (outcome === 'redirect') decision.redirectTo = criterion.redirectTo ?? 'linkedin';
      return decision;
    }
  }
  const explanation =
    reasons.length === 0
      ? `You have no criteria for ${platform.name}, so ${name} is accepted.`
      : fill(`{name} meets every one of your ${platform.name} criteria.`, name);
  return { outcome: 'accept', decidedBy: null, reasons, explanation };
}

/** The template with the name put in; a sentence that begins with "the inviter" begins with a capital. */
function fill(template: string, name: string): string {
  const text = template.replaceAll('{name}', name);
  return name === UNNAMED && template.startsWith('{name}') ? `T${text.slice(1)}` : text;
}

function fail(code: FlowErrorCode, message: string): FlowResult {
  return { ok: false, code, message };
}
