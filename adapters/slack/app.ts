import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { App, type Authorize, HTTPReceiver, type InstallationStore, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.js';
import type { Logger } from '../../src/core/logger.js';
import { boltLogger } from './bolt-logger.js';
import { WebClient, type WebClientOptions } from './web.js';

/** Slack config plus what tests and benchmarks set: the listening host, and how patiently the Web API retries. */
export interface SlackAdapterConfig extends SlackConfig {
  host?: string;
  retry?: { retries: number; minTimeout: number; maxTimeout: number };
}

/** The scopes an OAuth install asks for; keep them in step with manifest.yaml. */
export const BOT_SCOPES = ['commands', 'chat:write', 'im:history', 'im:write', 'files:write', 'users:read'];

export interface BuiltApp {
  app: App;
  /** A client without a token: pass one per call, or let Bolt hand listeners an authorized one. */
  client: WebClient;
  start(): Promise<Server | null>;
  stop(): Promise<void>;
}

export function clientOptions(config: SlackAdapterConfig, log: Logger): WebClientOptions {
  const url = config.apiUrl ? (config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`) : undefined;
  return {
    ...(url ? { slackApiUrl: url } : {}),
    logger: boltLogger(log),
    logLevel: LogLevel.WARN,
    retryConfig: config.retry ?? { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
  };
}

/** Caches auth.test once it succeeds (a failure is retried on the next request), so acks never wait on it again. */
function singleToken(client: WebClient, token: string): Authorize<boolean> {
  let who: Promise<{ botId?: string; botUserId?: string }> | null = null;
  return async () => {
    who ??= client.auth.test({ token }).then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
    try {
      return { botToken: token, ...(await who) };
    } catch (err) {
      who = null;
      throw err;
    }
  };
}

/** Socket Mode with an app token; otherwise HTTP, with the OAuth install flow when client id and secret are set. */
export function buildApp(config: SlackAdapterConfig, log: Logger, installationStore: InstallationStore): BuiltApp {
  const options = clientOptions(config, log);
  const client = new WebClient(undefined, options);
  const logger = boltLogger(log);
  const oauth =
    config.clientId && config.clientSecret
      ? {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          stateSecret: config.stateSecret ?? randomBytes(24).toString('hex'),
          scopes: BOT_SCOPES,
          installationStore,
          installerOptions: { directInstall: true, clientOptions: options },
        }
      : {};
  const authorize = oauth.clientId ? undefined : singleToken(client, config.botToken ?? '');
  if (config.appToken) {
    // The socket client opens its connection with apps.connections.open: SLACK_API_URL applies to it too.
    const installerOptions = { ...(oauth.installerOptions ?? {}), clientOptions: options };
    const receiver = new SocketModeReceiver({ appToken: config.appToken, logger, ...oauth, installerOptions });
    const app = new App({ receiver, logger, clientOptions: options, ...(authorize ? { authorize } : {}) });
    return {
      app,
      client,
      start: async () => {
        await receiver.start();
        return null;
      },
      stop: () => receiver.stop(),
    };
  }
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret ?? '', logger, ...oauth });
  const app = new App({ receiver, logger, clientOptions: options, ...(authorize ? { authorize } : {}) });
  return {
    app,
    client,
    start: () => receiver.start({ port: config.port, host: config.host ?? '0.0.0.0' }),
    stop: () => receiver.stop(),
  };
}
