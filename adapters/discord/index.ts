import { once } from 'node:events';
import { Events, RESTEvents } from 'discord.js';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import type { DiscordConfig } from '../../src/config.js';
import { createClient } from './client.js';
import { interactionRest } from './edit-original.js';
import { onDirectMessage } from './handlers/dm.js';
import { onInteraction } from './handlers/interactions.js';
import { createDiscordNotifier } from './notifier.js';

/** The Discord bot: DMs, `/triage`, the "Triage invitation" message command, and digest delivery. */
export function createDiscordAdapter(config: DiscordConfig, deps: AdapterDeps): ChatAdapter {
  if (!config.token) throw new Error('Discord needs a bot token: set DISCORD_TOKEN.');
  const client = createClient(config);
  const { log } = deps;
  const hooks = interactionRest(client);
  const ctx = { ...deps, hooks };
  client.on(Events.InteractionCreate, (i) => void onInteraction(i, ctx));
  client.on(Events.MessageCreate, (m) => void onDirectMessage(m, ctx));
  client.on(Events.Error, (err) => log.error('discord: client error', { error: String(err) }));
  client.on(Events.ShardError, (err, shard) => log.warn('discord: gateway error', { shard, error: String(err) }));
  // discord.js queues and retries on rate limits by itself; these lines make that visible in the log.
  for (const rest of [client.rest, hooks]) {
    rest.on(RESTEvents.RateLimited, (info) =>
      log.warn('discord: rate limited, queued', {
        route: info.route,
        retryAfter: info.retryAfter,
        global: info.global,
      }),
    );
    rest.on(RESTEvents.Response, (req, res) => {
      if (res.status === 429)
        log.warn('discord: rate limited (429), retrying', { method: req.method, route: req.route });
    });
  }
  return {
    name: 'discord',
    notifier: createDiscordNotifier(client),
    async start() {
      const ready = once(client, Events.ClientReady);
      await client.login(config.token);
      await ready;
      log.info('discord: connected', { user: client.user?.id });
    },
    async stop() {
      await client.destroy();
    },
  };
}
