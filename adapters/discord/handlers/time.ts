import type { ChatInputCommandInteraction } from 'discord.js';
import { renderOutbound } from '../render-records.js';
import { renderLine } from '../render-time.js';
import { privateFlags, userOf } from '../to-core.js';
import { replyWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

/**
 * The options become the same words the other adapters pass (`linkedin 25m at work`), so one parser
 * decides what is valid and bad input gets its message, with nothing stored.
 */
function words(...parts: (string | null)[]): string {
  return parts
    .filter((p): p is string => p !== null && p.trim() !== '')
    .map((p) => p.trim())
    .join(' ');
}

/** `/triage time platform:… duration:… [place:work|home]`. */
export async function onTime(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const place = i.options.getString('place');
  const args = words(i.options.getString('platform'), i.options.getString('duration'), place && `at ${place}`);
  const logged = ctx.service.time.log(userOf(i), args);
  await replyWhenReady(
    i,
    privateFlags(i),
    logged.then((l) => renderLine(l.message)),
  );
}

/** `/triage budget platform:… duration:… [expect:leads|contacts|friends]`; duration `off` removes it. */
export async function onBudget(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const args = words(i.options.getString('platform'), i.options.getString('duration'), i.options.getString('expect'));
  const set = ctx.service.time.budget(userOf(i), args);
  await replyWhenReady(
    i,
    privateFlags(i),
    set.then((s) => renderLine(s.message)),
  );
}

/** `/triage digest [week]`: the digest now, as the weekly DM would show it, without marking it sent. */
export async function onDigestPreview(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const week = i.options.getString('week') === 'last' ? 'last' : 'current';
  const message = ctx.service.digest.preview(userOf(i), { week });
  await replyWhenReady(i, privateFlags(i), message.then(renderOutbound));
}
