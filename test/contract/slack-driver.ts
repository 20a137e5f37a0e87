import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { blocksOf, type SlackHarness, startSlackHarness } from '../helpers/slack-harness.js';
import type { Actor } from '../helpers/slack-payloads.js';
import { type ChatDriver, pendingOf, type SeenTriage } from './driver.js';

interface Element {
  type: string;
  action_id: string;
  value?: string;
}
interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: (Element & { text?: string | { text: string } })[];
  element?: Element;
}

const textOf = (b: Block | undefined) =>
  b?.text?.text ?? b?.elements?.map((e) => (typeof e.text === 'string' ? e.text : '')).join(' ') ?? '';

/** The triage card as the user reads it: title section, context line, progress, decision and buttons. */
function seenOn(card: RecordedCall): SeenTriage {
  const blocks = blocksOf(card) as unknown as Block[];
  const titleAt = blocks.findIndex((b) => b.type === 'section' && b.block_id?.startsWith('triage_'));
  const title = textOf(blocks[titleAt]).replace(/^\*(.*)\*$/, '$1');
  const below = blocks[titleAt + 1];
  const context = below?.type === 'context' && !/^_/.test(textOf(below)) ? textOf(below) : null;
  const progress = blocks.map(textOf).find((t) => /^Question \d+ of up to \d+$/.test(t)) ?? null;
  const outcome = blocks.map((b) => /^:[a-z_]+: \*(.*?)\*\n/.exec(textOf(b))?.[1]).find(Boolean) ?? null;
  const row = blocks.find((b) => b.type === 'actions' && /^(nav|decided)_/.test(b.block_id ?? ''));
  // The shared contract covers Back, Undo and Revise; Discard is Slack's own test's (test/slack/discard.test.ts).
  const actions = (row?.elements ?? [])
    .map((e) => (typeof e.text === 'object' ? e.text.text : '').toLowerCase())
    .filter((a) => a !== 'discard');
  return { title, context, progress, outcome, actions };
}

const actorOf = (user: string): Actor => ({
  userId: `U0CT${user.toUpperCase()}`,
  teamId: 'T0001',
  enterpriseId: 'E0001',
});

/** The answer buttons on a card, with the [triageId, questionId, choice] their values carry. */
function answerButtons(card: RecordedCall) {
  const blocks = blocksOf(card) as unknown as Block[];
  const row = blocks.find((b) => b.type === 'actions' && b.block_id?.startsWith('answers_'));
  return (row?.elements ?? []).map((e) => {
    const [, questionId = '', choice = ''] = JSON.parse(e.value ?? '[]') as [number, string, string];
    return { block_id: row?.block_id, action_id: e.action_id, value: e.value, questionId, choice };
  });
}

/** The Slack adapter as a real Bolt app on loopback: `/triage <text>`, then clicks on the ephemeral card. */
export function slackDriver(): ChatDriver {
  let h: SlackHarness;
  let violations: string[] = [];
  const shownTo = new Map<string, RecordedCall>();
  const cardOf = (user: string) => {
    const card = shownTo.get(user);
    if (!card) throw new Error(`nothing was shown to ${user}`);
    return card;
  };
  // Each click lands on the ephemeral card the last reply showed; Slack gives every interaction a fresh response_url.
  const ephemeral = () => ({ kind: 'ephemeral' as const, responseUrl: h.fake.responseUrl() });
  return {
    name: 'slack',
    async start() {
      h = await startSlackHarness();
    },
    async stop() {
      violations = h.violations();
      await h.close();
      if (violations.length > 0) throw new Error(`Block Kit limits broken: ${violations.join('; ')}`);
    },
    async sendInvitation(user, text) {
      shownTo.set(user, await h.command(text, actorOf(user)));
    },
    async offered(user) {
      const offered = answerButtons(cardOf(user));
      if (offered.length === 0) return null;
      return { questionId: offered[0]?.questionId ?? '', choices: offered.map((b) => b.choice) };
    },
    async answer(user, choiceId, text) {
      const card = cardOf(user);
      const input = (blocksOf(card) as unknown as Block[]).find((b) => b.type === 'input');
      if (text !== undefined && input) {
        // The name box dispatches on Enter: Slack sends what was typed as a plain_text_input action.
        const typed = {
          action_id: input.element?.action_id ?? '',
          type: 'plain_text_input',
          block_id: input.block_id,
          value: text,
        };
        shownTo.set(user, await h.act(typed, ephemeral(), actorOf(user)));
        return;
      }
      const button = answerButtons(card).find((b) => b.choice === choiceId);
      if (!button) throw new Error(`choice ${choiceId} is not offered`);
      const { block_id, action_id, value } = button;
      shownTo.set(user, await h.act({ block_id, action_id, value }, ephemeral(), actorOf(user)));
    },
    seen: async (user) => seenOn(cardOf(user)),
    async back(user) {
      const blocks = blocksOf(cardOf(user)) as unknown as Block[];
      const row = blocks.find((b) => b.type === 'actions' && b.block_id?.startsWith('nav_'));
      const back = row?.elements?.find((e) => typeof e.text === 'object' && e.text.text === 'Back');
      if (!row || !back) throw new Error('no Back button on the card');
      const { action_id, value } = back;
      shownTo.set(user, await h.act({ block_id: row.block_id, action_id, value }, ephemeral(), actorOf(user)));
    },
    async decision(user) {
      const item = (await h.service.records.history(h.userRef(actorOf(user)), { limit: 1 })).items[0];
      return item ? { outcome: item.outcome, decidedBy: item.decidedBy, platform: item.platform } : null;
    },
    pending: async (user) => (await h.service.records.pending(h.userRef(actorOf(user)))).map(pendingOf),
  };
}
