import type { Client } from 'discord.js';
import type { Notifier, OutboundMessage } from '../../src/core/message.js';
import type { UserRef } from '../../src/service/index.js';
import { DiscordCode, DiscordDeliveryError, discordCode } from './errors.js';
import { renderOutbound } from './render-records.js';

/** Delivers unprompted messages (the digest) to a Discord user's DM; rejects with a coded error on failure. */
export function createDiscordNotifier(client: Client): Notifier {
  return {
    provider: 'discord',
    async send(user: UserRef, message: OutboundMessage): Promise<void> {
      if (user.provider !== 'discord') throw new DiscordDeliveryError('discord_error', 'Not a Discord user.');
      try {
        const dm = await client.users.createDM(user.userId);
        await dm.send(renderOutbound(message));
      } catch (err) {
        if (discordCode(err) === DiscordCode.CannotDmUser) {
          throw new DiscordDeliveryError(
            'dm_closed',
            `Discord user ${user.userId} does not accept DMs from the bot.`,
            err,
          );
        }
        throw new DiscordDeliveryError(
          'discord_error',
          `Could not DM Discord user ${user.userId}: ${String(err)}`,
          err,
        );
      }
    },
  };
}
