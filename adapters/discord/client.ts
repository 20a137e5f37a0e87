import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../src/config.js';
import { discordAgent } from './agent.js';

/**
 * A discord.js client as this bot needs it: DMs and their text, the Channel partial (DM channels are
 * not cached before their first message), no pings by default, and REST pointed at DISCORD_API_URL if set.
 */
export function createClient(config: Pick<DiscordConfig, 'apiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), agent: discordAgent() },
  });
}
