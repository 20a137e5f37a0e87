import type { MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { fileInfoVia, readingLine } from '../files.js';
import type { SlackApp } from '../listeners.js';
import { readMessage, type SlackMessageLike } from '../message-text.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { ephemeral, privately } from '../reply.js';
import { startTriage } from '../start.js';
import { userFrom } from '../to-core.js';
import { guard } from './boundary.js';

export const SHORTCUT = 'triage_message';

const MOVED = 'I started that triage in our direct messages.';

/**
 * "Triage this invitation" on any message: the triage continues privately in the app's DM. A message with
 * files (an .eml, a .txt, a screenshot) shows "Reading…" where the user is while they are downloaded and read.
 */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUT, async ({ ack, shortcut, body, client, respond, context }) => {
    await ack();
    const inDm = shortcut.channel.id.startsWith('D');
    let reading = false;
    // A file's problem replaces the "Reading…" line where the user is; anything else goes to the DM, where the
    // card would have been (ephemerally here when the DM cannot be opened).
    const tell = (m: SlackMessage) =>
      reading ? ephemeral(respond, m, true) : privately(client, shortcut.user.id, m, { respond });
    await guard(
      deps.log,
      'shortcut',
      async () => {
        const read = readMessage(shortcut.message as SlackMessageLike);
        let text = read.text;
        let notes: string[] = [];
        if (read.files.length > 0) {
          await ephemeral(respond, renderNotice(readingLine(read.files)));
          reading = true;
          ({ text, notes } = await deps.files.read(read, context.botToken ?? client.token, fileInfoVia(client)));
        }
        const card = await startTriage(deps.service, userFrom(body), text, { source: 'shortcut' }, notes);
        const where = await privately(client, shortcut.user.id, card, { respond });
        if (where === 'here') return;
        if (read.files.length > 0 && inDm) await respond({ delete_original: true });
        else if (read.files.length > 0) await ephemeral(respond, renderNotice(MOVED), true);
        else if (!inDm) await ephemeral(respond, renderNotice(MOVED));
      },
      tell,
    );
  });
}
