import { TriageError } from '../../src/core/errors.js';
import { SNOOZE_CHOICES, type SnoozeChoice } from '../../src/core/reminder.js';
import { reminderLine, reminderListLine } from '../../src/core/reminder-view.js';
import { parseReminderWords, reminderSettingsLine } from '../../src/core/reminder-words.js';
import type { Service } from '../../src/service/index.js';
import { plain } from './render.js';
import type { ExtraHandler } from './session.js';

const ID = /^#?(\d{1,12})$/;

function triageId(word: string | undefined, usage: string): number {
  const m = ID.exec(word ?? '');
  if (!m) throw new TriageError('bad_argument', usage);
  return Number(m[1]);
}

/** The terminal's reminder commands: list, set one (or stop it), snooze, and the reminder settings. */
export function reminderCommands(service: Service): Record<string, ExtraHandler> {
  return {
    reminders: async (user) => {
      const list = await service.reminders.list(user);
      const lines = list.items.map((i) => `  #${i.triageId} ${plain(reminderListLine(i, list.timeZone))}`);
      return [reminderSettingsLine(list.settings), ...(lines.length ? lines : ['  No reminders to come.'])].join('\n');
    },
    remind: async (user, args) => {
      const [first, ...rest] = args.trim().split(/\s+/);
      const id = triageId(first, 'Use "remind <#> in 3d", "remind <#> on 2027-01-15" or "remind <#> off".');
      // "off" is the reminder's Drop ("drop <#>" discards the whole triage in the terminal).
      if (rest.join(' ').toLowerCase() === 'off') {
        const { inviter } = await service.reminders.drop(user, id);
        return `#${id}: no more reminders about ${plain(inviter ?? 'it')}. It stays deferred in your history.`;
      }
      const item = await service.reminders.change(user, id, rest.join(' '));
      if (!item) return `#${id}: no reminder will come.`;
      return `#${id}: ${reminderLine(item, (await service.reminders.list(user)).timeZone)}`;
    },
    snooze: async (user, args) => {
      const [first, choice = 'tomorrow'] = args.trim().split(/\s+/);
      const id = triageId(first, 'Use "snooze <#> tomorrow|week|monday".');
      if (!SNOOZE_CHOICES.includes(choice as SnoozeChoice)) {
        throw new TriageError('bad_argument', 'Snooze until tomorrow, week or monday: "snooze 3 monday".');
      }
      const item = await service.reminders.snooze(user, id, choice as SnoozeChoice);
      return item ? `#${id}: ${reminderLine(item, (await service.reminders.list(user)).timeZone)}` : `#${id}: snoozed.`;
    },
    settings: async (user, args) => {
      if (args.trim() === '') {
        const s = await service.settings.get(user);
        const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][s.digest.day];
        const digest = s.digest.off ? 'Digest: off.' : `Digest: ${day} ${String(s.digest.hour).padStart(2, '0')}:00.`;
        return [digest, reminderSettingsLine(await service.reminders.settings(user))].join('\n');
      }
      const parsed = parseReminderWords(args);
      if (!parsed.ok) throw new TriageError('bad_argument', parsed.message);
      return reminderSettingsLine(await service.reminders.updateSettings(user, parsed.patch));
    },
  };
}

export const REMINDER_HELP = `Reminders:
  reminders                                     what is coming, and your reminder settings
  remind <#> in 3d | on 2027-01-15 | off        when to ask about one again
  snooze <#> tomorrow|week|monday               put a reminder off (remind <#> off stops it)
  settings [reminders off|light|standard] [quiet 21-8|off] [defer 7d]`;
