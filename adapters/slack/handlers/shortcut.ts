import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { ephemeral, postToDm } from '../reply.js';
import { startTriage } from '../start.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';

export const SHORTCUT = 'triage_message';

/** The text of a message, with what attachments carry (a forwarded email or an unfurled notification). */
export function messageText(message: MessageShortcut['message']): string {
  const parts = [message.text ?? ''];
  const attachments = (message as { attachments?: { title?: string; text?: string; fallback?: string }[] }).attachments;
  for (const a of attachments ?? []) parts.push(a.title ?? '', a.text ?? a.fallback ?? '');
  return parts.filter(Boolean).join('\n');
}

/** "Triage this invitation" on any message: the triage continues privately in the app's DM. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT, async ({ ack, shortcut, body, client, respond }) => {
    await ack();
    const tell = (m: SlackMessage) => postToDm(client, shortcut.user.id, m);
    await guard(
      deps.log,
      'shortcut',
      async () => {
        await tell(
          await startTriage(deps.service, userFrom(body), messageText(shortcut.message), { source: 'shortcut' }),
        );
        if (shortcut.channel.id.startsWith('D')) return;
        await ephemeral(respond, renderNotice('I started that triage in our direct messages.'));
      },
      tell,
    );
  });
}
