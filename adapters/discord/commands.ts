import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import { DECLARATIONS } from './declarations.js';

export const TRIAGE_COMMAND = 'triage';
export const TRIAGE_MESSAGE_COMMAND = 'Triage invitation';

/** Installable to users and to servers, usable in servers, the bot's DM and other private channels. */
const INSTALLS = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];
const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];

/** The application commands, as registered with Discord. */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  const slash = new SlashCommandBuilder()
    .setName(TRIAGE_COMMAND)
    .setDescription('Decide which social-network invitations to accept')
    .setIntegrationTypes(INSTALLS)
    .setContexts(CONTEXTS);
  for (const [name, declare] of Object.entries(DECLARATIONS)) {
    slash.addSubcommand((b) => declare(b.setName(name)));
  }
  const menu = new ContextMenuCommandBuilder()
    .setName(TRIAGE_MESSAGE_COMMAND)
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(INSTALLS)
    .setContexts(CONTEXTS);
  return [slash.toJSON(), menu.toJSON()];
}
