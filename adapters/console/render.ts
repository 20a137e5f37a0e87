import type { Criterion } from '../../src/core/criteria.js';
import type { Decision, Question } from '../../src/core/flow.js';
import type { OutboundMessage } from '../../src/core/message.js';
import type { HistoryItem, HistoryPage, PolicyView, TriageView } from '../../src/service/index.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal control characters are what this strips
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal control characters are what this strips
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Strips what a terminal would act on (escape sequences, control characters) from user text. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(ANSI, '').replace(CONTROL, ' ');
}

export function renderTriage(view: TriageView): string {
  const who = `${plain(view.platformName ?? 'Unknown network')} · ${plain(view.inviter ?? 'unknown inviter')}`;
  const step = view.step;
  const body = step.kind === 'question' ? renderQuestion(step.question) : renderDecision(step.decision, view.id);
  return `[#${view.id} ${who}]\n${body}`;
}

export function renderQuestion(q: Question): string {
  const choices = q.choices.map((c, i) => `  ${i + 1}) ${c.label}`).join('\n');
  const hint = q.freeText ? '\nType the name, or 1 to skip.' : '\nAnswer with a number or the word.';
  return `Question ${q.index} of ${q.total}: ${plain(q.text)}\n${choices}${hint}`;
}

export function renderDecision(d: Decision, triageId: number): string {
  const reasons = d.reasons.map((r) => `  - ${plain(r.question)} ${r.answerLabel}${r.passed ? '' : '  <- decided'}`);
  return [
    `Decision: ${d.outcome.toUpperCase()}. ${plain(d.explanation)}`,
    ...(reasons.length ? ['Because:', ...reasons] : []),
    `("undo" takes back the last answer, "revise ${triageId}" asks again.)`,
  ].join('\n');
}

export function renderHistory(page: HistoryPage): string {
  if (page.total === 0) return 'No decisions yet. Paste an invitation to triage it.';
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  const more = last < page.total ? `\n(more: "history ${Math.floor(last / page.limit) + 1}")` : '';
  return `Decisions ${first}-${last} of ${page.total}:\n${page.items.map(item).join('\n')}${more}`;
}

export function renderPending(items: HistoryItem[]): string {
  if (items.length === 0) return 'Nothing pending.';
  return `Pending:\n${items.map(item).join('\n')}\n("revise <#>" decides one now.)`;
}

function item(i: HistoryItem): string {
  const when = new Date(i.at).toISOString().slice(0, 10);
  const what = i.outcome ? i.outcome.toUpperCase() : 'OPEN';
  return `  #${i.triageId} ${when} ${plain(i.platformName)} · ${plain(i.inviter ?? 'unknown')}: ${what}`;
}

export function renderPolicy(p: PolicyView): string {
  const lines = p.criteria.map(
    (c, n) => `  ${n + 1}. [${c.id}] ${plain(c.question.replaceAll('{name}', 'them'))}${failures(c)}`,
  );
  return `${p.platformName} criteria (${p.source}):\n${lines.join('\n')}`;
}

function failures(c: Criterion): string {
  const fails = c.choices.filter((ch) => ch.result !== 'pass').map((ch) => `${ch.label} -> ${ch.result}`);
  return fails.length ? `  (${fails.join('; ')})` : '';
}

export function renderMessage(m: OutboundMessage): string {
  const sections = m.sections.map((s) => [
    s.heading ? `${plain(s.heading)}:` : '',
    ...s.lines.map((l) => `  ${plain(l)}`),
  ]);
  const actions = m.actions.map((a) => `  "revise ${a.triageId}": ${plain(a.label)}`);
  return [`== ${plain(m.title)} ==`, ...sections.flat().filter(Boolean), ...actions].join('\n');
}

export const HELP = `Paste an invitation (a notification or email) or describe it, e.g.
  LinkedIn request from Dana Kim, recruiter at Acme
For text over several lines, type "paste", then the text, then a line with a single ".".
Commands:
  history [page]        your decisions            pending          deferred and unfinished
  undo                  take back the last answer revise <#>       ask a triage's questions again
  fix platform <name>   correct the network       fix inviter <n>  correct the name
  policy [platform]     show criteria             policy <platform> set <id>, <id>, "Your own question?"
  policy <platform> reset                         export csv|json [file]
  forget                delete all your data      help, quit`;
