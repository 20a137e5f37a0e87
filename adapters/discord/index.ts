import { once } from 'node:events';
import { type Client, Events, type REST, RESTEvents } from 'discord.js';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import type { DiscordConfig } from '../../src/config.js';
import type { Logger } from '../../src/core/logger.js';
import { type Campaign, campaign, soleLeader } from '../../src/service/leadership.js';
import type { DownloadTuning } from '../download.js';
import { discordFiles } from './attachments.js';
import { createClient } from './client.js';
import { interactionRest } from './edit-original.js';
import { onDirectMessage } from './handlers/dm.js';
import { onInteraction } from './handlers/interactions.js';
import { createDiscordNotifier } from './notifier.js';

/** The lock whose holder is the one instance connected to the gateway. */
export const GATEWAY_LOCK = 'discord-gateway';

const DAY = 86_400_000;

export interface DiscordTuning {
  /** How often an instance without the gateway asks for it again (5 s by default). */
  leaderRetryMs?: number;
  /** A shorter attachment download timeout (tests). */
  download?: DownloadTuning;
}

/**
 * The Discord bot: DMs, `/triage`, the "Triage invitation" message command, and digest delivery.
 * Discord sends each event to every gateway connection of a bot, so only the instance holding GATEWAY_LOCK
 * connects; every instance, leader or not, sends through REST (the digest).
 */
export function createDiscordAdapter(
  config: DiscordConfig,
  deps: AdapterDeps,
  tuning: DiscordTuning = {},
): ChatAdapter {
  if (!config.token) throw new Error('Discord needs a bot token: set DISCORD_TOKEN.');
  const token = config.token;
  const { log } = deps;
  // Never logs in: REST needs only the token.
  const rest = createClient(config);
  rest.rest.setToken(token);
  const hooks = interactionRest(rest);
  // Attachments come from Discord's CDN, or from DISCORD_API_URL's host when it is set.
  const ctx = { ...deps, hooks, files: discordFiles(deps.service, config.apiUrl, tuning.download) };
  for (const r of [rest.rest, hooks]) watchRateLimits(r, log);
  let gateway: Client | null = null;
  let leadership: Campaign | null = null;

  // A fresh client each term: a destroyed discord.js client does not reconnect.
  const connect = async () => {
    const client = createClient(config);
    client.on(Events.InteractionCreate, (i) => void onInteraction(i, ctx));
    client.on(Events.MessageCreate, (m) => void onDirectMessage(m, ctx));
    client.on(Events.Error, (err) => log.error('discord: client error', { error: String(err) }));
    client.on(Events.ShardError, (err, shard) => log.warn('discord: gateway error', { shard, error: String(err) }));
    watchRateLimits(client.rest, log);
    gateway = client;
    const ready = once(client, Events.ClientReady);
    await client.login(token);
    await ready;
    log.info('discord: connected', { user: client.user?.id });
  };
  const disconnect = async () => {
    const client = gateway;
    gateway = null;
    if (!client) return;
    await client.destroy();
    log.info('discord: gateway closed');
  };

  return {
    name: 'discord',
    notifier: createDiscordNotifier(rest.rest),
    async start() {
      deps.service.events.forgetOlderThan(DAY);
      const run = campaign(deps.locks ?? soleLeader, GATEWAY_LOCK, {
        onElected: connect,
        onDeposed: disconnect,
        log,
        ...(tuning.leaderRetryMs ? { retryMs: tuning.leaderRetryMs } : {}),
      });
      leadership = run;
      try {
        await run.ready;
      } catch (err) {
        await run.stop();
        leadership = null;
        throw err;
      }
      if (!gateway) log.info('discord: another instance holds the gateway; sending through REST only');
    },
    async stop() {
      await leadership?.stop();
      leadership = null;
      await disconnect();
      await rest.destroy();
    },
  };
}

/** discord.js queues and retries on rate limits by itself; these lines make that visible in the log. */
function watchRateLimits(rest: REST, log: Logger): void {
  rest.on(RESTEvents.RateLimited, (info) =>
    log.warn('discord: rate limited, queued', {
      route: info.route,
      retryAfter: info.retryAfter,
      global: info.global,
    }),
  );
  rest.on(RESTEvents.Response, (req, res) => {
    if (res.status === 429) log.warn('discord: rate limited (429), retrying', { method: req.method, route: req.route });
  });
}
