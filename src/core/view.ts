import type { Outcome } from './criteria.js';
import type { InferredAnswer, Step } from './flow.js';
import type { InviterContext } from './invitation.js';
import { clicksOf, getPlatform, type PlatformId } from './platforms.js';
import { reminderLine } from './reminder-view.js';

/** The one name of each outcome, on every surface. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  accept: 'Accept',
  decline: 'Decline',
  defer: 'Defer',
  redirect: 'Redirect',
};

/** What the user can do to a triage besides answering; each maps to one service operation. */
export type TriageAction = 'back' | 'undo' | 'revise' | 'discard' | 'correct' | 'keep' | 'again';

export const ACTION_LABEL: Record<TriageAction, string> = {
  back: 'Back',
  undo: 'Undo',
  revise: 'Revise',
  discard: 'Discard',
  // Drops the answers taken from the user's words and asks those questions.
  correct: 'Not what I meant',
  // On a repeat: keep the earlier decision, or triage the person again.
  keep: 'Keep it',
  again: 'Triage again',
};

/** The parts of a triage a surface shows; the service's TriageView has them all. */
export interface TriageViewInput {
  id: number;
  platformName: string | null;
  inviter: string | null;
  context: InviterContext;
  step: Step;
  /** A deferral's planned reminder: the card says when it will ask again. */
  reminder?: { sendAt: number | null; timeZone: string } | null;
  platform?: PlatformId | null;
  /** Set when this is an earlier triage of the same person, shown instead of a new one. */
  repeat?: { outcome: Outcome; decidedAt: number };
}

/** Which optional operations the service offers; an action appears only when its operation exists. */
export interface ViewSupport {
  discard?: boolean;
}

export interface ScreenQuestion {
  id: string;
  text: string;
  /** The inviter question takes a typed name; its one choice is Skip. */
  freeText: boolean;
  choices: { id: string; label: string }[];
}

export interface ScreenReason {
  question: string;
  answerLabel: string;
  /** False for the answer that decided. */
  passed: boolean;
}

export interface ScreenDecision {
  outcome: Outcome;
  label: string;
  /** The label with where a redirect points: "Redirect to LinkedIn". */
  heading: string;
  explanation: string;
  reasons: ScreenReason[];
  /** What to click on the network, in its words: "What to click on LinkedIn: Ignore (the sender is not told)." */
  click: string | null;
}

/**
 * A triage as every surface shows it. Text here is the user's own, unescaped: each renderer escapes it for
 * its medium (mrkdwn, Discord markdown, a terminal) and only lays these parts out.
 */
export interface TriageScreen {
  id: number;
  title: string;
  /** What is known of the inviter: headline, company, mutual connections, how the user knows them. */
  contextLines: string[];
  /** Answers taken from the user's words ("You said: my patient …"), and a repeat's earlier decision. */
  notes: string[];
  /** "Question 1 of up to 3", while a question is open. */
  progress: string | null;
  question: ScreenQuestion | null;
  decision: ScreenDecision | null;
  actions: { id: TriageAction; label: string }[];
  /** "I'll ask again Fri 7 Mar, 17:00.", on a deferral's card. */
  reminder: string | null;
}

export function triageView(view: TriageViewInput, support: ViewSupport = {}): TriageScreen {
  const step = view.step;
  const where = view.platformName ? `${view.platformName} invitation` : 'Invitation';
  const screen: TriageScreen = {
    id: view.id,
    title: `${where} from ${view.inviter ?? 'someone'}`,
    contextLines: contextLines(view.context),
    notes: [],
    progress: null,
    question: null,
    decision: null,
    actions: [],
    reminder: null,
  };
  const actions: TriageAction[] = [];
  if (step.kind === 'question') {
    const q = step.question;
    screen.progress = `Question ${q.index} of up to ${q.total}`;
    screen.question = {
      id: q.id,
      text: q.text,
      freeText: q.freeText,
      choices: q.choices.map((c) => ({ id: c.id, label: c.label })),
    };
    screen.notes = saidNotes(q.inferred ?? []);
    // Back takes back a criterion answer; the network and name questions come before any.
    if (q.answered > 0) actions.push('back');
    if (q.inferred?.length) actions.push('correct');
  } else {
    const d = step.decision;
    const label = OUTCOME_LABEL[d.outcome];
    const target = d.redirectTo ? ` to ${getPlatform(d.redirectTo).name}` : '';
    screen.decision = {
      outcome: d.outcome,
      label,
      heading: `${label}${target}`,
      explanation: d.explanation,
      reasons: d.reasons.map((r) => ({ question: r.question, answerLabel: r.answerLabel, passed: r.passed })),
      click: view.platform ? clickLine(view.platform, d.outcome, d.spam === true, d.redirectTo) : null,
    };
    const said = d.reasons.flatMap((r) =>
      r.inferred === undefined
        ? []
        : [
            {
              criterion: r.criterion,
              answer: r.answer,
              question: r.question,
              answerLabel: r.answerLabel,
              because: r.inferred,
            },
          ],
    );
    screen.notes = saidNotes(said);
    actions.push('revise');
    if (d.reasons.length > 0) actions.push('undo');
    if (d.outcome === 'defer' && view.reminder) {
      screen.reminder = reminderLine({ sendAt: view.reminder.sendAt, dueAt: 0 }, view.reminder.timeZone);
    }
    if (said.length > 0) actions.push('correct');
  }
  if (view.repeat) {
    // A repeat shows the earlier decision and asks what to do with the new invitation: nothing else applies.
    const when = new Date(view.repeat.decidedAt).toISOString().slice(0, 10);
    const name = view.inviter ?? 'the inviter';
    const where = view.platformName ?? 'this network';
    screen.notes = [`You triaged ${name} on ${where} before: ${OUTCOME_LABEL[view.repeat.outcome]}, on ${when}.`];
    actions.splice(0, actions.length, 'keep', 'again');
  } else if (support.discard) actions.push('discard');
  screen.actions = actions.map((id) => ({ id, label: ACTION_LABEL[id] }));
  return screen;
}

function saidNotes(said: readonly InferredAnswer[]): string[] {
  return said.map((s) => `You said: ${s.because} (so "${s.answerLabel}" to: ${s.question})`);
}

/** The decision as the network's buttons say it. */
export function clickLine(platform: PlatformId, outcome: Outcome, spam: boolean, redirectTo?: PlatformId): string {
  const words = clicksOf(platform);
  const name = getPlatform(platform).name;
  const what: Record<Outcome, string> = {
    accept: words.accept,
    decline: words.declineNote ? `${words.decline} (${words.declineNote})` : words.decline,
    defer: words.wait,
    redirect: `${words.decline}, then connect on ${getPlatform(redirectTo ?? 'linkedin').name}`,
  };
  const line = `What to click on ${name}: ${what[outcome]}.`;
  return spam && outcome !== 'accept' ? `${line} It looks like spam: ${words.report}.` : line;
}

function contextLines(c: InviterContext): string[] {
  const lines: (string | undefined)[] = [
    c.headline,
    c.company,
    c.mutuals ? `${c.mutuals} mutual connection${c.mutuals === 1 ? '' : 's'}` : undefined,
    c.relation ? `You know them as: ${c.relation}` : undefined,
  ];
  return lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');
}

/** An outcome's label, or "Open" for a triage still waiting on an answer: for lists and history. */
export function outcomeLabel(outcome: Outcome | null): string {
  return outcome ? OUTCOME_LABEL[outcome] : 'Open';
}
