import type { Logger } from '../../src/core/logger.js';
import type { Notifier, OutboundTag } from '../../src/core/message.js';
import type { UserRef } from '../../src/core/user.js';
import { renderOutbound } from './render.js';
import { openDm } from './reply.js';
import type { WebClient } from './web.js';

/** Finds the bot token for a user's workspace: the single token, or the OAuth installation's. */
export type TokenFor = (user: UserRef) => Promise<string | undefined>;

/** The message metadata event type a scheduled digest carries; its payload names the week. */
export const DIGEST_EVENT = 'invite_triage_digest';

/** The event type a scheduled reminder message carries; its payload lists its reminders' keys, space-separated. */
export const REMINDER_EVENT = 'invite_triage_reminder';

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
      const metadata = tag ? { metadata: metadataOf(tag) } : {};
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
      return isIn(
        (res.messages ?? []).map((m) => m.metadata),
        tag,
      );
    },
  };
}

type Metadata = { event_type?: string; event_payload?: unknown } | undefined;

// Payload values are strings: Slack's metadata takes no arrays of plain values.
function metadataOf(tag: OutboundTag): { event_type: string; event_payload: Record<string, string> } {
  if ('week' in tag) return { event_type: DIGEST_EVENT, event_payload: { week: tag.week } };
  return { event_type: REMINDER_EVENT, event_payload: { reminders: tag.reminders.join(' ') } };
}

/** Whether the DM's messages hold the tagged digest, or every one of the tagged reminders. */
function isIn(metadata: readonly Metadata[], tag: OutboundTag): boolean {
  const payload = (m: Metadata) => (m?.event_payload ?? {}) as Record<string, unknown>;
  if ('week' in tag) return metadata.some((m) => m?.event_type === DIGEST_EVENT && payload(m).week === tag.week);
  const keys = new Set(
    metadata
      .filter((m) => m?.event_type === REMINDER_EVENT)
      .flatMap((m) => String(payload(m).reminders ?? '').split(' ')),
  );
  return tag.reminders.every((k) => keys.has(k));
}
