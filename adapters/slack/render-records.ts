import { sourceOf } from '../../src/core/policy.js';
import { outcomeLabel } from '../../src/core/view.js';
import type { HistoryItem, HistoryPage, PolicyView } from '../../src/service/index.js';
import { type AnyBlock, actions, type ButtonSpec, capBlocks, context, header, section } from './blocks.js';
import { escapeMrkdwn, safeMrkdwn } from './escape.js';
import { ACTION, type SlackMessage } from './render.js';

export const RECORD_ACTION = {
  page: 'history_page',
  editPolicy: 'policy_edit',
  forgetYes: 'forget_confirm',
  forgetNo: 'forget_cancel',
} as const;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One line per item: date, network, inviter, outcome and why. */
export function itemLine(i: HistoryItem): string {
  const who = i.inviter ? safeMrkdwn(i.inviter, 80) : 'someone';
  const outcome = outcomeLabel(i.outcome);
  const why = i.explanation ? `\n${safeMrkdwn(i.explanation, 400)}` : '';
  return `*${outcome}* · ${escapeMrkdwn(i.platformName)} · ${who} · ${day(i.at)}${why}`;
}

/** A page of decisions with Previous / Next buttons; a page never exceeds Slack's block limit. */
export function renderHistory(page: HistoryPage): SlackMessage {
  if (page.total === 0)
    return { text: 'No decisions yet.', blocks: [section('No decisions yet. Try `/triage <invitation>`.')] };
  const last = Math.min(page.offset + page.items.length, page.total);
  const blocks: AnyBlock[] = [header('Your decisions'), context(`${page.offset + 1}–${last} of ${page.total}`)];
  for (const item of page.items) blocks.push(section(itemLine(item)));
  const nav: ButtonSpec[] = [];
  if (page.offset > 0)
    nav.push({
      text: 'Previous',
      actionId: `${RECORD_ACTION.page}_prev`,
      value: String(Math.max(0, page.offset - page.limit)),
    });
  if (last < page.total) nav.push({ text: 'Next', actionId: `${RECORD_ACTION.page}_next`, value: String(last) });
  if (nav.length) blocks.push(actions(nav, 'history_nav'));
  return { text: `Your decisions ${page.offset + 1}–${last} of ${page.total}`, blocks: capBlocks(blocks) };
}

/** What is still waiting: deferred decisions to revisit and triages left half-answered. */
export function renderPending(items: HistoryItem[], max = 20): SlackMessage {
  if (items.length === 0) return { text: 'Nothing pending.', blocks: [section('Nothing pending. :tada:')] };
  const blocks: AnyBlock[] = [header('Waiting on you')];
  for (const item of items.slice(0, max)) blocks.push(...pendingItem(item));
  if (items.length > max) blocks.push(context(`${items.length - max} more not shown.`));
  return { text: `${items.length} invitations waiting on you`, blocks: capBlocks(blocks) };
}

export function pendingItem(item: HistoryItem): AnyBlock[] {
  const open = item.outcome === null;
  const button = open
    ? { text: 'Continue', actionId: `${ACTION.resume}`, value: String(item.triageId) }
    : { text: 'Decide now', actionId: `${ACTION.reviseNew}`, value: String(item.triageId) };
  return [section(itemLine(item)), actions([button], `pending_${item.triageId}`)];
}

/** The criteria that apply to a platform, with where they come from and an Edit button. */
export function renderPolicy(policy: PolicyView, note?: string): SlackMessage {
  const lines = policy.criteria.map((c, n) => {
    const from = sourceOf(c, policy.platformName);
    return `${n + 1}. ${safeMrkdwn(c.question.replaceAll('{name}', 'them'), 300)}${from ? ` _(${escapeMrkdwn(from)})_` : ''}`;
  });
  const source = {
    'built-in': 'the built-in policy',
    role: "your role's policy",
    team: "your team's policy",
    user: 'your own policy',
  }[policy.source];
  const blocks: AnyBlock[] = [
    section(
      `*${escapeMrkdwn(policy.platformName)}*: ${source}\n${lines.join('\n') || 'No questions: every invitation is accepted.'}`,
    ),
    actions([
      { text: `Edit ${policy.platformName} policy`, actionId: RECORD_ACTION.editPolicy, value: policy.platform },
    ]),
  ];
  if (note) blocks.unshift(context(escapeMrkdwn(note)));
  return { text: `${policy.platformName} policy`, blocks };
}

export function renderForgetConfirm(): SlackMessage {
  return {
    text: 'Delete everything?',
    blocks: [
      section(
        ':warning: This deletes every invitation, answer, decision, policy and setting I keep for you. It cannot be undone.',
      ),
      actions(
        [
          { text: 'Delete everything', actionId: RECORD_ACTION.forgetYes, value: 'yes', style: 'danger' },
          { text: 'Cancel', actionId: RECORD_ACTION.forgetNo, value: 'no' },
        ],
        'forget',
      ),
    ],
  };
}
