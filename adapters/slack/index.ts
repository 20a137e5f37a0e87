import type { Server } from 'node:http';
import { ErrorCode } from '@slack/bolt';
import type { AdapterDeps, ChatAdapter } from '../../src/adapter.js';
import { buildApp, type SlackAdapterConfig, tellNotInstalled } from './app.js';
import type { SlackDeps } from './deps.js';
import { slackFiles } from './files.js';
import * as answers from './handlers/answers.js';
import * as commands from './handlers/commands.js';
import * as dedupe from './handlers/dedupe.js';
import * as discard from './handlers/discard.js';
import * as forget from './handlers/forget.js';
import * as history from './handlers/history.js';
import * as home from './handlers/home.js';
import * as messages from './handlers/messages.js';
import * as modals from './handlers/modals.js';
import * as policy from './handlers/policy.js';
import * as reminders from './handlers/reminders.js';
import * as shortcut from './handlers/shortcut.js';
import * as uninstall from './handlers/uninstall.js';
import { revokedKey } from './handlers/uninstall.js';
import { botTokenFor, sqliteInstallationStore } from './installation-store.js';
import { routed } from './listeners.js';
import { slackNotifier } from './notifier.js';

export type { SlackAdapterConfig } from './app.js';

/** The Slack adapter; `url()` gives the HTTP receiver's address once started (tests and benchmarks listen on port 0). */
export interface SlackAdapter extends ChatAdapter {
  url(): string | null;
}

const DAY = 24 * 60 * 60 * 1000;

export function createSlackAdapter(config: SlackAdapterConfig, deps: AdapterDeps): SlackAdapter {
  const installations = sqliteInstallationStore(deps.service.installations);
  // Files are downloaded from where the Web API is: SLACK_API_URL's host when it is set.
  const slack: SlackDeps = { ...deps, files: slackFiles(deps.service, config.apiUrl, config.download) };
  const built = buildApp(config, deps.log, installations);
  const app = routed(built.app);
  for (const feature of [
    dedupe,
    commands,
    answers,
    discard,
    history,
    policy,
    forget,
    modals,
    shortcut,
    messages,
    home,
    reminders,
  ]) {
    feature.register(app, slack);
  }
  uninstall.register(app, slack, config.botToken);
  // Bolt's extended error handler (extendedErrorHandler: true) also hands over the request body.
  const onError = async ({ error, body }: { error: Error & { code?: string }; body?: unknown }) => {
    deps.log.error('slack app error', { code: error.code, error: error.message });
    if (error.code === ErrorCode.AuthorizationError) await tellNotInstalled(body, deps.log);
  };
  built.app.error(onError);
  let server: Server | null = null;
  // No token once the app was uninstalled or its token revoked: the notifier then sends nothing.
  const tokenFor = async (user: { workspace: string }) => {
    if (!config.botToken) return botTokenFor(deps.service.installations, user.workspace);
    return (await deps.service.installations.get(revokedKey(config.botToken))) ? undefined : config.botToken;
  };
  return {
    name: 'slack',
    notifier: slackNotifier(built.client, tokenFor, deps.log),
    async start() {
      await deps.service.events.forgetOlderThan(DAY);
      server = await built.start();
      deps.log.info('slack adapter started', { mode: config.appToken ? 'socket' : 'http' });
    },
    async stop() {
      await built.stop();
      server = null;
    },
    url() {
      const address = server?.address();
      if (!address || typeof address === 'string') return null;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
  };
}
