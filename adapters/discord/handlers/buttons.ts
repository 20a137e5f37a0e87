import {
  type ButtonInteraction,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { isTriageError, TriageError } from '../../../src/core/errors.js';
import type { TriageView } from '../../../src/service/index.js';
import { within } from '../../deadline.js';
import { type CustomId, choiceIdOf } from '../custom-id.js';
import { editOriginal } from '../edit-original.js';
import { editOrDm } from '../fallback.js';
import { escapeText, NO_PINGS, nameModal, notice, renderTriage } from '../render.js';
import { privateFlags, userOf } from '../to-core.js';
import { deferReply, replyWhenReady, updateWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

type TriageButton = Exclude<Extract<CustomId, { triageId: number }>, { kind: 'snooze' | 'drop' }>;

/**
 * A click on a triage message: answer, back/undo, revise, discard, reopen from a list, or ask for the inviter's
 * name. Answer, Undo and Revise acknowledge before touching the database, so Discord's 3 seconds hold even
 * when another process has the database locked, and a burst of clicks is acknowledged at discord.js's own pace.
 * The cost is one more round trip before the message changes.
 */
export async function onTriageButton(
  i: ButtonInteraction | StringSelectMenuInteraction,
  id: TriageButton,
  ctx: Ctx,
): Promise<void> {
  const user = userOf(i);
  const triage = ctx.service.triage;
  switch (id.kind) {
    case 'answer':
    case 'choose': {
      const choice = id.kind === 'answer' ? id.choiceId : choiceIdOf(i.isStringSelectMenu() ? i.values[0] : undefined);
      if (choice === null) throw new TriageError('unknown_choice', 'That choice is not one I offered.');
      await acknowledge(i);
      try {
        const view = await triage.answer(user, id.triageId, { questionId: id.questionId, choice });
        return await show(ctx, i, view);
      } catch (err) {
        if (!(isTriageError(err) && STALE.has(err.code))) throw err;
        // A click on an old copy of the message: bring it up to date and say why nothing changed.
        return show(ctx, i, await triage.get(user, id.triageId), `${err.message} Nothing new was recorded.`);
      }
    }
    case 'undo':
      await acknowledge(i);
      return show(ctx, i, await triage.undo(user, id.triageId));
    case 'revise':
      await acknowledge(i);
      return show(ctx, i, await triage.revise(user, id.triageId));
    case 'discard': {
      // The card named the inviter: it becomes the confirmation, in the same private place.
      const done = triage
        .discard(user, id.triageId)
        .then((t) => notice(`Discarded triage #${t.id}: its invitation, answers and decision are deleted.`));
      return updateWhenReady(i, done);
    }
    case 'correct':
      await acknowledge(i);
      return show(ctx, i, await triage.correct(user, id.triageId));
    case 'keep':
      await acknowledge(i);
      return show(ctx, i, await triage.get(user, id.triageId));
    case 'again':
      await acknowledge(i);
      return show(ctx, i, await triage.again(user, id.triageId));
    case 'reopen': {
      // From a list or the digest: leave that message alone and answer with the triage's own message.
      const view = triage
        .get(user, id.triageId)
        .then((current) => (current.status === 'decided' ? triage.revise(user, id.triageId) : current));
      await replyWhenReady(i, privateFlags(i), view.then(renderTriage));
      return;
    }
    case 'name': {
      // A form must be the first answer, so it cannot wait for a locked database: when the check that the
      // triage is the clicker's own (not_yours, not_found) is slow, the form opens anyway and its answer checks.
      const early = await within(triage.get(user, id.triageId));
      if (!early.done) ctx.log.info('discord: name form opened before its check', { user: i.user.id });
      await i.showModal(nameModal(id.triageId));
      return;
    }
    case 'name_modal':
      return;
  }
}

/**
 * Acknowledges a click without changing the message, then waits for the event loop's next check phase:
 * clicks that arrived meanwhile are acknowledged before this one's database work and edit.
 */
async function acknowledge(i: MessageComponentInteraction): Promise<void> {
  await i.deferUpdate();
  await new Promise((resolve) => setImmediate(resolve));
}

const STALE = new Set(['stale_question', 'already_decided', 'unknown_choice']);
const REPEATED = 'You had already answered that, so nothing new was recorded. The message shows where you are now.';

async function show(
  ctx: Ctx,
  i: MessageComponentInteraction | ModalSubmitInteraction,
  view: TriageView,
  why?: string,
): Promise<void> {
  const message = renderTriage(view);
  if (i.isModalSubmit() && !i.isFromMessage()) {
    if (i.deferred) await editOrDm(i, message, () => i.editReply(message));
    else await i.reply({ ...message, flags: privateFlags(i) });
    return;
  }
  if (i.deferred) {
    // In the DM instead, the note could not follow: its token is the one that expired.
    if (await editOrDm(i, message, () => editOriginal(ctx.hooks, i, message))) return;
  } else await i.update(message);
  const note = why ? escapeText(why) : view.duplicate ? REPEATED : null;
  if (note) await i.followUp({ content: note, flags: MessageFlags.Ephemeral, ...NO_PINGS });
}

/**
 * The inviter's name typed into the modal answers the 'inviter' question. When that is slow (a locked database),
 * the form is acknowledged first: the message it came from is then edited, or the deferred reply filled in.
 */
export async function onNameModal(i: ModalSubmitInteraction, triageId: number, ctx: Ctx): Promise<void> {
  const text = i.fields.getTextInputValue('name');
  const work = ctx.service.triage.answer(userOf(i), triageId, { questionId: 'inviter', choice: 'name', text });
  const early = await within(work);
  if (early.done) return show(ctx, i, early.value);
  if (i.isFromMessage()) await i.deferUpdate();
  else await deferReply(i, privateFlags(i));
  await show(ctx, i, await work);
}
