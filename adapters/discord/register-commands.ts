import { REST, Routes } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { commandDefinitions } from './commands.js';

/**
 * Puts /triage and "Triage invitation" on Discord: globally (can take a while to show) or, with DISCORD_GUILD_ID
 * set, in that one server at once, which suits development. Returns the line to print.
 */
export async function registerCommands(env: Record<string, string | undefined>): Promise<string> {
  const config = loadConfig(env).discord;
  if (!config) throw new Error('Set DISCORD_TOKEN to the bot token from the developer portal.');
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const appId = config.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = config.guildId
    ? Routes.applicationGuildCommands(appId, config.guildId)
    : Routes.applicationCommands(appId);
  const body = commandDefinitions();
  await rest.put(route, { body });
  const where = config.guildId ? `guild ${config.guildId}` : 'globally';
  return `Registered ${body.length} commands ${where} for application ${appId}.`;
}
