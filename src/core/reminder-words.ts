import { REMINDER_MODES, type ReminderMode, type ReminderSettings } from './reminder.js';

/**
 * Reminder settings in words, the same on every surface: "reminders off|light|standard", "quiet 21-8"
 * (or "quiet off"), "defer 7d". Several may go together: "reminders light quiet 22-7".
 */
export function parseReminderWords(
  text: string,
): { ok: true; patch: Partial<ReminderSettings> } | { ok: false; message: string } {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const patch: Partial<ReminderSettings> = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const value = words[i + 1] ?? '';
    if (word === 'reminders' || word === 'mode') {
      if (!REMINDER_MODES.includes(value as ReminderMode)) {
        return { ok: false, message: 'Reminders are off, light or standard: "reminders light".' };
      }
      patch.mode = value as ReminderMode;
    } else if (word === 'quiet') {
      if (value === 'off') {
        patch.quietStart = 0;
        patch.quietEnd = 0;
      } else {
        const m = /^(\d{1,2})(?::00)?-(\d{1,2})(?::00)?$/.exec(value);
        const start = Number(m?.[1]);
        const end = Number(m?.[2]);
        if (!m || start > 23 || end > 23) {
          return { ok: false, message: 'Quiet hours are two hours from 0 to 23: "quiet 21-8", or "quiet off".' };
        }
        patch.quietStart = start;
        patch.quietEnd = end;
      }
    } else if (word === 'defer') {
      const m = /^(\d{1,2})d?$/.exec(value);
      const days = Number(m?.[1]);
      if (!m || days < 1 || days > 90)
        return { ok: false, message: 'The wait after a deferral is 1 to 90 days: "defer 7d".' };
      patch.deferDays = days;
    } else {
      return {
        ok: false,
        message: `"${(word ?? '').slice(0, 30)}" is not a reminder setting. Use reminders off|light|standard, quiet 21-8, defer 7d.`,
      };
    }
    i++;
  }
  if (Object.keys(patch).length === 0) {
    return { ok: false, message: 'Say what to change: reminders off|light|standard, quiet 21-8, defer 7d.' };
  }
  return { ok: true, patch };
}

/** "standard, quiet 21:00–08:00, ask again after 7 days": the settings in one line. */
export function reminderSettingsLine(s: ReminderSettings): string {
  const quiet = s.quietStart === s.quietEnd ? 'no quiet hours' : `quiet ${pad(s.quietStart)}:00–${pad(s.quietEnd)}:00`;
  return `Reminders: ${s.mode}, ${quiet}, a deferral is asked about again after ${s.deferDays} day${s.deferDays === 1 ? '' : 's'} unless you say when.`;
}

const pad = (n: number) => String(n).padStart(2, '0');
