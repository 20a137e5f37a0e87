import type { Decision, Question } from '../../src/core/flow.js';
import { getPlatform } from '../../src/core/platforms.js';
import type { TriageView } from '../../src/service/index.js';
import { type AnyBlock, actions, context, type KnownBlock, LIMITS, section, userSection } from './blocks.js';
import { escapeMrkdwn, safeMrkdwn, truncate } from './escape.js';
import { encodeAnswer, encodeVersion } from './to-core.js';

/** A message as chat.postMessage, respond() and chat.update take it. */
export interface SlackMessage {
  text: string;
  blocks: AnyBlock[];
}

export const ACTION = {
  answer: 'triage_answer',
  inviter: 'triage_inviter',
  revise: 'triage_revise',
  undo: 'triage_undo',
  resume: 'triage_resume',
  reviseNew: 'triage_revise_new',
} as const;

const OUTCOME: Record<Decision['outcome'], string> = {
  accept: ':white_check_mark: *Accept*',
  decline: ':x: *Decline*',
  defer: ':hourglass_flowing_sand: *Decide later*',
  redirect: ':arrow_right: *Redirect*',
};

/** The triage card: who invited on which network, then the next question or the decision. */
export function renderTriage(view: TriageView, notes: string[] = []): SlackMessage {
  const who = view.inviter ? `*${safeMrkdwn(view.inviter, 200)}*` : 'someone';
  const where = view.platformName ? `${escapeMrkdwn(view.platformName)} invitation` : 'Invitation';
  const blocks: AnyBlock[] = [section(`${where} from ${who}`, `triage_${view.id}`)];
  const about = describeContext(view);
  if (about) blocks.push(context(about));
  for (const note of notes) blocks.push(context(`_${escapeMrkdwn(note)}_`));
  const step = view.step;
  if (step.kind === 'question') blocks.push(...questionBlocks(view.id, step.question));
  else blocks.push(...decisionBlocks(view.id, step.decision, encodeVersion(view)));
  const summary = step.kind === 'question' ? step.question.text : step.decision.explanation;
  return { text: truncate(escapeMrkdwn(summary), LIMITS.fallbackText), blocks };
}

function questionBlocks(triageId: number, q: Question): AnyBlock[] {
  const blocks: AnyBlock[] = [userSection(q.text, `q_${triageId}_${q.id}`.slice(0, 255))];
  if (q.freeText) {
    const input: KnownBlock = {
      type: 'input',
      block_id: `inviter_${triageId}`,
      dispatch_action: true,
      label: { type: 'plain_text', text: 'Name' },
      element: {
        type: 'plain_text_input',
        action_id: ACTION.inviter,
        max_length: 80,
        placeholder: { type: 'plain_text', text: 'Their name, then press Enter' },
      },
    };
    blocks.push(input);
  }
  const buttons = q.choices.map((c, i) => ({
    text: c.label,
    actionId: `${ACTION.answer}_${i}`,
    value: encodeAnswer({ triageId, questionId: q.id, choice: c.id }),
  }));
  blocks.push(actions(buttons, `answers_${triageId}`));
  blocks.push(context(`Question ${q.index} of up to ${q.total}`));
  return blocks;
}

function decisionBlocks(triageId: number, d: Decision, version: string): AnyBlock[] {
  const target = d.redirectTo ? ` to ${escapeMrkdwn(getPlatform(d.redirectTo).name)}` : '';
  const blocks: AnyBlock[] = [section(`${OUTCOME[d.outcome]}${target}\n${safeMrkdwn(d.explanation, 2000)}`)];
  if (d.reasons.length > 0) {
    const lines = d.reasons.map((r) => {
      const mark = r.passed ? ':heavy_check_mark:' : ':heavy_multiplication_x:';
      return `${mark} ${safeMrkdwn(r.question, 300)} — ${safeMrkdwn(r.answerLabel, 75)}`;
    });
    blocks.push(section(`*Why*\n${lines.join('\n')}`));
  }
  blocks.push(
    actions(
      [
        { text: 'Revise', actionId: ACTION.revise, value: version },
        { text: 'Undo last answer', actionId: ACTION.undo, value: version },
      ],
      `decided_${triageId}`,
    ),
  );
  return blocks;
}

function describeContext(view: TriageView): string | null {
  const c = view.context;
  const parts = [
    c.headline,
    c.company,
    c.mutuals ? `${c.mutuals} mutual` : undefined,
    c.relation ? `you know them as: ${c.relation}` : undefined,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? safeMrkdwn(parts.join(' · '), 500) : null;
}

/** A plain notice (errors, confirmations), escaped. */
export function renderNotice(message: string): SlackMessage {
  return { text: truncate(escapeMrkdwn(message), LIMITS.fallbackText), blocks: [userSection(message)] };
}
