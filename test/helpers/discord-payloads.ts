import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Json, nextSnowflake } from './discord-fake-rest.js';

const DIR = fileURLToPath(new URL('../fixtures/discord/', import.meta.url));

/** A recorded payload from test/fixtures/discord, parsed afresh each time so tests can change it. */
export function fixture<T = Json>(name: string): T {
  return JSON.parse(readFileSync(`${DIR}${name}`, 'utf8')) as T;
}

export const APP_ID = '1170000000000000000';
export const DANA = { id: '1150000000000000001', username: 'dana', global_name: 'Dana' };
export const SAM = { id: '1150000000000000002', username: 'sam', global_name: 'Sam' };
export type TestUser = { id: string; username: string; global_name: string };

const asUser = (u: TestUser) => ({ ...u, discriminator: '0', avatar: null, public_flags: 0 });

/**
 * Where an interaction happens: the bot's DM (context 1), a server (0), or a private channel (2): a group DM or
 * a DM between two people, where a user-installed app runs.
 */
export type Where = 'dm' | 'guild' | 'private';

/** Gives a payload fresh ids and token, and puts it in the bot's DM, a server or a group DM for the given user. */
function place(payload: Json, user: TestUser, where: Where): Json {
  const id = nextSnowflake();
  payload.id = id;
  payload.token = `token-${id}`;
  payload.application_id = APP_ID;
  if (where === 'dm') {
    payload.user = asUser(user);
    payload.member = undefined;
    payload.guild_id = undefined;
    payload.context = 1;
    payload.channel = { id: payload.channel_id, type: 1, flags: 0 };
  } else if (where === 'private') {
    payload.user = asUser(user);
    payload.member = undefined;
    payload.guild_id = undefined;
    payload.channel_id = '1162000000000000001';
    payload.context = 2;
    payload.channel = { id: payload.channel_id, type: 3, flags: 0, recipients: [] };
  } else {
    payload.user = undefined;
    payload.member = fixture('interaction_message_command.json').member;
    payload.member.user = asUser(user);
    payload.guild_id = '1140000000000000001';
    payload.channel_id = '1161000000000000001';
    payload.channel = { id: payload.channel_id, type: 0, guild_id: payload.guild_id, name: 'general', flags: 0 };
    payload.context = 0;
  }
  return payload;
}

type Option = { name: string; type: number; value: string | number | boolean; focused?: boolean };

/** `/triage <sub> …options`, shaped as interaction_chat_input_dm.json. */
export function slash(sub: string, options: Option[], user: TestUser = DANA, where: Where = 'dm') {
  const p = fixture('interaction_chat_input_dm.json');
  p.data.options = [{ name: sub, type: 1, options }];
  return place(p, user, where);
}

/** The same server interaction, from a member who also has Manage Server (0x20). */
export function asAdmin(payload: Json): Json {
  payload.member.permissions = String(BigInt(payload.member.permissions) | 0x20n);
  return payload;
}

/** An autocomplete request (type 4) for `/triage <sub>` with one focused option. */
export function autocomplete(sub: string, options: Option[], user: TestUser = DANA) {
  const p = slash(sub, options, user);
  p.type = 4;
  return p;
}

/** A button click on a message the bot sent, shaped as interaction_button_dm.json. */
export function button(customId: string, message: Json, user: TestUser = DANA, where: Where = 'dm') {
  const p = fixture('interaction_button_dm.json');
  p.data.custom_id = customId;
  if (message) p.message = message;
  return place(p, user, where);
}

/** A choice made in a select menu on a message the bot sent. */
export function select(customId: string, values: string[], message: Json, user: TestUser = DANA, where: Where = 'dm') {
  const p = button(customId, message, user, where);
  p.data = { custom_id: customId, component_type: 3, values };
  return p;
}

/** Moves a server interaction to another server. */
export function inServer(payload: Json, guildId: string): Json {
  payload.guild_id = guildId;
  if (payload.channel) payload.channel.guild_id = guildId;
  return payload;
}

/** "Triage invitation" on a message with the given text, shaped as interaction_message_command.json. */
export function messageCommand(content: string, user: TestUser = DANA, where: Where = 'guild') {
  const p = fixture('interaction_message_command.json');
  const target = Object.values(p.data.resolved.messages)[0] as { content: string };
  target.content = content;
  return place(p, user, where);
}

/** A modal submit with text inputs by custom id, shaped as interaction_modal_submit.json. */
export function modalSubmit(
  customId: string,
  fields: Record<string, string>,
  user: TestUser = DANA,
  message?: Json,
  where: Where = 'dm',
) {
  const p = fixture('interaction_modal_submit.json');
  p.data.custom_id = customId;
  p.data.components = Object.entries(fields).map(([id, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: id, value }],
  }));
  if (message) p.message = message;
  return place(p, user, where);
}

/** A DM to the bot (the `d` of message_create_dm.json). */
export function dm(content: string, user: TestUser = DANA) {
  const d = fixture('message_create_dm.json').d;
  d.id = nextSnowflake();
  d.content = content;
  d.author = asUser(user);
  d.channel_id = `8${user.id.slice(1)}`;
  return d;
}

/**
 * A modal submit built of labels (type 18), as Discord sends forms with selects: a string field is a text
 * input's value, a list is a string select's chosen values.
 */
export function labelledModalSubmit(
  customId: string,
  fields: Record<string, string | string[]>,
  user: TestUser = DANA,
  where: Where = 'dm',
) {
  const p = fixture('interaction_modal_submit.json');
  p.data.custom_id = customId;
  p.data.components = Object.entries(fields).map(([id, v], k) => ({
    type: 18,
    id: k + 1,
    component: Array.isArray(v)
      ? { type: 3, id: 100 + k, custom_id: id, values: v }
      : { type: 4, id: 100 + k, custom_id: id, value: v },
  }));
  return place(p, user, where);
}
