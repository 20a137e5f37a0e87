import { parseBudgetCommand, parseTimeCommand } from '../../../src/core/time-command.js';
import type { UserRef } from '../../../src/core/user.js';
import type { SlackDeps } from '../deps.js';
import { fileInfoVia, readingLine } from '../files.js';
import type { SlackApp } from '../listeners.js';
import { type MessageText, readMessage, type SlackMessageLike } from '../message-text.js';
import { renderNotice, type SlackMessage } from '../render.js';
import { startTriage } from '../start.js';
import { userFrom } from '../to-core.js';
import type { WebClient } from '../web.js';
import { guard } from './boundary.js';
import type { Subcommand } from './subcommand.js';
import { SUBCOMMANDS } from './subcommands.js';

/** Longer than this, or on several lines, a DM is an invitation even when its first word is a command's. */
const COMMAND_MAX = 80;

/**
 * A DM typed as a command ("history", "pending", "export", "forget", "help", "policy linkedin"…): the subcommand
 * it names. `time` and `budget` only when the rest parses, so "Time to connect…" stays an invitation.
 */
export function dmCommand(text: string): { run: Subcommand; arg: string } | null {
  const line = text.trim();
  if (line === '' || line.length > COMMAND_MAX || line.includes('\n')) return null;
  const [first = '', ...rest] = line.split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, '');
  const run = Object.hasOwn(SUBCOMMANDS, word) ? SUBCOMMANDS[word] : undefined;
  const arg = rest.join(' ');
  if (!run) return null;
  if (word === 'time' && !parseTimeCommand(arg).ok) return null;
  if (word === 'budget' && !parseBudgetCommand(arg).ok) return null;
  return { run, arg };
}

/**
 * A message to the app in its DM: a command typed there runs as that command; otherwise it is an invitation to
 * triage, read from its text, rich-text blocks, a forwarded email, or the files shared with it (an .eml or .txt
 * file, a screenshot).
 */
export function register(app: SlackApp, deps: SlackDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im' || 'bot_id' in event) return;
    if (event.subtype !== undefined && event.subtype !== 'file_share') return;
    const reply = (m: SlackMessage) =>
      client.chat.postMessage({ channel: event.channel, text: m.text, blocks: m.blocks });
    const user = userFrom(body);
    await guard(
      deps.log,
      'dm',
      async () => {
        const read = readMessage(event as SlackMessageLike);
        if (read.files.length > 0) return fromFiles(read, context.botToken ?? client.token, reply, client, deps, user);
        const command = dmCommand(read.text);
        if (command) return runInDm(command, user, client, deps, reply);
        await reply(await startTriage(deps.service, user, read.text, { source: 'dm' }));
      },
      reply,
    );
  });
}

/**
 * A DM with files: Slack has its ack already, so the files are downloaded and read (OCR takes a second or two)
 * under a "Reading…" message, which then becomes the triage card, or the one line saying what went wrong.
 */
async function fromFiles(
  read: MessageText,
  token: string | undefined,
  reply: (m: SlackMessage) => Promise<{ ts?: string; channel?: string }>,
  client: WebClient,
  deps: SlackDeps,
  user: UserRef,
): Promise<void> {
  const placeholder = await reply(renderNotice(readingLine(read.files)));
  const { ts, channel } = placeholder;
  const show = (m: SlackMessage) =>
    ts && channel ? client.chat.update({ channel, ts, text: m.text, blocks: m.blocks }) : reply(m);
  await guard(
    deps.log,
    'dm_file',
    async () => {
      const { text, notes } = await deps.files.read(read, token, fileInfoVia(client));
      await show(await startTriage(deps.service, user, text, { source: 'dm' }, notes));
    },
    show,
  );
}

/** Runs a subcommand whose replies go to the DM it was typed in. */
async function runInDm(
  command: { run: Subcommand; arg: string },
  user: UserRef,
  client: WebClient,
  deps: SlackDeps,
  reply: (m: SlackMessage) => Promise<unknown>,
): Promise<void> {
  await command.run.run({
    user,
    arg: command.arg,
    client,
    deps,
    ack: async (m) => {
      if (m) await reply(m);
    },
  });
}
