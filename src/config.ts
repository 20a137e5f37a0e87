import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const schema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('./data/invite-triage.db'),
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a PostgreSQL URL, postgres://user@host:5432/database',
  }),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: optional,
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DIGEST_CRON: z.string().trim().default('*/15 * * * *'),
  DIGEST_ENABLED: z
    .enum(['true', 'false', '1', '0', ''])
    .default('true')
    .transform((v) => v !== 'false' && v !== '0'),
});

export type Env = z.infer<typeof schema>;

export interface SlackConfig {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  clientId?: string;
  clientSecret?: string;
  stateSecret?: string;
  apiUrl?: string;
  port: number;
  /** Where Slack's HTTP receiver listens: every interface unless HOST says otherwise. */
  host?: string;
}

export interface DiscordConfig {
  token: string;
  applicationId?: string;
  guildId?: string;
  apiUrl?: string;
}

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server shared by several instances. */
export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  databasePath: string;
  database: DatabaseConfig;
  logLevel: Env['LOG_LEVEL'];
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  digest: { enabled: boolean; cron: string };
}

export class ConfigError extends Error {}

/** Parses the environment once; a missing or malformed variable fails here, naming the variable to set. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    databasePath: e.DATABASE_PATH,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.DATABASE_PATH },
    logLevel: e.LOG_LEVEL,
    slack: slackConfig(e),
    discord: e.DISCORD_TOKEN
      ? {
          token: e.DISCORD_TOKEN,
          applicationId: e.DISCORD_APPLICATION_ID,
          guildId: e.DISCORD_GUILD_ID,
          apiUrl: e.DISCORD_API_URL,
        }
      : null,
    digest: { enabled: e.DIGEST_ENABLED, cron: e.DIGEST_CRON },
  };
}

function slackConfig(e: Env): SlackConfig | null {
  const any =
    e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN || e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET;
  if (!any) return null;
  const oauth = e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET;
  if (oauth && !(e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET)) {
    throw new ConfigError('Slack OAuth needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: set the missing one.');
  }
  if (oauth && !e.SLACK_STATE_SECRET) {
    // Every instance must verify the state another one signed, so the secret cannot be made up at start.
    throw new ConfigError('Slack OAuth needs SLACK_STATE_SECRET, the same long random string on every instance.');
  }
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode): set one.');
  }
  if (!e.SLACK_BOT_TOKEN && !oauth) {
    throw new ConfigError(
      'Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install via OAuth.',
    );
  }
  if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN is an app-level token and starts with xapp-.');
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET,
    stateSecret: e.SLACK_STATE_SECRET,
    apiUrl: e.SLACK_API_URL,
    port: e.PORT,
    host: e.HOST,
  };
}
