import type { Outcome } from '../../src/core/criteria.js';
import type { MessageAction, OutboundMessage } from '../../src/core/message.js';
import {
  type ScreenDecision,
  type ScreenQuestion,
  type TriageAction,
  type TriageScreen,
  triageView,
} from '../../src/core/view.js';
import type { TriageView } from '../../src/service/index.js';
import {
  type AnyBlock,
  actions,
  capBlocks,
  context,
  header,
  type KnownBlock,
  LIMITS,
  option,
  plain,
  section,
  userSection,
} from './blocks.js';
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
  back: 'triage_back',
  resume: 'triage_resume',
  reviseNew: 'triage_revise_new',
  discard: 'triage_discard',
  /** The answer chosen from a menu, for a question with more choices than fit as buttons. */
  answerMenu: 'triage_answer_menu',
  correct: 'triage_correct',
  keep: 'triage_keep',
  again: 'triage_again',
} as const;

/** Up to this many choices show as buttons; more go in one menu (Slack takes 25 buttons a block, 100 options). */
export const MAX_BUTTONS = 7;

const EMOJI: Record<Outcome, string> = {
  accept: ':white_check_mark:',
  decline: ':x:',
  defer: ':hourglass_flowing_sand:',
  redirect: ':arrow_right:',
};

/** The button each view-model action is. */
const ACTION_ID: Record<TriageAction, string | null> = {
  back: ACTION.back,
  undo: ACTION.undo,
  revise: ACTION.revise,
  discard: ACTION.discard,
  correct: ACTION.correct,
  keep: ACTION.keep,
  again: ACTION.again,
};

/** The triage card: who invited on which network, then the next question or the decision. */
export function renderTriage(view: TriageView, notes: string[] = []): SlackMessage {
  const screen = triageView(view, { discard: true });
  const blocks: AnyBlock[] = [section(`*${safeMrkdwn(screen.title, 300)}*`, `triage_${view.id}`)];
  if (screen.contextLines.length) blocks.push(context(safeMrkdwn(screen.contextLines.join(' · '), 500)));
  for (const note of [...screen.notes, ...notes]) blocks.push(context(`_${escapeMrkdwn(note)}_`));
  if (screen.question) blocks.push(...questionBlocks(screen, screen.question));
  if (screen.decision) blocks.push(...decisionBlocks(screen.decision));
  if (screen.reminder) blocks.push(context(`:alarm_clock: ${escapeMrkdwn(screen.reminder)}`));
  const buttons = screen.actions.flatMap((a) => {
    const actionId = ACTION_ID[a.id];
    return actionId ? [{ text: a.label, actionId, value: encodeVersion(view) }] : [];
  });
  if (buttons.length) blocks.push(actions(buttons, `${screen.question ? 'nav' : 'decided'}_${view.id}`));
  const summary = screen.question?.text ?? screen.decision?.explanation ?? screen.title;
  return { text: truncate(escapeMrkdwn(summary), LIMITS.fallbackText), blocks };
}

function questionBlocks(screen: TriageScreen, q: ScreenQuestion): AnyBlock[] {
  const triageId = screen.id;
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
  const value = (choice: string) => encodeAnswer({ triageId, questionId: q.id, choice });
  if (q.choices.length > MAX_BUTTONS) {
    blocks.push({
      type: 'actions',
      block_id: `answers_${triageId}`,
      elements: [
        {
          type: 'static_select',
          action_id: ACTION.answerMenu,
          placeholder: plain('Choose…', 150),
          options: q.choices.slice(0, LIMITS.options).map((c) => option(c.label, value(c.id))),
        },
      ],
    });
  } else {
    const buttons = q.choices.map((c, i) => ({ text: c.label, actionId: `${ACTION.answer}_${i}`, value: value(c.id) }));
    blocks.push(actions(buttons, `answers_${triageId}`));
  }
  if (screen.progress) blocks.push(context(screen.progress));
  return blocks;
}

function decisionBlocks(d: ScreenDecision): AnyBlock[] {
  const head = `${EMOJI[d.outcome]} *${escapeMrkdwn(d.heading)}*`;
  const click = d.click ? `\n${safeMrkdwn(d.click, 500)}` : '';
  const blocks: AnyBlock[] = [section(`${head}\n${safeMrkdwn(d.explanation, 2000)}${click}`)];
  if (d.reasons.length > 0) {
    const lines = d.reasons.map((r) => {
      const mark = r.passed ? ':heavy_check_mark:' : ':heavy_multiplication_x:';
      return `${mark} ${safeMrkdwn(r.question, 300)} — ${safeMrkdwn(r.answerLabel, 75)}`;
    });
    blocks.push(section(`*Why*\n${lines.join('\n')}`));
  }
  return blocks;
}

/** A plain notice (errors, confirmations), escaped. */
export function renderNotice(message: string): SlackMessage {
  return { text: truncate(escapeMrkdwn(message), LIMITS.fallbackText), blocks: [userSection(message)] };
}

/** A reminder's Snooze and Drop buttons have handlers of their own (handlers/reminders.ts). */
export const OUTBOUND_ACTION: Record<MessageAction['action'], string> = {
  revise: ACTION.reviseNew,
  snooze: 'reminder_snooze',
  drop: 'reminder_drop',
};

/** Renders an outbound message (the digest) as Block Kit; each action becomes a button that reopens that triage. */
export function renderOutbound(m: OutboundMessage): SlackMessage {
  const blocks: AnyBlock[] = [header(m.title)];
  for (const s of m.sections) {
    const heading = s.heading ? `*${safeMrkdwn(s.heading, 150)}*\n` : '';
    const body = s.lines.map((l) => safeMrkdwn(l, 500)).join('\n');
    blocks.push(section(`${heading}${body}`));
  }
  for (let i = 0; i < m.actions.length; i += 5) {
    const row = m.actions.slice(i, i + 5).map((a, j) => ({
      text: a.label,
      actionId: `${OUTBOUND_ACTION[a.action]}_${i + j}`,
      value: a.action === 'snooze' ? `${a.triageId}:${a.snooze ?? 'tomorrow'}` : String(a.triageId),
    }));
    blocks.push(actions(row));
  }
  return { text: truncate(safeMrkdwn(m.summary, 3000), 3000), blocks: capBlocks(blocks) };
}
