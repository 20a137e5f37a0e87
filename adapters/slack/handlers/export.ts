import type { UserRef } from '../../../src/core/user.js';
import type { SlackDeps } from '../deps.js';
import { renderNotice } from '../render.js';
import { openDm } from '../reply.js';
import type { WebClient } from '../web.js';
import type { Subcommand } from './subcommand.js';

/** Uploads the user's records as a file into their DM with the app, never into the channel. */
export async function sendExport(client: WebClient, deps: SlackDeps, user: UserRef, format: string): Promise<void> {
  const file = await deps.service.records.export(user, format);
  const channel = await openDm(client, user.userId);
  await client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(file.body, 'utf8'),
    filename: file.filename,
    title: file.filename,
    initial_comment: 'Here is everything I keep about your invitations.',
  });
}

export const exportCommand: Subcommand = {
  usage: '`/triage export [csv|json]`: your records as a file, sent to our DM',
  async run({ user, arg, client, ack, deps }) {
    await ack();
    await sendExport(client, deps, user, arg.trim().toLowerCase() || 'csv');
    await ack(renderNotice('I sent your export to our direct messages.'));
  },
};
