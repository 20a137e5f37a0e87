import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { DigestSettings } from '../../../src/service/index.js';
import { renderSettings } from '../render-records.js';
import { privateFlags, userRefOf } from '../to-core.js';
import { replyWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

/** `/triage settings [day] [hour] [timezone] [off] [role]`: with no option it shows the current settings. */
export async function onSettings(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const user = userRefOf(i.user);
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
  const changed = Object.keys(digest).length > 0 || timezone !== null || role !== null;
  const patch = {
    digest,
    ...(timezone === null ? {} : { timezone: timezone.trim() }),
    ...(role === null ? {} : { role }),
  };
  const settings = changed ? ctx.service.settings.update(user, patch) : ctx.service.settings.get(user);
  await replyWhenReady(
    i,
    privateFlags(i),
    settings.then((s) => renderSettings(s, changed)),
  );
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
