import type { Logger } from '../../src/core/logger.js';
import type { Notifier } from '../../src/core/message.js';
import type { UserRef } from '../../src/core/user.js';
import { renderOutbound } from './render.js';
import { postToDm } from './reply.js';
import type { WebClient } from './web.js';

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
