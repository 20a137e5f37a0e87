import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { TriageError } from '../../../src/core/errors.js';
import { parseReminderWords } from '../../../src/core/reminder-words.js';
import type { DigestSettings } from '../../../src/service/index.js';
import { renderSettings } from '../render-records.js';
import { privateFlags, userOf } from '../to-core.js';
import { replyWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

/** `/triage settings [day] [hour] [timezone] [off] [role]`: with no option it shows the current settings. */
export async function onSettings(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const user = userOf(i);
  const day = i.options.getInteger('day');
  const hour = i.options.getInteger('hour');
  const timezone = i.options.getString('timezone');
  const off = i.options.getBoolean('off');
  const role = i.options.getString('role');
  const digest: Partial<DigestSettings> = {};
  if (day !== null) digest.day = day;
  if (hour !== null) digest.hour = hour;
  // Choosing a day or hour means the user wants the digest, unless they also said off.
  if (off !== null) digest.off = off;
  else if (day !== null || hour !== null) digest.off = false;
  const words = reminderWords(i);
  const parsed = words ? parseReminderWords(words) : null;
  if (parsed && !parsed.ok) throw new TriageError('bad_argument', parsed.message);
  const changed = Object.keys(digest).length > 0 || timezone !== null || role !== null || parsed !== null;
  const settings = (async () => {
    const s =
      Object.keys(digest).length > 0 || timezone !== null || role !== null
        ? await ctx.service.settings.update(user, {
            digest,
            ...(timezone === null ? {} : { timezone: timezone.trim() }),
            ...(role === null ? {} : { role }),
          })
        : await ctx.service.settings.get(user);
    const reminders = parsed?.ok
      ? await ctx.service.reminders.updateSettings(user, parsed.patch)
      : await ctx.service.reminders.settings(user);
    return renderSettings(s, changed, reminders);
  })();
  await replyWhenReady(i, privateFlags(i), settings);
}

/** The reminder options as the words every surface reads: "reminders light quiet 21-8 defer 7". */
function reminderWords(i: ChatInputCommandInteraction): string {
  const mode = i.options.getString('reminders');
  const quiet = i.options.getString('quiet');
  const days = i.options.getInteger('defer_days');
  const words = [
    mode && `reminders ${mode}`,
    quiet !== null && `quiet ${quiet.trim() || '?'}`,
    days !== null && `defer ${days}`,
  ];
  return words.filter(Boolean).join(' ');
}

let zones: string[] | null = null;

/** IANA zone names matching what the user typed so far; Discord shows at most 25. */
export function matchZones(typed: string): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])];
  const q = typed.trim().toLowerCase().replaceAll(' ', '_');
  if (q === '') return zones.slice(0, 25);
  const starts = zones.filter((z) => z.toLowerCase().startsWith(q));
  const contains = zones.filter((z) => !z.toLowerCase().startsWith(q) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 25);
}

export async function onSettingsAutocomplete(i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  if (focused.name !== 'timezone') return i.respond([]);
  await i.respond(matchZones(String(focused.value).slice(0, 100)).map((z) => ({ name: z, value: z })));
}
