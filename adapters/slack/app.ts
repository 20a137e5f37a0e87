import { randomBytes } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import { App, type Authorize, HTTPReceiver, type InstallationStore, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.js';
import type { Logger } from '../../src/core/logger.js';
import type { DownloadTuning } from '../download.js';
import { boltLogger } from './bolt-logger.js';
import { WebClient, type WebClientOptions } from './web.js';

/** Slack config plus what tests and benchmarks set: the listening host, and how patiently the Web API retries. */
export interface SlackAdapterConfig extends SlackConfig {
  host?: string;
  retry?: { retries: number; minTimeout: number; maxTimeout: number };
  /** A shorter file download timeout (tests). */
  download?: DownloadTuning;
}

/** The scopes an OAuth install asks for; keep them in step with manifest.yaml. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:history',
  'im:write',
  'files:read',
  'files:write',
  'users:read',
];

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

interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/**
 * The single token with the bot's identity, which auth.test gives. `learn()` asks for it at start-up; a request
 * never waits on it: until it is known (or when Slack is slow or failing) requests go on with the token alone,
 * and the next request asks again.
 */
function singleToken(client: WebClient, token: string, log: Logger) {
  let who: BotIdentity = {};
  let asking: Promise<void> | null = null;
  const learn = () => {
    asking ??= client.auth
      .test({ token })
      .then((r) => {
        who = { botId: r.bot_id, botUserId: r.user_id };
      })
      .catch((err: unknown) => {
        asking = null;
        log.warn('slack auth.test failed; will ask again', { error: err instanceof Error ? err.message : String(err) });
      });
    return asking;
  };
  const authorize: Authorize<boolean> = async () => {
    if (!who.botUserId) void learn();
    return { botToken: token, ...who };
  };
  return { authorize, learn };
}

/** Refuses a request stamped more than five minutes in the future, as Bolt refuses one five minutes old. */
export function guardFuture(listener: RequestListener, log: Logger, now = Date.now): RequestListener {
  return (req, res) => {
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(stamp) && stamp * 1000 - now() > MAX_SKEW_MS) {
      log.warn('slack request refused: its timestamp is in the future');
      res.writeHead(401);
      res.end();
      return;
    }
    listener(req, res);
  };
}

const MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * A command or click from a workspace without an installation: there is no token to answer with, but its
 * response_url takes a reply without one. Events carry none and stay unanswered.
 */
export async function tellNotInstalled(body: unknown, log: Logger): Promise<void> {
  const url = (body as { response_url?: unknown } | undefined)?.response_url;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return;
  try {
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: NOT_INSTALLED }),
    });
  } catch (err) {
    log.warn('could not tell a workspace the app is not installed', { error: String(err) });
  }
}

/** What a command from a workspace without an installation is told. */
export const NOT_INSTALLED =
  "Invite Triage is not installed in this workspace (or was removed), so I can't answer here. Ask a workspace admin to install it.";

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
  const single = oauth.clientId ? undefined : singleToken(client, config.botToken ?? '', log);
  const authorize = single?.authorize;
  // Asked at start-up without waiting: a slow Slack API must not hold the start or the first request.
  const learn = () => {
    void single?.learn();
  };
  const appOptions = {
    logger,
    clientOptions: options,
    extendedErrorHandler: true,
    // Bolt's conversation store is not used here, and on every request it builds an Error for "not found".
    convoStore: false as const,
    ...(authorize ? { authorize } : {}),
  };
  if (config.appToken) {
    // The socket client opens its connection with apps.connections.open: SLACK_API_URL applies to it too.
    const installerOptions = { ...(oauth.installerOptions ?? {}), clientOptions: options };
    const receiver = new SocketModeReceiver({ appToken: config.appToken, logger, ...oauth, installerOptions });
    const app = new App({ receiver, ...appOptions });
    return {
      app,
      client,
      start: async () => {
        learn();
        await receiver.start();
        return null;
      },
      stop: () => receiver.stop(),
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret ?? '',
    logger,
    ...oauth,
  });
  receiver.requestListener = guardFuture(receiver.requestListener, log);
  const app = new App({ receiver, ...appOptions });
  return {
    app,
    client,
    start: () => {
      learn();
      return receiver.start({ port: config.port, host: config.host ?? '0.0.0.0' });
    },
    stop: () => receiver.stop(),
  };
}
