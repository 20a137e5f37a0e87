import { type Interaction, MessageFlags, type REST } from 'discord.js';
import type { AdapterDeps } from '../../../src/adapter.js';
import { isTriageError } from '../../../src/core/errors.js';
import type { DiscordFiles } from '../attachments.js';
import { DiscordCode, discordCode } from '../errors.js';
import { escapeText, NO_PINGS } from '../render.js';
import { awaitsDeferredReply } from './answer.js';

/** What every handler gets: the service, the logger, the REST client for interaction webhooks, the file reader. */
export type Ctx = AdapterDeps & { hooks: REST; files: DiscordFiles };

/**
 * Runs one interaction handler so that nothing escapes: a coded failure is logged and shown to the user
 * ephemerally, and a Discord or unexpected error is logged with a short apology. The process keeps running.
 */
export async function guard(interaction: Interaction, ctx: Ctx, handle: () => Promise<unknown>): Promise<void> {
  try {
    await handle();
  } catch (err) {
    const where = { interaction: interaction.id, user: interaction.user.id, type: interaction.type };
    if (isTriageError(err)) {
      ctx.log.info('discord: triage refused', { ...where, code: err.code });
      // Refusals often quote what the user typed: escaped, so a quote cannot format, link or ping.
      await tell(interaction, ctx, escapeText(err.message));
      return;
    }
    const code = discordCode(err);
    if (code === DiscordCode.UnknownInteraction || code === DiscordCode.AlreadyAcknowledged) {
      // Too late or answered twice: there is no reply left to give.
      ctx.log.warn('discord: interaction expired', { ...where, code });
      return;
    }
    ctx.log.error('discord: handler failed', { ...where, code, error: String(err) });
    await tell(interaction, ctx, 'Something went wrong on my side. Please try again in a moment.');
  }
}

/** Says something only the invoking user sees, whatever state the interaction is in. */
export async function tell(interaction: Interaction, ctx: Ctx, text: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  const content = text.slice(0, 2000);
  const payload = { content, flags: MessageFlags.Ephemeral as const, ...NO_PINGS };
  try {
    // A deferred reply already shows "thinking…": replace it rather than add a second message.
    if (interaction.deferred && !interaction.replied && awaitsDeferredReply(interaction))
      await interaction.editReply({ content, ...NO_PINGS });
    else if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (err) {
    ctx.log.warn('discord: could not tell the user', { interaction: interaction.id, code: discordCode(err) });
  }
}
