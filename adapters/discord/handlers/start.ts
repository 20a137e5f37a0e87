import {
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import { notice, renderTriage, startModal } from '../render.js';
import { messageText, privateFlags, unreadable, userOf } from '../to-core.js';
import { replyWhenReady } from './answer.js';
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

/** "Triage invitation" on any message starts a triage from that message's text. */
export async function onTriageMessage(i: MessageContextMenuCommandInteraction, ctx: Ctx): Promise<void> {
  const cannotRead = unreadable(i.targetMessage);
  if (cannotRead) {
    await i.reply({ ...notice(cannotRead), flags: MessageFlags.Ephemeral });
    return;
  }
  await startFrom(i, messageText(i.targetMessage), 'context_menu', ctx);
}

export async function onStartModal(i: ModalSubmitInteraction, ctx: Ctx): Promise<void> {
  await startFrom(i, i.fields.getTextInputValue('text'), 'modal', ctx);
}
