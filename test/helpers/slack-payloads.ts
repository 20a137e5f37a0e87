import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/slack/', import.meta.url));
const json = (name: string) => JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as Record<string, unknown>;

/** Who acts in the test payloads; the fixtures' team and enterprise unless overridden. */
export interface Actor {
  userId: string;
  teamId: string;
  enterpriseId: string;
  /**
   * An org-wide (Enterprise Grid) install: clicks carry the enterprise id as `user.team_id`, and events an
   * authorization with no team.
   */
  orgWide?: boolean;
}

export const STEVE: Actor = { userId: 'U2147483697', teamId: 'T0001', enterpriseId: 'E0001' };

/** The slash command fixture with its text, actor and response_url replaced. */
export function slashCommandForm(text: string, responseUrl: string, actor: Actor = STEVE): string {
  const form = new URLSearchParams(readFileSync(`${dir}slash_command.form`, 'utf8'));
  form.set('text', text);
  form.set('response_url', responseUrl);
  form.set('user_id', actor.userId);
  form.set('team_id', actor.teamId);
  form.set('enterprise_id', actor.enterpriseId);
  return form.toString();
}

function withActor(payload: Record<string, unknown>, actor: Actor): Record<string, unknown> {
  const user = payload.user as Record<string, unknown>;
  return {
    ...payload,
    user: { ...user, id: actor.userId, team_id: actor.orgWide ? actor.enterpriseId : actor.teamId },
    team: { id: actor.teamId, domain: 'example' },
    enterprise: { id: actor.enterpriseId, name: 'Globular Construct Inc' },
    is_enterprise_install: Boolean(actor.orgWide),
  };
}

export interface Clicked {
  action_id: string;
  block_id?: string;
  value?: string;
  type?: string;
  selected_option?: { value: string; text: { type: 'plain_text'; text: string } };
}

/** Where the clicked element sat: an ephemeral reply (response_url), a DM message (chat.update) or the home tab. */
export type Container =
  | { kind: 'ephemeral'; responseUrl: string }
  | { kind: 'message'; channel: string; ts: string; responseUrl: string }
  | { kind: 'home' };

/** A block_actions payload from the fixture, for one clicked element. */
export function blockActionsForm(action: Clicked, where: Container, actor: Actor = STEVE): string {
  const base = withActor(json('block_actions.json'), actor);
  const payload: Record<string, unknown> = {
    ...base,
    actions: [{ type: 'button', block_id: 'answers', action_ts: '1548426417.840180', ...action }],
  };
  if (where.kind === 'ephemeral') {
    payload.container = {
      type: 'message',
      message_ts: '1548261231.000200',
      channel_id: 'C2147483705',
      is_ephemeral: true,
    };
    payload.channel = { id: 'C2147483705', name: 'test' };
    payload.response_url = where.responseUrl;
  } else if (where.kind === 'message') {
    payload.container = { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false };
    payload.response_url = where.responseUrl;
  } else {
    payload.container = { type: 'view', view_id: 'V0001' };
    payload.view = { id: 'V0001', type: 'home', callback_id: '' };
    delete payload.response_url;
    delete payload.channel;
    delete payload.message;
  }
  return form(payload);
}

/** The message shortcut on a message with this text; `extra` adds message fields (files, blocks). */
export function messageActionForm(
  text: string,
  responseUrl: string,
  actor: Actor = STEVE,
  extra: Record<string, unknown> = {},
): string {
  const base = withActor(json('message_action.json'), actor);
  const message = { ...(base.message as Record<string, unknown>), text, ...extra };
  return form({ ...base, message, response_url: responseUrl });
}

export function viewSubmissionForm(
  values: Record<string, unknown>,
  callbackId = 'triage_modal',
  metadata = '',
  actor = STEVE,
) {
  const base = withActor(json('view_submission.json'), actor);
  const view = {
    ...(base.view as Record<string, unknown>),
    callback_id: callbackId,
    private_metadata: metadata,
    state: { values },
  };
  return form({ ...base, view });
}

/** The fixture's modal answers: Facebook, Sam Lee, "My patient at the clinic". */
export function fixtureModalValues(): Record<string, unknown> {
  return ((json('view_submission.json').view as Record<string, unknown>).state as { values: Record<string, unknown> })
    .values;
}

/** An Events API envelope from a fixture, with the event's fields and the event id overridden. */
export function eventBody(
  fixture: 'message_im.json' | 'app_home_opened.json' | 'app_uninstalled.json' | 'tokens_revoked.json',
  event: Record<string, unknown>,
  eventId: string,
  actor = STEVE,
) {
  const base = json(fixture);
  return JSON.stringify({
    ...base,
    team_id: actor.teamId,
    enterprise_id: actor.enterpriseId,
    event_id: eventId,
    event: {
      ...(base.event as Record<string, unknown>),
      user: actor.userId,
      ...(actor.orgWide ? { team: actor.enterpriseId } : {}),
      ...event,
    },
    authorizations: [
      {
        enterprise_id: actor.enterpriseId,
        team_id: actor.orgWide ? null : actor.teamId,
        user_id: 'U0BOT0001',
        is_bot: true,
        is_enterprise_install: Boolean(actor.orgWide),
      },
    ],
  });
}

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
