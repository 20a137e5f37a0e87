import type { App, MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { readMessage, type SlackMessageLike, unreadableNote } from '../message-text.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { ephemeral, privately } from '../reply.js';
import { startTriage } from '../start.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';

export const SHORTCUT = 'triage_message';

/** "Triage this invitation" on any message: the triage continues privately in the app's DM. */
export function register(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT, async ({ ack, shortcut, body, client, respond }) => {
    await ack();
    const inDm = shortcut.channel.id.startsWith('D');
    // Where the DM cannot be opened, the card is shown ephemerally in the channel instead.
    const tell = (m: SlackMessage) => privately(client, shortcut.user.id, m, { respond });
    await guard(
      deps.log,
      'shortcut',
      async () => {
        const read = readMessage(shortcut.message as SlackMessageLike);
        const note = unreadableNote(read);
        if (note) {
          await ephemeral(respond, renderNotice(note));
          return;
        }
        const card = await startTriage(deps.service, userFrom(body), read.text, { source: 'shortcut' });
        const where = await privately(client, shortcut.user.id, card, { respond });
        if (inDm || where === 'here') return;
        await ephemeral(respond, renderNotice('I started that triage in our direct messages.'));
      },
      tell,
    );
  });
}
