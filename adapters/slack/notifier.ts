import type { Logger } from '../../src/core/logger.js';
import type { Notifier, OutboundMessage } from '../../src/core/message.js';
import type { UserRef } from '../../src/core/user.js';
import { type AnyBlock, actions, capBlocks, header, section } from './blocks.js';
import { safeMrkdwn, truncate } from './escape.js';
import { ACTION, type SlackMessage } from './render.js';
import { postToDm } from './reply.js';
import type { WebClient } from './web.js';

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
      actionId: `${ACTION.reviseNew}_${i + j}`,
      value: String(a.triageId),
    }));
    blocks.push(actions(row));
  }
  return { text: truncate(safeMrkdwn(m.summary, 3000), 3000), blocks: capBlocks(blocks) };
}

/** Finds the bot token for a user's workspace: the single token, or the OAuth installation's. */
export type TokenFor = (user: UserRef) => Promise<string | undefined>;

/** Delivers to the user's DM with the app; rejects on failure so the digest can retry. */
export function slackNotifier(client: WebClient, tokenFor: TokenFor, log: Logger): Notifier {
  return {
    provider: 'slack',
    async send(user, message) {
      if (user.provider !== 'slack') throw new Error(`The Slack notifier cannot reach a ${user.provider} user.`);
      const token = await tokenFor(user);
      await postToDm(client, user.userId, renderOutbound(message), token);
      log.debug('slack message delivered', { workspace: user.workspace });
    },
  };
}
