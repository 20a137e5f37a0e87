import type { Message } from 'discord.js';
import { isTriageError } from '../../../src/core/errors.js';
import { discordCode } from '../errors.js';
import { escapeText, notice, renderTriage } from '../render.js';
import { unreadable, userRefOf } from '../to-core.js';
import type { Ctx } from './boundary.js';

/**
 * A DM to the bot is an invitation, pasted or described, or an .eml, .txt or screenshot attached: answer with
 * its first question. Attachments are downloaded and read (OCR takes a second or two) while Discord shows the
 * bot typing.
 */
export async function onDirectMessage(message: Message, ctx: Ctx): Promise<void> {
  if (message.author.bot || message.guildId !== null || !message.channel.isDMBased()) return;
  const channel = message.channel;
  if (!channel.isSendable()) return;
  try {
    // Two instances briefly connected during a handover both receive the DM: only the first answers it.
    if (!(await ctx.service.events.firstTime(`discord:msg:${message.id}`))) {
      ctx.log.info('discord: duplicate DM ignored', { message: message.id });
      return;
    }
    const cannotRead = unreadable(message);
    if (cannotRead) {
      ctx.log.info('discord: DM without text', { user: message.author.id, stickers: message.stickers.size });
      await channel.send(notice(cannotRead));
      return;
    }
    if (message.attachments.size > 0) {
      // Best effort: "typing…" is a hint, and its failure must not stop the reading.
      channel.sendTyping().catch((e: unknown) => ctx.log.info('discord: typing not shown', { code: discordCode(e) }));
    }
    const { text, notes } = await ctx.files.read(message);
    const view = await ctx.service.triage.startFromText(userRefOf(message.author), text, { source: 'dm' });
    const card = renderTriage(view);
    await channel.send(notes.length ? { ...card, content: notes.map(escapeText).join('\n').slice(0, 2000) } : card);
  } catch (err) {
    if (isTriageError(err)) {
      ctx.log.info('discord: triage refused', { user: message.author.id, code: err.code });
      await channel.send(notice(escapeText(err.message))).catch((e: unknown) => logSendFailure(ctx, message, e));
      return;
    }
    logSendFailure(ctx, message, err);
  }
}

function logSendFailure(ctx: Ctx, message: Message, err: unknown): void {
  ctx.log.error('discord: DM reply failed', { user: message.author.id, code: discordCode(err), error: String(err) });
}
