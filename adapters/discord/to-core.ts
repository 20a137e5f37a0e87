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

/**
 * The user behind an interaction, with the server it comes from: that server's policy applies to it. In DMs
 * there is none, and the service falls back on the server the user last came from.
 */
export function userOf(interaction: Pick<BaseInteraction, 'user' | 'guildId'>): UserRef {
  const user = userRefOf(interaction.user);
  return interaction.guildId ? { ...user, team: interaction.guildId } : user;
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

/**
 * In the bot's own DM a reply is private already. Anywhere else (a server, a group DM, a DM between two people
 * where a user-installed app runs) it must be ephemeral, and so must it when Discord does not say where.
 */
export function isBotDm(interaction: Pick<BaseInteraction, 'context'>): boolean {
  return interaction.context === InteractionContextType.BotDM;
}

/** The one privacy rule: the flags of every reply, since every reply may carry the user's triage data. */
export function privateFlags(interaction: Pick<BaseInteraction, 'context'>): MessageFlags.Ephemeral | undefined {
  return isBotDm(interaction) ? undefined : MessageFlags.Ephemeral;
}

/**
 * What to say about a message with nothing the bot can read (a sticker alone), or null when it has text or
 * attachments: those are downloaded and read (attachments.ts).
 */
export function unreadable(message: Pick<Message, 'content' | 'embeds' | 'attachments' | 'stickers'>): string | null {
  if (messageText(message).trim() !== '' || message.attachments.size > 0) return null;
  if (message.stickers.size === 0) return null;
  return UNREADABLE;
}

export const UNREADABLE =
  'I can\'t read stickers. Send the invitation as text, an .eml or .txt file, or a screenshot, or describe it: "LinkedIn request from Dana Kim, recruiter at Acme". Nothing was saved.';

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
