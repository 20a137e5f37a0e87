import type {
  BaseMessageOptions,
  Interaction,
  MessageComponentInteraction,
  MessageFlags,
  RepliableInteraction,
} from 'discord.js';
import { within } from '../../deadline.js';
import { editOrDm } from '../fallback.js';

/** Interactions answered with deferReply: their "thinking…" placeholder is to be edited, not followed up. */
const deferredReplies = new WeakSet<Interaction>();

/** Whether a deferred interaction is waiting for its reply (rather than for an edit of the message it came from). */
export function awaitsDeferredReply(i: Interaction): boolean {
  return deferredReplies.has(i) || i.isCommand();
}

/**
 * Replies with what `work` builds. If it is not ready within the deadline (the database may be locked by another
 * process), acknowledges with Discord's "thinking…" first and edits it into the reply when the work is done.
 */
export async function replyWhenReady(
  i: RepliableInteraction,
  flags: MessageFlags.Ephemeral | undefined,
  work: Promise<BaseMessageOptions>,
): Promise<void> {
  const early = await within(work);
  if (early.done) {
    await i.reply({ ...early.value, flags });
    return;
  }
  await deferReply(i, flags);
  const message = await work;
  await editOrDm(i, message, () => i.editReply(message));
}

/** The same for a click: updates the message clicked, deferring first if the work is slow. */
export async function updateWhenReady(
  i: MessageComponentInteraction,
  work: Promise<BaseMessageOptions>,
): Promise<void> {
  const early = await within(work);
  if (early.done) {
    await i.update(early.value);
    return;
  }
  await i.deferUpdate();
  const message = await work;
  await editOrDm(i, message, () => i.editReply(message));
}

export async function deferReply(i: RepliableInteraction, flags: MessageFlags.Ephemeral | undefined): Promise<void> {
  await i.deferReply({ flags });
  deferredReplies.add(i);
}
