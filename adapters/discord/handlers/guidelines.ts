import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { TriageError } from '../../../src/core/errors.js';
import { NO_PINGS } from '../render.js';
import { renderGuidelines } from '../render-time.js';
import { canManageServer, privateFlags, teamOf } from '../to-core.js';
import { replyWhenReady } from './answer.js';
import type { Ctx } from './boundary.js';

const NOT_IN_GUILD = 'Guidance belongs to a server: run this in the server, as a member with Manage Server.';
const NOT_ADMIN = 'Only members with the Manage Server permission can set this server’s guidance. Nothing was changed.';

function whereOf(i: ChatInputCommandInteraction): string {
  return i.inGuild() ? 'this server' : 'your DMs';
}

/** `/triage guidelines`: the guidance of the server it is run in (in a DM, the DM's own, usually none). */
export async function onGuidelines(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const view = ctx.service.time.guidelines(teamOf(i));
  await replyWhenReady(
    i,
    privateFlags(i),
    view.then((v) => renderGuidelines(v, whereOf(i), false)),
  );
}

/** `/triage guidelines-set work_hours_ok:… [note:…]`, for members with Manage Server only. */
export async function onGuidelinesSet(i: ChatInputCommandInteraction, ctx: Ctx): Promise<void> {
  const refusal = !i.inGuild() ? NOT_IN_GUILD : canManageServer(i) ? null : NOT_ADMIN;
  if (refusal) {
    ctx.log.info('discord: guidance change refused', { user: i.user.id, guild: i.guildId });
    await i.reply({ content: refusal, flags: MessageFlags.Ephemeral, ...NO_PINGS });
    return;
  }
  const workHoursOk = i.options.getBoolean('work_hours_ok');
  if (workHoursOk === null) throw new TriageError('bad_argument', 'Say whether networking in work hours is fine.');
  const note = i.options.getString('note') ?? '';
  const saved = ctx.service.time.setGuidelines(teamOf(i), { workHoursOk, note }).then((view) => {
    ctx.log.info('discord: guidance set', { user: i.user.id, guild: i.guildId });
    return renderGuidelines(view, whereOf(i), true);
  });
  await replyWhenReady(i, MessageFlags.Ephemeral, saved);
}
