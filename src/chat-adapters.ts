import type { AdapterDeps, ChatAdapter } from './adapter.js';
import type { Config } from './config.js';

/**
 * The chat adapters whose credentials are set. With none, the composition root runs the terminal bot.
 * Each SDK loads only when its adapter is wanted, so the terminal bot starts without Bolt or discord.js.
 */
export async function chatAdapters(config: Config, deps: AdapterDeps): Promise<ChatAdapter[]> {
  const list: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/index.js');
    list.push(createSlackAdapter(config.slack, deps));
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.js');
    list.push(createDiscordAdapter(config.discord, deps));
  }
  return list;
}
