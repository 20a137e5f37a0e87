import { type Client, type MessageComponentInteraction, type ModalSubmitInteraction, REST, Routes } from 'discord.js';
import { discordAgent } from './agent.js';
import type { TriageMessage } from './render.js';

/**
 * A REST client for interaction webhooks only. discord.js counts every request against the bot's global
 * 50 per second, interaction webhooks included, but Discord does not: through the client's own REST a burst
 * of 50 clicks would see their edits trickle out over a second. This one keeps Discord's per-route limits
 * (read from the response headers) and has no global cap.
 */
export function interactionRest(client: Client): REST {
  return new REST({
    api: client.rest.options.api,
    globalRequestsPerSecond: Number.POSITIVE_INFINITY,
    agent: discordAgent(),
  });
}

/** Replaces the message a deferred component (or modal) interaction came from. */
export async function editOriginal(
  rest: REST,
  i: MessageComponentInteraction | ModalSubmitInteraction,
  message: TriageMessage,
): Promise<void> {
  await rest.patch(Routes.webhookMessage(i.applicationId, i.token), {
    auth: false,
    body: {
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: message.allowedMentions,
    },
  });
}
