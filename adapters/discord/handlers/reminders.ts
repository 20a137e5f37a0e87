import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { reminderLine } from '../../../src/core/reminder-view.js';
import type { CustomId } from '../custom-id.js';
import { NO_PINGS, safe } from '../render.js';
import { userRefOf } from '../to-core.js';
import { replyWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

type ReminderButton = Extract<CustomId, { kind: 'snooze' | 'drop' }>;

/** A reminder's Snooze and Drop buttons: the reminder message stays; a reply says what changed. */
export async function onReminderButton(i: ButtonInteraction, id: ReminderButton, ctx: Ctx): Promise<void> {
  const user = userRefOf(i.user);
  const { reminders } = ctx.service;
  const said =
    id.kind === 'snooze'
      ? reminders.snooze(user, id.triageId, id.choice).then(async (item) => {
          const { timeZone } = await reminders.list(user);
          return item ? `Snoozed. ${reminderLine(item, timeZone)}` : 'Snoozed.';
        })
      : reminders
          .drop(user, id.triageId)
          .then(
            ({ inviter }) =>
              `No more reminders about ${safe(inviter ?? 'it', 200)}. It stays deferred in your history.`,
          );
  await replyWhenReady(
    i,
    i.inGuild() ? MessageFlags.Ephemeral : undefined,
    said.then((content) => ({ content, ...NO_PINGS })),
  );
}
