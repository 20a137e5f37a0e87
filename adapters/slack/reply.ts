import type { RespondFn } from '@slack/bolt';
import { isTriageError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import { renderNotice, type SlackMessage } from './render.js';
import type { WebClient } from './web.js';

const OOPS = 'Something went wrong on my side and nothing was changed. Try again in a moment.';

/** The message to show for a failure: a TriageError's own words, else a generic apology (logged with detail). */
export function messageFor(err: unknown, log: Logger, where: string): string {
  if (isTriageError(err)) {
    log.info('triage refused', { where, code: err.code });
    return err.message;
  }
  const slack = (err as { code?: string; data?: { error?: string } }) ?? {};
  log.error('slack handler failed', {
    where,
    code: slack.code,
    slackError: slack.data?.error,
    error: err instanceof Error ? err.message : String(err),
  });
  return OOPS;
}

/** Runs work after ack(): every failure is logged and, where possible, told to the user; none escapes. */
export async function guarded(
  log: Logger,
  where: string,
  work: () => Promise<void>,
  tell?: (m: SlackMessage) => Promise<unknown>,
) {
  try {
    await work();
  } catch (err) {
    const message = messageFor(err, log, where);
    if (!tell) return;
    try {
      await tell(renderNotice(message));
    } catch (again) {
      log.error('could not tell the user about a failure', { where, error: String(again) });
    }
  }
}

/** Opens (or finds) the app's DM with a user and returns its channel id. */
export async function openDm(client: WebClient, userId: string, token?: string): Promise<string> {
  const res = await client.conversations.open({ users: userId, ...(token ? { token } : {}) });
  const channel = res.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  return channel;
}

export async function postToDm(client: WebClient, userId: string, msg: SlackMessage, token?: string) {
  const channel = await openDm(client, userId, token);
  await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, ...(token ? { token } : {}) });
}

/** An ephemeral reply through response_url; Slack shows it to the acting user alone. */
export function ephemeral(respond: RespondFn, msg: SlackMessage, replace = false) {
  return respond({ response_type: 'ephemeral', replace_original: replace, text: msg.text, blocks: msg.blocks });
}

/** Where an interaction came from, to update that message in place. */
export interface Origin {
  container?: { type?: string; is_ephemeral?: boolean; channel_id?: string; message_ts?: string };
  response_url?: string;
  user: { id: string };
}

/** Replaces the message a button sat on: chat.update for a DM message, response_url for an ephemeral one. */
export async function updateInPlace(
  client: WebClient,
  body: Origin,
  respond: RespondFn | undefined,
  msg: SlackMessage,
) {
  const c = body.container;
  if (c?.type === 'message' && !c.is_ephemeral && c.channel_id && c.message_ts) {
    await client.chat.update({ channel: c.channel_id, ts: c.message_ts, text: msg.text, blocks: msg.blocks });
  } else if (respond && body.response_url) {
    await ephemeral(respond, msg, true);
  } else {
    await postToDm(client, body.user.id, msg);
  }
}

/** Shows a new message beside the one clicked: ephemeral when Slack gave a response_url, else in the DM. */
export async function showNew(client: WebClient, body: Origin, respond: RespondFn | undefined, msg: SlackMessage) {
  if (respond && body.response_url && body.container?.is_ephemeral) await ephemeral(respond, msg);
  else await postToDm(client, body.user.id, msg);
}
