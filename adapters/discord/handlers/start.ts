import {
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import { editOrDm } from '../fallback.js';
import { escapeText, notice, renderTriage, startModal } from '../render.js';
import { messageText, privateFlags, unreadable, userOf } from '../to-core.js';
import { deferReply, replyWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

type Starter = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ModalSubmitInteraction;

async function startFrom(i: Starter, text: string, source: string, ctx: Ctx): Promise<void> {
  const view = ctx.service.triage.startFromText(userOf(i), text, { source });
  await replyWhenReady(i, privateFlags(i), view.then(renderTriage));
}

/** `/triage start text:…` begins a triage; without text it opens a form to paste into. */
export async function onStartCommand(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const text = i.options.getString('text');
  if (text === null) {
    await i.showModal(startModal());
    return;
  }
  await startFrom(i, text, 'slash', ctx);
}

/**
 * "Triage invitation" on any message starts a triage from that message's text. With attachments, reading them
 * (OCR) can take longer than Discord's 3 s, so the private reply is deferred first and edited into the card.
 */
export async function onTriageMessage(i: MessageContextMenuCommandInteraction, ctx: Ctx): Promise<void> {
  const target = i.targetMessage;
  const cannotRead = unreadable(target);
  if (cannotRead) {
    await i.reply({ ...notice(cannotRead), flags: MessageFlags.Ephemeral });
    return;
  }
  if (target.attachments.size === 0) return startFrom(i, messageText(target), 'context_menu', ctx);
  await deferReply(i, privateFlags(i));
  const { text, notes } = await ctx.files.read(target);
  const view = await ctx.service.triage.startFromText(userOf(i), text, { source: 'context_menu' });
  const card = renderTriage(view);
  const message = notes.length ? { ...card, content: notes.map(escapeText).join('\n').slice(0, 2000) } : card;
  await editOrDm(i, message, () => i.editReply(message));
}

export async function onStartModal(i: ModalSubmitInteraction, ctx: Ctx): Promise<void> {
  await startFrom(i, i.fields.getTextInputValue('text'), 'modal', ctx);
}
