import type { RespondFn } from '@slack/bolt';
import type { SlackMessage } from './render.js';
import type { WebClient } from './web.js';

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

/** Where to answer someone privately when the app's DM with them cannot be opened. */
export interface Fallback {
  respond?: RespondFn | undefined;
  /** A channel they were in, for chat.postEphemeral. */
  channel?: string | undefined;
}

/**
 * Posts to the user's DM with the app; when Slack refuses it (cannot_dm_bot, messages tab off, and the like),
 * shows the message ephemerally where they are instead, through response_url or chat.postEphemeral.
 */
export async function privately(
  client: WebClient,
  userId: string,
  msg: SlackMessage,
  fallback: Fallback,
): Promise<'dm' | 'here'> {
  try {
    await postToDm(client, userId, msg);
    return 'dm';
  } catch (err) {
    if ((err as { code?: string }).code !== 'slack_webapi_platform_error') throw err;
    if (fallback.respond) await ephemeral(fallback.respond, msg);
    else if (fallback.channel) {
      await client.chat.postEphemeral({ channel: fallback.channel, user: userId, text: msg.text, blocks: msg.blocks });
    } else throw err;
    return 'here';
  }
}
