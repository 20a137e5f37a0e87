import type { Choice, Criterion, Outcome } from './criteria.js';
import type { Inferences } from './inference.js';
import { cleanName, type Invitation } from './invitation.js';
import { getPlatform, isPlatformId, type PlatformId } from './platforms.js';
import { type Policy, sourceOf } from './policy.js';
import { ROLES } from './roles.js';

/** Gives the policy for a platform; the flow calls it once the platform is known. */
export type PolicyLookup = (platform: PlatformId) => Policy;

/** One answer the user gave: a choice id, or free text for the inviter question. */
export interface AnswerInput {
  questionId: string;
  choice: string;
  text?: string;
}

export interface Question {
  /** A criterion id; 'platform' / 'inviter' when the parser could not tell; 'role' or 'confirm'. */
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
  /** Answers taken from the user's own words so far, shown with those words. */
  inferred?: InferredAnswer[];
}

/** An answer the flow took from what the user said, with their words. */
export interface InferredAnswer {
  criterion: string;
  /** The choice id taken. */
  answer: string;
  question: string;
  answerLabel: string;
  because: string;
}

export interface Reason {
  criterion: string;
  question: string;
  answer: string;
  answerLabel: string;
  passed: boolean;
  /** The user's words this answer was taken from, when it was not asked. */
  inferred?: string;
}

export interface Decision {
  outcome: Outcome;
  /** The criterion whose answer decided, or null when every criterion passed. */
  decidedBy: string | null;
  redirectTo?: PlatformId;
  reasons: Reason[];
  explanation: string;
  /** The text reads like spam: the decision also offers to report it. */
  spam?: boolean;
}

export interface FlowState {
  invitation: Invitation;
  /** The policy's criteria, fixed when the platform became known. */
  criteria: Criterion[] | null;
  /** `inferred` holds the user's words when the answer was taken from them rather than asked. */
  answers: { questionId: string; choice: string; inferred?: string }[];
  decision: Decision | null;
  /** How many of the platform and inviter questions were asked, so numbering stays right. */
  identified?: number;
  /** The inviter question was skipped: not asked again, and no name is stored in its place. */
  inviterSkipped?: boolean;
  /** Answers the user's words give, used without asking wherever a criterion takes them. */
  inferred?: Inferences;
  /** The user confirmed an accept that rested on their words: an inferred accept is never final without it. */
  confirmed?: boolean;
  /** The user has not told their profession yet: ask once, before the criteria. */
  askRole?: boolean;
  spam?: boolean;
}

/** What the service read from the text, beyond the parser: inferred answers, spam, whether to ask the role. */
export interface StartExtras {
  inferred?: Inferences;
  spam?: boolean;
  askRole?: boolean;
}

/** Who the text speaks of when the inviter's name was skipped. */
const UNNAMED = 'the inviter';

export type Step = { kind: 'question'; question: Question } | { kind: 'decision'; decision: Decision };

export type FlowErrorCode = 'already_decided' | 'stale_question' | 'unknown_choice' | 'nothing_to_undo';

export type FlowResult =
  | { ok: true; state: FlowState; step: Step }
  | { ok: false; code: FlowErrorCode; message: string };

const PLATFORM_CHOICES: PlatformId[] = ['linkedin', 'facebook', 'x', 'instagram', 'github', 'tiktok', 'other'];

export function start(
  invitation: Invitation,
  policies: PolicyLookup,
  extras: StartExtras = {},
): { state: FlowState; step: Step } {
  let state: FlowState = {
    invitation,
    criteria: invitation.platform ? policies(invitation.platform).criteria : null,
    answers: [],
    decision: null,
  };
  if (extras.inferred && Object.keys(extras.inferred).length > 0) state.inferred = extras.inferred;
  if (extras.spam) state.spam = true;
  if (extras.askRole) state.askRole = true;
  state = fillInferred(state);
  return { state, step: current(state) };
}

/** The answer an inferred one gives a criterion that lacks its exact choice: a former patient is not a current one. */
const FALLBACK: Record<string, string> = { former: 'no' };

/**
 * Answers, from the user's words, each next criterion they answer, until one is not answered or one decides.
 * The role question comes first: the role changes which criteria there are.
 */
function fillInferred(state: FlowState): FlowState {
  const inferred = state.inferred;
  const criteria = state.criteria;
  if (!inferred || !criteria || state.askRole || !state.invitation.inviter) return state;
  const answers = [...state.answers];
  while (answers.length < criteria.length) {
    const criterion = criteria[answers.length] as Criterion;
    const said = inferred[criterion.id];
    if (!said) break;
    const choice =
      criterion.choices.find((c) => c.id === said.answer) ??
      criterion.choices.find((c) => c.id === FALLBACK[said.answer]);
    if (!choice) break;
    answers.push({ questionId: criterion.id, choice: choice.id, inferred: said.because });
    if (choice.result !== 'pass') break;
  }
  return answers.length === state.answers.length ? state : { ...state, answers };
}

/** Drops every answer taken from the user's words, and the words themselves: those questions are asked now. */
export function correct(state: FlowState): FlowResult {
  const first = state.answers.findIndex((a) => a.inferred !== undefined);
  if (first < 0 && !state.inferred) return fail('nothing_to_undo', 'Nothing here was taken from your words.');
  const kept = first < 0 ? state.answers : state.answers.slice(0, first);
  const next: FlowState = { ...state, answers: kept, inferred: undefined, confirmed: undefined, decision: null };
  return { ok: true, state: next, step: current(next) };
}

/** The step the state is waiting on: the next question, or the decision. */
export function current(state: FlowState): Step {
  if (state.decision) return { kind: 'decision', decision: state.decision };
  const question = nextQuestion(state);
  if (question) return { kind: 'question', question };
  const decision = decide(state);
  return { kind: 'decision', decision };
}

/** Whether answer() looks up policies for this answer: only a network or a role chosen takes criteria afresh. */
export function answerUsesPolicies(input: AnswerInput): boolean {
  return input.questionId === 'platform' || input.questionId === ROLE_QUESTION;
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
    next = fillInferred({
      ...state,
      invitation: { ...state.invitation, platform: input.choice },
      criteria: policies(input.choice).criteria,
      identified: (state.identified ?? 0) + 1,
    });
  } else if (question.id === 'inviter') {
    const name = input.choice === 'skip' ? null : cleanName(input.text ?? input.choice);
    const invitation = { ...state.invitation, inviter: name };
    next = fillInferred({
      ...state,
      invitation,
      identified: (state.identified ?? 0) + 1,
      inviterSkipped: name === null,
    });
  } else {
    if (!question.choices.some((c) => c.id === input.choice)) {
      const allowed = question.choices.map((c) => c.id).join(', ');
      return fail('unknown_choice', `Answer one of: ${allowed}.`);
    }
    if (question.id === ROLE_QUESTION) {
      // The caller's lookup already applies the role just chosen: the criteria are taken afresh.
      const platform = state.invitation.platform;
      const criteria = platform ? policies(platform).criteria : null;
      next = fillInferred({ ...state, askRole: false, criteria, identified: (state.identified ?? 0) + 1 });
    } else if (question.id === CONFIRM_QUESTION) {
      if (input.choice !== 'yes') return correct(state);
      next = { ...state, confirmed: true };
    } else {
      next = fillInferred({ ...state, answers: [...state.answers, { questionId: question.id, choice: input.choice }] });
    }
  }
  const step = current(next);
  if (step.kind === 'decision') next = { ...next, decision: step.decision };
  return { ok: true, state: next, step };
}

/** Takes back the last criterion answer, reopening a decided triage at that question. */
export function back(state: FlowState): FlowResult {
  const last = state.answers.at(-1);
  if (!last) return fail('nothing_to_undo', 'There is no answer to take back.');
  const next: FlowState = { ...state, answers: state.answers.slice(0, -1), decision: null, confirmed: undefined };
  if (last.inferred !== undefined && state.inferred) {
    // Taking back an answer read from the user's words means asking it: the words no longer answer it.
    const { [last.questionId]: _dropped, ...rest } = state.inferred;
    next.inferred = rest;
  }
  return { ok: true, state: next, step: current(next) };
}

/** Starts the questions again for the same invitation under the current policy, as a revision does. */
export function restart(state: FlowState, policies: PolicyLookup): { state: FlowState; step: Step } {
  const platform = state.invitation.platform;
  const next: FlowState = fillInferred({
    ...state,
    criteria: platform ? policies(platform).criteria : null,
    answers: [],
    decision: null,
    confirmed: undefined,
    // Numbering starts afresh: the network and name stay known and are not asked again.
    identified: 0,
  });
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

export const ROLE_QUESTION = 'role';
export const CONFIRM_QUESTION = 'confirm';

const ROLE_CHOICES: Choice[] = [
  ...ROLES.map((r) => ({ id: r.id, label: r.id === 'general' ? 'None of these' : r.name, result: 'pass' as const })),
  { id: 'skip', label: 'Skip', result: 'pass' },
];

function nextQuestion(state: FlowState): Question | null {
  const inv = state.invitation;
  const named = inv.inviter !== null || state.inviterSkipped === true;
  const missing = (inv.platform ? 0 : 1) + (named ? 0 : 1) + (state.askRole ? 1 : 0);
  const criteria = state.criteria ?? [];
  const identified = state.identified ?? 0;
  const taken = state.answers.filter((a) => a.inferred !== undefined).length;
  const asked = state.answers.length - taken;
  const index = identified + asked + 1;
  const total = Math.max(identified + missing + Math.max(criteria.length - taken, 1), index);
  const answered = state.answers.length;
  const inferred = inferredAnswers(state);
  const place: Place = { index, total, answered, inferred };
  if (!inv.platform) {
    const choices = PLATFORM_CHOICES.map((id) => ({ id, label: getPlatform(id).name, result: 'pass' as const }));
    return question(place, 'platform', 'Which network is this invitation from?', choices);
  }
  if (!named) {
    const skip: Choice[] = [{ id: 'skip', label: 'Skip', result: 'pass' }];
    return question(place, 'inviter', 'Who sent it? Type their name.', skip, true);
  }
  if (state.askRole) {
    const text = 'What is your work? It picks the rules for people you serve (asked once; "role" changes it later).';
    return question(place, ROLE_QUESTION, text, ROLE_CHOICES);
  }
  for (let i = 0; i < criteria.length; i++) {
    const criterion = criteria[i] as Criterion;
    const given = state.answers[i];
    if (!given)
      return question(place, criterion.id, fill(criterion.question, inv.inviter ?? UNNAMED), criterion.choices);
    const choice = criterion.choices.find((c) => c.id === given.choice);
    if (choice?.result === 'accept') return confirmation(state, place);
    if (choice && choice.result !== 'pass') return null;
  }
  return confirmation(state, place);
}

/** Where a question stands among those the triage asks, and the answers taken from the user's words so far. */
type Place = Pick<Question, 'index' | 'total' | 'answered'> & { inferred: InferredAnswer[] };

/**
 * A question, written out field by field: nextQuestion runs several times per step, and spreading a shared
 * base object into each question was most of its time.
 */
function question(place: Place, id: string, text: string, choices: Choice[], freeText = false): Question {
  const q: Question = { id, text, choices, freeText, index: place.index, total: place.total, answered: place.answered };
  if (place.inferred.length > 0) q.inferred = place.inferred;
  return q;
}

/** The confirmation an accept resting on the user's words waits for, or null when none is needed. */
function confirmation(state: FlowState, place: Place): Question | null {
  return needsConfirm(state) ? question(place, CONFIRM_QUESTION, confirmText(state), CONFIRM_CHOICES) : null;
}

const CONFIRM_CHOICES: Choice[] = [
  { id: 'yes', label: 'Yes, accept', result: 'pass' },
  { id: 'no', label: 'No, ask me', result: 'pass' },
];

/** An accept that rests on the user's words waits for one confirmation; a decline from them may stand. */
function needsConfirm(state: FlowState): boolean {
  return !state.confirmed && state.answers.some((a) => a.inferred !== undefined);
}

function confirmText(state: FlowState): string {
  const said = state.answers.flatMap((a) => (a.inferred === undefined ? [] : [`"${a.inferred}"`]));
  return `From what you said (${said.join(', ')}), I would accept ${state.invitation.inviter ?? UNNAMED}. Accept?`;
}

/** The answers taken from the user's words, with the question each answered. */
function inferredAnswers(state: FlowState): InferredAnswer[] {
  const name = state.invitation.inviter ?? UNNAMED;
  return state.answers.flatMap((a, i) => {
    const criterion = state.criteria?.[i];
    if (a.inferred === undefined || !criterion) return [];
    const label = criterion.choices.find((c) => c.id === a.choice)?.label ?? a.choice;
    const question = fill(criterion.question, name);
    return [{ criterion: criterion.id, answer: a.choice, question, answerLabel: label, because: a.inferred }];
  });
}

function decide(state: FlowState): Decision {
  const name = state.invitation.inviter ?? UNNAMED;
  const platform = getPlatform(state.invitation.platform ?? 'other');
  const reasons: Reason[] = [];
  const spam = state.spam ? { spam: true } : {};
  for (const [i, criterion] of (state.criteria ?? []).entries()) {
    const given = state.answers[i];
    if (!given) break;
    const choice = criterion.choices.find((c) => c.id === given.choice);
    const passed = choice?.result === 'pass';
    const question = fill(criterion.question, name);
    const reason: Reason = {
      criterion: criterion.id,
      question,
      answer: given.choice,
      answerLabel: choice?.label ?? given.choice,
      passed,
    };
    if (given.inferred !== undefined) reason.inferred = given.inferred;
    reasons.push(reason);
    if (choice && choice.result !== 'pass') {
      const outcome = choice.result;
      const target = getPlatform(criterion.redirectTo ?? 'linkedin').name;
      const template = criterion.because[outcome] ?? `{name} did not meet "${criterion.question}"`;
      const said = fill(template, name).replaceAll('{target}', target);
      const source = sourceOf(criterion, platform.name);
      const explanation = source ? `${source}: ${said}` : said;
      const decision: Decision = { outcome, decidedBy: criterion.id, reasons, explanation, ...spam };
      if (outcome === 'redirect') decision.redirectTo = criterion.redirectTo ?? 'linkedin';
      return decision;
    }
  }
  const explanation =
    reasons.length === 0
      ? `You have no criteria for ${platform.name}, so ${name} is accepted.`
      : fill(`{name} meets every one of your ${platform.name} criteria.`, name);
  return { outcome: 'accept', decidedBy: null, reasons, explanation, ...spam };
}

/** The template with the name put in; a sentence that begins with "the inviter" begins with a capital. */
function fill(template: string, name: string): string {
  const text = template.replaceAll('{name}', name);
  return name === UNNAMED && template.startsWith('{name}') ? `T${text.slice(1)}` : text;
}

function fail(code: FlowErrorCode, message: string): FlowResult {
  return { ok: false, code, message };
}
