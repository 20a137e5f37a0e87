import type { Logger } from '../../src/core/logger.js';
import type { DigestTag, Notifier } from '../../src/core/message.js';
import type { UserRef } from '../../src/core/user.js';
import { renderOutbound } from './render.js';
import { openDm } from './reply.js';
import type { WebClient } from './web.js';

/** Finds the bot token for a user's workspace: the single token, or the OAuth installation's. */
export type TokenFor = (user: UserRef) => Promise<string | undefined>;

/** The message metadata event type a scheduled digest carries; its payload names the week. */
export const DIGEST_EVENT = 'invite_triage_digest';

/** How far back in the DM to look for an earlier send: the digest goes out hours, not days, before a takeover. */
const HISTORY_LIMIT = 200;

/** Delivers to the user's DM with the app; rejects on failure so the digest can retry. */
export function slackNotifier(client: WebClient, tokenFor: TokenFor, log: Logger): Notifier {
  const slackUser = (user: UserRef) => {
    if (user.provider !== 'slack') throw new Error(`The Slack notifier cannot reach a ${user.provider} user.`);
  };
  /** Never a call without a token: the app was uninstalled from that workspace, or its token revoked. */
  const tokenOf = async (user: UserRef): Promise<string> => {
    const token = await tokenFor(user);
    if (!token) throw new Error('No Slack token for this workspace: the app was uninstalled or its token revoked.');
    return token;
  };
  return {
    provider: 'slack',
    async send(user, message, tag) {
      slackUser(user);
      const token = await tokenOf(user);
      const channel = await openDm(client, user.userId, token);
      const msg = renderOutbound(message);
      const metadata = tag ? { metadata: { event_type: DIGEST_EVENT, event_payload: { week: tag.week } } } : {};
      await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, ...metadata, token });
      log.debug('slack message delivered', { workspace: user.workspace });
    },
    async delivered(user, tag) {
      slackUser(user);
      const token = await tokenOf(user);
      const channel = await openDm(client, user.userId, token);
      const res = await client.conversations.history({
        channel,
        limit: HISTORY_LIMIT,
        include_all_metadata: true,
        token,
      });
      return (res.messages ?? []).some((m) => isDigestOf(m.metadata, tag));
    },
  };
}

function isDigestOf(metadata: { event_type?: string; event_payload?: unknown } | undefined, tag: DigestTag): boolean {
  if (metadata?.event_type !== DIGEST_EVENT) return false;
  const payload = metadata.event_payload as { week?: unknown } | undefined;
  return payload?.week === tag.week;
}
