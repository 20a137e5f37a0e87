import type { Interaction } from 'discord.js';
import { TRIAGE_COMMAND, TRIAGE_MESSAGE_COMMAND } from '../commands.js';
import { decodeCustomId } from '../custom-id.js';
import { SUBCOMMANDS, unknownSubcommand } from '../subcommands.js';
import { userRefOf } from '../to-core.js';
import { type Ctx, guard, tell } from './boundary.js';
import { onNameModal, onTriageButton } from './buttons.js';
import { onPolicyEdit, onPolicyModal } from './policy.js';
import { onForgetButton, onHistoryPage } from './records.js';
import { onReminderButton } from './reminders.js';
import { onStartModal, onTriageMessage } from './start.js';

const STALE = 'That button is from an older version of this bot. Start again with /triage start or a DM.';

/** Sends each interaction to its handler, inside the error boundary. */
export async function onInteraction(i: Interaction, ctx: Ctx): Promise<void> {
  if (i.isAutocomplete()) {
    const sub = i.commandName === TRIAGE_COMMAND ? SUBCOMMANDS[i.options.getSubcommand(false) ?? ''] : undefined;
    await guard(i, ctx, async () => (sub?.autocomplete ? sub.autocomplete(i, ctx) : i.respond([])));
    return;
  }
  await guard(i, ctx, () => route(i, ctx));
}

async function route(i: Interaction, ctx: Ctx): Promise<void> {
  // The server the user last came from: its policy and guidance apply in their DMs. Best effort, and not
  // awaited before the handler runs: it must not hold up the reply, and a failure only leaves the older server.
  // This interaction itself carries its server (userOf), so it does not depend on this write.
  const remembered = i.guildId
    ? ctx.service.settings.rememberGuidanceTeam(userRefOf(i.user), i.guildId).catch((err: unknown) => {
        ctx.log.warn('discord: server not remembered', { user: i.user.id, error: String(err) });
      })
    : null;
  await handle(i, ctx);
  await remembered;
}

async function handle(i: Interaction, ctx: Ctx): Promise<void> {
  if (i.isChatInputCommand()) {
    if (i.commandName !== TRIAGE_COMMAND) return unknownSubcommand(i);
    const sub = SUBCOMMANDS[i.options.getSubcommand(false) ?? ''];
    return sub ? sub.run(i, ctx) : unknownSubcommand(i);
  }
  if (i.isMessageContextMenuCommand() && i.commandName === TRIAGE_MESSAGE_COMMAND) return onTriageMessage(i, ctx);
  if (i.isStringSelectMenu()) {
    const id = decodeCustomId(i.customId);
    return id?.kind === 'choose' ? onTriageButton(i, id, ctx) : tell(i, ctx, STALE);
  }
  if (i.isButton()) {
    const id = decodeCustomId(i.customId);
    if (!id || id.kind === 'start_modal' || id.kind === 'name_modal' || id.kind === 'choose')
      return tell(i, ctx, STALE);
    if (id.kind === 'forget') return onForgetButton(i, id.ownerId, id.confirm, ctx);
    if (id.kind === 'history') return onHistoryPage(i, id.offset, ctx);
    if (id.kind === 'policy_edit') return onPolicyEdit(i, id.platform, ctx);
    if (id.kind === 'policy_modal') return tell(i, ctx, STALE);
    if (id.kind === 'snooze' || id.kind === 'drop') return onReminderButton(i, id, ctx);
    return onTriageButton(i, id, ctx);
  }
  if (i.isModalSubmit()) {
    const id = decodeCustomId(i.customId);
    if (id?.kind === 'start_modal') return onStartModal(i, ctx);
    if (id?.kind === 'name_modal') return onNameModal(i, id.triageId, ctx);
    if (id?.kind === 'policy_modal') return onPolicyModal(i, id.platform, ctx);
    return tell(i, ctx, STALE);
  }
}
