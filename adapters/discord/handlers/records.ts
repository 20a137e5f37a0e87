import { AttachmentBuilder, type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { TriageError } from '../../../src/core/errors.js';
import { DiscordCode, discordCode } from '../errors.js';
import { NO_PINGS, notice } from '../render.js';
import { forgetConfirmation, renderHistory, renderPending } from '../render-records.js';
import { isBotDm, privateFlags, userOf } from '../to-core.js';
import { replyWhenReady, updateWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

const PAGE = 10;

export async function onHistory(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const page = ctx.service.records.history(userOf(i), { limit: PAGE, offset: 0 });
  await replyWhenReady(i, privateFlags(i), page.then(renderHistory));
}

export async function onHistoryPage(i: ButtonInteraction, offset: number, ctx: Ctx): Promise<void> {
  const page = ctx.service.records.history(userOf(i), { limit: PAGE, offset }).then(renderHistory);
  // The list is the clicker's own: on a message someone else opened, answer privately instead of editing it.
  if (i.message.interactionMetadata && i.message.interactionMetadata.user.id !== i.user.id) {
    await replyWhenReady(i, MessageFlags.Ephemeral, page);
    return;
  }
  await updateWhenReady(i, page);
}

export async function onPending(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  await replyWhenReady(i, privateFlags(i), ctx.service.records.pending(userOf(i)).then(renderPending));
}

/** The CSV goes to the user's DM; if their DMs are closed it comes back in the private reply instead. */
export async function onExport(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  await i.deferReply({ flags: privateFlags(i) });
  const file = await ctx.service.records.export(userOf(i), 'csv');
  const attachment = new AttachmentBuilder(Buffer.from(file.body, 'utf8'), { name: file.filename });
  if (isBotDm(i)) {
    await i.editReply({ content: 'Your records, as CSV.', files: [attachment], ...NO_PINGS });
    return;
  }
  try {
    const dm = await i.user.createDM();
    await dm.send({ content: 'Your records, as CSV.', files: [attachment], ...NO_PINGS });
    await i.editReply(notice('I sent your records to our DM.'));
  } catch (err) {
    if (discordCode(err) !== DiscordCode.CannotDmUser) throw err;
    ctx.log.info('discord: export DM refused, replying privately', { user: i.user.id });
    const text = 'I cannot DM you (your privacy settings block it), so here they are, visible to you only.';
    await i.editReply({ content: text, files: [attachment], ...NO_PINGS });
  }
}

export async function onForget(i: ChatInputCommandInteraction, _ctx: Ctx): Promise<void> {
  await i.reply({ ...forgetConfirmation(i.user.id), flags: privateFlags(i) });
}

export async function onForgetButton(i: ButtonInteraction, ownerId: string, confirm: boolean, ctx: Ctx) {
  if (i.user.id !== ownerId) throw new TriageError('not_yours', 'That confirmation belongs to someone else.');
  if (!confirm) {
    await i.update(notice('Kept. Nothing was deleted.'));
    return;
  }
  const done = ctx.service.records.forget(userOf(i)).then(({ triages }) => {
    ctx.log.info('discord: user forgotten', { user: i.user.id, triages });
    return notice(`Done: I deleted everything I had for you (${triages} triages).`);
  });
  await updateWhenReady(i, done);
}
