import {
  type BaseInteraction,
  InteractionContextType,
  type Message,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
} from 'discord.js';
import type { CriterionSpec, TeamRef, UserRef } from '../../src/service/index.js';

/** Discord user ids are global, so one person has one record in DMs and in every server. */
export function userRefOf(user: { id: string }): UserRef {
  return { provider: 'discord', workspace: '', userId: user.id };
}

/** A server is a team; DMs and group DMs share the empty workspace. */
export function teamOf(interaction: Pick<BaseInteraction, 'guildId'>): TeamRef {
  return { provider: 'discord', workspace: interaction.guildId ?? '' };
}

/**
 * Whether the member may change what belongs to the server (its guidance, its policy). Checked by the bot, not
 * only by Discord's command permissions: a server can override those, and a DM has none.
 */
export function canManageServer(interaction: BaseInteraction): boolean {
  return interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

/** In the bot's own DM a reply is private already; anywhere else it must be ephemeral. */
export function isBotDm(interaction: BaseInteraction): boolean {
  if (interaction.context !== null) return interaction.context === InteractionContextType.BotDM;
  return interaction.guildId === null && interaction.channel?.isDMBased() === true;
}

/** Flags for a reply that only the invoking user may see. */
export function privateFlags(interaction: BaseInteraction): MessageFlags.Ephemeral | undefined {
  return isBotDm(interaction) ? undefined : MessageFlags.Ephemeral;
}

/** The text an invitation message carries: its content, else what its embeds say (forwarded notifications). */
export function messageText(message: Pick<Message, 'content' | 'embeds'>): string {
  if (message.content.trim() !== '') return message.content;
  return message.embeds
    .flatMap((e) => [e.author?.name, e.title, e.description, ...e.fields.map((f) => `${f.name}\n${f.value}`)])
    .filter((s): s is string => typeof s === 'string' && s !== '')
    .join('\n');
}

/** The policy form as submitted: built-in questions ticked, the user's own typed one per line, a reset, the scope. */
export function policyForm(i: ModalSubmitInteraction): { reset: boolean; spec: CriterionSpec[]; server: boolean } {
  const custom = typed(i, 'custom')
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean)
    .map((question): CriterionSpec => ({ question, onFail: 'decline' }));
  return {
    reset: selected(i, 'reset').includes('reset'),
    spec: [...selected(i, 'builtin'), ...custom],
    server: selected(i, 'scope').includes('server'),
  };
}

/** A form field's values; a field missing from a tampered submission reads as empty. */
function selected(i: ModalSubmitInteraction, id: string): readonly string[] {
  try {
    return i.fields.getStringSelectValues(id);
  } catch {
    return [];
  }
}

function typed(i: ModalSubmitInteraction, id: string): string {
  try {
    return i.fields.getTextInputValue(id) ?? '';
  } catch {
    return '';
  }
}
