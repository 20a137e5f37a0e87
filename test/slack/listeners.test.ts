import { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { routed } from '../../adapters/slack/listeners.js';

// The routing runs inside a real Bolt App: processEvent is what its receivers call for each request.
function app() {
  const bolt = new App({
    signingSecret: 'test',
    authorize: async () => ({ botToken: 'xoxb-test', botId: 'B1', botUserId: 'UBOT' }),
  });
  return { bolt, routes: routed(bolt) };
}

const click = (actionId: string) => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1', team_id: 'T1' },
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v' }],
});

const event = (type: string) => ({
  type: 'event_callback',
  team_id: 'T1',
  event_id: `Ev${type}`,
  event: { type, user: 'U1' },
});

async function deliver(bolt: App, body: object): Promise<boolean> {
  let acked = false;
  const ack = async () => {
    acked = true;
  };
  await bolt.processEvent({ body, ack } as never);
  return acked;
}

const command = (name: string) => ({
  command: name,
  text: 'hi',
  team_id: 'T1',
  user_id: 'U1',
  channel_id: 'C1',
  response_url: 'https://hooks.slack.com/commands/x',
  trigger_id: 't',
});

const view = (type: 'view_submission' | 'view_closed', callbackId: string) => ({
  type,
  team: { id: 'T1' },
  user: { id: 'U1', team_id: 'T1' },
  view: { id: 'V1', callback_id: callbackId, state: { values: {} } },
});

const shortcut = (callbackId: string) => ({
  type: 'message_action',
  callback_id: callbackId,
  trigger_id: 't',
  team: { id: 'T1' },
  user: { id: 'U1', team_id: 'T1' },
  channel: { id: 'C1' },
  message: { ts: '1.2', text: 'x' },
  response_url: 'https://hooks.slack.com/actions/x',
});

describe('our listeners, routed by id behind one Bolt middleware', () => {
  it('runs the command of that name, and leaves another command unanswered', async () => {
    const { bolt, routes } = app();
    const ran: string[] = [];
    routes.command('/triage', async ({ ack, command: c }) => {
      ran.push(c.text);
      await ack();
    });
    expect(await deliver(bolt, command('/triage'))).toBe(true);
    expect(await deliver(bolt, command('/other'))).toBe(false);
    expect(ran).toEqual(['hi']);
  });

  it('runs a view listener on its submission only, as Bolt’s view(id) does', async () => {
    const { bolt, routes } = app();
    const ran: string[] = [];
    routes.view('triage_modal', async ({ ack, view: v }) => {
      ran.push(v.callback_id);
      await ack();
    });
    expect(await deliver(bolt, view('view_submission', 'triage_modal'))).toBe(true);
    expect(await deliver(bolt, view('view_closed', 'triage_modal'))).toBe(false);
    expect(await deliver(bolt, view('view_submission', 'policy_modal'))).toBe(false);
    expect(ran).toEqual(['triage_modal']);
  });

  it('runs the shortcut of that callback id', async () => {
    const { bolt, routes } = app();
    const ran: string[] = [];
    routes.shortcut('triage_message', async ({ ack, shortcut: s }) => {
      ran.push(s.callback_id);
      await ack();
    });
    expect(await deliver(bolt, shortcut('triage_message'))).toBe(true);
    expect(await deliver(bolt, shortcut('something_else'))).toBe(false);
    expect(ran).toEqual(['triage_message']);
  });

  it('runs our middleware first, in order; one that does not go on stops the request', async () => {
    const { bolt, routes } = app();
    const ran: string[] = [];
    routes.use(async ({ next }) => {
      ran.push('first');
      await next();
    });
    routes.use(async ({ body, next }) => {
      ran.push('second');
      if ((body as { command?: string }).command !== '/stop') await next();
    });
    routes.command(/^\/(triage|stop)$/, async ({ ack }) => {
      ran.push('listener');
      await ack();
    });
    expect(await deliver(bolt, command('/triage'))).toBe(true);
    expect(await deliver(bolt, command('/stop'))).toBe(false);
    expect(ran).toEqual(['first', 'second', 'listener', 'first', 'second']);
  });

  it('runs the action whose id or pattern matches, and no other', async () => {
    const { bolt, routes } = app();
    const ran: string[] = [];
    routes.action('triage_discard', async ({ ack }) => {
      ran.push('discard');
      await ack();
    });
    routes.action(/^triage_answer_\d+$/, async ({ ack, action }) => {
      ran.push(`answer ${(action as { action_id: string }).action_id}`);
      await ack();
    });
    expect(await deliver(bolt, click('triage_answer_2'))).toBe(true);
    expect(await deliver(bolt, click('triage_discard'))).toBe(true);
    expect(ran).toEqual(['answer triage_answer_2', 'discard']);
  });

  it('leaves an action nothing handles unanswered, as Bolt does', async () => {
    const { bolt, routes } = app();
    routes.action('triage_discard', async ({ ack }) => ack());
    expect(await deliver(bolt, click('something_else'))).toBe(false);
  });

  it('runs the event listener of that event type', async () => {
    const { bolt, routes } = app();
    const seen: string[] = [];
    routes.event('app_home_opened', async ({ event }) => void seen.push(`home ${event.type}`));
    routes.event('tokens_revoked', async () => void seen.push('revoked'));
    await deliver(bolt, event('app_home_opened'));
    expect(seen).toEqual(['home app_home_opened']);
  });

  it('hands a listener’s failure to Bolt’s error handler', async () => {
    const { bolt, routes } = app();
    const errors: string[] = [];
    bolt.error(async (err) => void errors.push(String(err.original ?? err.message)));
    routes.action('boom', async ({ ack }) => {
      await ack();
      throw new Error('listener broke');
    });
    await deliver(bolt, click('boom'));
    expect(errors.join()).toMatch(/listener broke/);
  });

  it('refuses what it cannot route: object constraints and global patterns', () => {
    const { routes } = app();
    expect(() => routes.action({ block_id: 'b' } as never, async () => {})).toThrow(/an id or a pattern/);
    expect(() => routes.action(/x/g, async () => {})).toThrow(/without the g flag/);
  });
});
