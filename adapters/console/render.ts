import type { Criterion, Outcome } from '../../src/core/criteria.js';
import type { MessageAction, OutboundMessage } from '../../src/core/message.js';
import { sourceOf } from '../../src/core/policy.js';
import { whenLabel } from '../../src/core/reminder-view.js';
import { ROLES, type RoleId } from '../../src/core/roles.js';
import { OUTCOME_LABEL, outcomeLabel, type TriageAction, type TriageScreen, triageView } from '../../src/core/view.js';
import type { HistoryItem, HistoryPage, PolicyView, TriageView } from '../../src/service/index.js';
import type { ReminderList } from '../../src/service/reminder-service.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal control characters are what this strips
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal control characters are what this strips
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Strips what a terminal would act on (escape sequences, control characters) from user text. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(ANSI, '').replace(CONTROL, ' ');
}

export function renderTriage(view: TriageView): string {
  const screen = triageView(view, { discard: true });
  const about = screen.contextLines.length ? [`  ${plain(screen.contextLines.join(' · '))}`] : [];
  about.push(...screen.notes.map((n) => `  ${plain(n)}`));
  const body = screen.question ? renderQuestion(screen) : renderDecision(screen);
  return [`[#${screen.id}] ${plain(screen.title)}`, ...about, body].join('\n');
}

function renderQuestion(screen: TriageScreen): string {
  const q = screen.question;
  if (!q) return '';
  const choices = q.choices.map((c, i) => `  ${i + 1}) ${plain(c.label)}`).join('\n');
  const hint = q.freeText ? 'Type the name, or 1 to skip.' : 'Answer with a number or the word.';
  const more = actionHints(screen);
  return `${screen.progress}: ${plain(q.text)}\n${choices}\n${hint}${more ? ` (${more}.)` : ''}`;
}

function renderDecision(screen: TriageScreen): string {
  const d = screen.decision;
  if (!d) return '';
  const reasons = d.reasons.map(
    (r) => `  - ${plain(r.question)} ${plain(r.answerLabel)}${r.passed ? '' : '  <- decided'}`,
  );
  return [
    `Decision: ${d.heading}. ${plain(d.explanation)}`,
    ...(d.click ? [plain(d.click)] : []),
    ...(reasons.length ? ['Because:', ...reasons] : []),
    ...(screen.reminder ? [`${screen.reminder} ("remind ${screen.id} in 3d" changes it.)`] : []),
    `(${actionHints(screen)}.)`,
  ].join('\n');
}

/** The actions the view model offers, as the commands that do them. */
function actionHints(screen: TriageScreen): string {
  const hints: Record<TriageAction, string> = {
    back: '"back" takes back the last answer',
    undo: '"undo" takes back the last answer',
    revise: `"revise ${screen.id}" asks again`,
    discard: `"drop ${screen.id}" discards it`,
    correct: '"correct" asks what I took from your words',
    keep: '"keep" keeps that decision',
    again: '"again" triages them again',
  };
  return screen.actions.map((a) => hints[a.id]).join(', ');
}

export function renderHistory(page: HistoryPage): string {
  if (page.total === 0) return 'No decisions yet. Paste an invitation to triage it.';
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  const more = last < page.total ? `\n(more: "history ${Math.floor(last / page.limit) + 1}")` : '';
  return `Decisions ${first}-${last} of ${page.total}:\n${page.items.map(item).join('\n')}${more}`;
}

export function renderPending(items: HistoryItem[], reminders?: ReminderList): string {
  if (items.length === 0) return 'Nothing pending.';
  const due = new Map(reminders?.items.map((r) => [r.triageId, r.sendAt]));
  const line = (i: HistoryItem) => {
    const at = due.get(i.triageId);
    const when =
      at === undefined || !reminders
        ? ''
        : ` · ${at === null ? 'no reminder' : `ask again ${whenLabel(at, reminders.timeZone)}`}`;
    return `${item(i)}${when}`;
  };
  return `Pending:\n${items.map(line).join('\n')}\n("revise <#>" decides one now.)`;
}

function item(i: HistoryItem): string {
  const when = new Date(i.at).toISOString().slice(0, 10);
  const what = outcomeLabel(i.outcome);
  return `  #${i.triageId} ${when} ${plain(i.platformName)} · ${plain(i.inviter ?? 'unknown')}: ${what}`;
}

export function renderPolicy(p: PolicyView): string {
  const lines = p.criteria.map((c, n) => {
    const from = sourceOf(c, p.platformName);
    const question = plain(c.question.replaceAll('{name}', 'them'));
    return `  ${n + 1}. [${c.id}] ${question}${failures(c)}${from ? `  <- ${from}` : ''}`;
  });
  return `${p.platformName} criteria (${p.source}):\n${lines.join('\n')}`;
}

function failures(c: Criterion): string {
  const fails = c.choices
    .filter((ch) => ch.result !== 'pass')
    .map((ch) => `${ch.label} -> ${OUTCOME_LABEL[ch.result as Outcome]}`);
  return fails.length ? `  (${fails.join('; ')})` : '';
}

/** The user's role, and how to change it. */
export function renderRole(role: RoleId | null): string {
  const list = ROLES.map((r) => `  ${r.id.padEnd(14)}${r.who} (${r.sources})`).join('\n');
  const now = role ? `Your role: ${role}.` : 'No role set: the original policy applies.';
  return `${now} "role <id>" changes it:\n${list}`;
}

export function renderMessage(m: OutboundMessage): string {
  const sections = m.sections.map((s) => [
    s.heading ? `${plain(s.heading)}:` : '',
    ...s.lines.map((l) => `  ${plain(l)}`),
  ]);
  const actions = m.actions.map((a) => `  "${actionCommand(a)}": ${plain(a.label)}`);
  return [`== ${plain(m.title)} ==`, ...sections.flat().filter(Boolean), ...actions].join('\n');
}

/** The command that does what a message's button does. */
function actionCommand(a: MessageAction): string {
  if (a.action === 'snooze') return `snooze ${a.triageId} ${a.snooze ?? 'tomorrow'}`;
  if (a.action === 'drop') return `remind ${a.triageId} off`;
  return `revise ${a.triageId}`;
}

export const HELP = `Paste an invitation (a notification or email) or describe it, e.g.
  LinkedIn request from Dana Kim, recruiter at Acme
For text over several lines, type "paste", then the text, then a line with a single "." (a whole raw
email, headers and all, is decoded). Drag an .eml, .txt or screenshot file onto this window, or type:
  file <path>           an email (.eml), .txt or screenshot   image <path>   a screenshot (PNG, JPEG, WebP)
Commands:
  history [page]        your decisions            pending          deferred and unfinished
  back, undo            take back the last answer revise <#>       ask a triage's questions again
  drop <#>              discard a triage: not an invitation, or a mistake
  correct               ask what I took from your words             keep, again   on a repeat: keep or triage again
  role [id]             your work: general, clinician, therapist, teacher, client-facing
  fix platform <name>   correct the network       fix inviter <n>  correct the name
  policy [platform]     show criteria             policy <platform> set <id>, <id>, "Your own question?"
  policy <platform> reset
  export csv|json [file]  csv: your decisions; json: everything held about you
  forget                delete all your data      help, quit`;
