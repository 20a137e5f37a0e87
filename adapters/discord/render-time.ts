import { EmbedBuilder } from 'discord.js';
import type { GuidelinesView } from '../../src/service/time-service.js';
import { escapeText, NO_PINGS, safe } from './render.js';

/** A one-line service answer (time logged, budget set) as a message: escaped, so nothing in it formats or pings. */
export function renderLine(text: string) {
  return { content: escapeText(text).slice(0, 2000), embeds: [], components: [], ...NO_PINGS };
}

/** The team's guidance; `where` says whose it is (this server, or the DM's own). */
export function renderGuidelines(view: GuidelinesView, where: string, saved: boolean) {
  const lines = view.lines.map((l) => safe(l, 1000)).join('\n');
  const embed = new EmbedBuilder()
    .setTitle(saved ? `Guidance saved for ${where}` : `Team guidance for ${where}`)
    .setDescription(lines.slice(0, 4000) || '—');
  return { embeds: [embed], components: [], ...NO_PINGS };
}
