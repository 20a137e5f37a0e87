import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { SlackMessage } from '../render.js';
import { renderHelp } from '../render-help.js';
import { startTriage } from '../start.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';
import { usageLines } from './help.js';
import { SUBCOMMANDS } from './subcommands.js';

/** A message to the app in its DM is an invitation to triage; "help" gets the help. */
export function register(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, body, client }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const text = event.text ?? '';
    const reply = (m: SlackMessage) =>
      client.chat.postMessage({ channel: event.channel, text: m.text, blocks: m.blocks });
    await guard(
      deps.log,
      'dm',
      async () => {
        if (/^\s*help\s*$/i.test(text)) await reply(renderHelp(usageLines(SUBCOMMANDS)));
        else await reply(await startTriage(deps.service, userFrom(body), text, { source: 'dm' }));
      },
      reply,
    );
  });
}
