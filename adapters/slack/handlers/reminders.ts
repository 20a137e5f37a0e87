import type { BlockAction } from '@slack/bolt';
import { SNOOZE_CHOICES, type SnoozeChoice } from '../../../src/core/reminder.js';
import { reminderLine } from '../../../src/core/reminder-view.js';
import type { UserRef } from '../../../src/core/user.js';
import type { SlackDeps } from '../deps.js';
import type { SlackApp } from '../listeners.js';
import { OUTBOUND_ACTION, renderNotice } from '../render.js';
import { HOME_ACTION } from '../render-home.js';
import { showNew } from '../reply.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';
import { publishHome } from './home.js';

/** A reminder's Snooze and Drop buttons, and the reminder settings on the App Home tab. */
export function register(app: SlackApp, deps: SlackDeps): void {
  const { reminders } = deps.service;
  const button = (name: string, act: (user: UserRef, value: string) => Promise<string | null>) =>
    app.action<BlockAction>(new RegExp(`^${name}_\\d+$`), async ({ ack, body, action, client, respond }) => {
      await ack();
      const user = userFrom(body);
      const tell = (m: ReturnType<typeof renderNotice>) => showNew(client, body, respond, m);
      await guard(
        deps.log,
        name,
        async () => {
          const said = action.type === 'button' ? await act(user, action.value ?? '') : null;
          if (said === null) {
            deps.log.warn('malformed action value', { action: action.action_id });
            return;
          }
          await tell(renderNotice(said));
        },
        tell,
      );
    });
  button(OUTBOUND_ACTION.snooze, async (user, value) => {
    const [id, choice] = value.split(':');
    const triageId = Number(id);
    if (!Number.isSafeInteger(triageId) || !SNOOZE_CHOICES.includes(choice as SnoozeChoice)) return null;
    const item = await reminders.snooze(user, triageId, choice as SnoozeChoice);
    const { timeZone } = await reminders.list(user);
    return item ? `Snoozed. ${reminderLine(item, timeZone)}` : 'Snoozed.';
  });
  button(OUTBOUND_ACTION.drop, async (user, value) => {
    const triageId = Number(value);
    if (!Number.isSafeInteger(triageId) || triageId <= 0) return null;
    const { inviter } = await reminders.drop(user, triageId);
    return `No more reminders about ${inviter ?? 'it'}. It stays deferred in your history.`;
  });

  const setting = (
    actionId: string,
    patch: (value: number | string) => Parameters<typeof reminders.updateSettings>[1],
  ) =>
    app.action<BlockAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const user = userFrom(body);
      await guard(deps.log, actionId, async () => {
        if (action.type !== 'static_select') return;
        const raw = action.selected_option.value;
        await reminders.updateSettings(user, patch(/^\d+$/.test(raw) ? Number(raw) : raw));
      });
      // Refused or not, the tab shows the settings as they stand.
      await guard(deps.log, actionId, () => publishHome(client, deps, user));
    });
  setting(HOME_ACTION.reminderMode, (v) => ({ mode: String(v) as never }));
  setting(HOME_ACTION.quietStart, (v) => ({ quietStart: Number(v) }));
  setting(HOME_ACTION.quietEnd, (v) => ({ quietEnd: Number(v) }));
}
