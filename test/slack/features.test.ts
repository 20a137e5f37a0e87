import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttons, findButton, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import {
  eventBody,
  fixtureModalValues,
  messageActionForm,
  STEVE,
  viewSubmissionForm,
} from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const FORWARDED =
  "Fwd: Sarah Johnson wants to connect on LinkedIn\n\nI'd like to add you to my professional network on LinkedIn.\n\nSarah Johnson\nMarketing Manager at TechCorp Solutions";

describe('the message shortcut', () => {
  it('starts a triage from the message text, privately in the DM, and tells the user where', async () => {
    const from = h.fake.calls.length;
    const res = await h.send(messageActionForm(FORWARDED, h.fake.responseUrl()));
    expect(res.status).toBe(200);
    const opened = await h.fake.waitFor((c) => c.method === 'conversations.open', from);
    expect(opened.body.users).toBe(STEVE.userId);
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(card.body.channel).toBe('D2147483697');
    expect(buttons(card).length).toBeGreaterThan(0);
    const notice = await h.fake.waitFor((c) => c.method === 'response_url', from);
    expect(notice.body.response_type).toBe('ephemeral');
    expect(await h.service.triage.openTriage(h.userRef())).not.toBeNull();
  });
});

describe('a DM to the app', () => {
  it('starts a triage in that DM, and answering updates the same message with chat.update', async () => {
    const from = h.fake.calls.length;
    await h.send(eventBody('message_im.json', {}, 'Ev0DM0001'), 'application/json');
    let card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(card.body.channel).toBe('D0ABCDEF1');
    if (visibleText(card).includes('Which network')) card = await h.click(card, 'Facebook');
    expect(card.method === 'chat.postMessage' || card.method === 'chat.update').toBe(true);
    if (visibleText(card).includes('Who sent it')) card = await h.click(card, 'Skip');
    const next = await h.click(card, 'Yes');
    expect(next.method).toBe('chat.update');
    expect(next.body.ts).toBe('1548261231.000200');
    expect(visibleText(next)).toContain('Decline');
  });

  it('ignores messages from bots and edits, so the app never answers itself', async () => {
    const from = h.fake.calls.length;
    await h.send(
      eventBody('message_im.json', { bot_id: 'B0BOT0001', subtype: 'bot_message' }, 'Ev0DM0002'),
      'application/json',
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });
});

describe('App Home', () => {
  it('shows pending invitations, latest decisions, this week and the digest settings; changing the hour saves it', async () => {
    const user = h.userRef();
    await h.service.triage.startFromText(user, 'LinkedIn invitation from Ana Open', {
      platform: 'linkedin',
      inviter: 'Ana Open',
    });
    const v = await h.service.triage.startFromText(user, 'x', { platform: 'linkedin', inviter: 'Bo Decided' });
    if (v.step.kind === 'question')
      await h.service.triage.answer(user, v.id, { questionId: v.step.question.id, choice: 'yes' });
    const from = h.fake.calls.length;
    await h.send(eventBody('app_home_opened.json', {}, 'Ev0HOME01'), 'application/json');
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', from);
    expect(home.body.user_id).toBe(STEVE.userId);
    const text = visibleText(home);
    expect(text).toContain('Ana Open');
    expect(text).toContain('Bo Decided');
    expect(text).toContain('Accept: 1');
    expect(text).toContain('Mondays at 09:00');
    expect(buttons(home)).toContain('Continue');

    const mark = h.fake.calls.length;
    await h.act(
      {
        action_id: 'home_digest_hour',
        type: 'static_select',
        selected_option: { value: '17', text: { type: 'plain_text', text: '17:00' } },
      },
      { kind: 'home' },
    );
    const republished = await h.fake.waitFor((c) => c.method === 'views.publish', mark);
    expect(visibleText(republished)).toContain('Mondays at 17:00');
    expect((await h.service.settings.get(user)).digest.hour).toBe(17);

    const tz = await h.click(republished, 'Use my Slack time zone', { kind: 'home' });
    expect(tz.method).toBe('users.info');
    await h.fake.waitFor((c) => c.method === 'views.publish' && visibleText(c).includes('Europe/Berlin'), mark);
    expect((await h.service.settings.get(user)).timezone).toBe('Europe/Berlin');

    await h.click(republished, 'Turn digest off', { kind: 'home' });
    await h.fake.waitFor((c) => c.method === 'views.publish' && visibleText(c).includes('digest*: off'), mark);
    expect((await h.service.settings.get(user)).digest.off).toBe(true);
  });
});

describe('the modal', () => {
  it('/triage with no text opens the form; submitting it starts a Facebook triage for Sam Lee in the DM', async () => {
    const opened = await (async () => {
      const from = h.fake.calls.length;
      const { slashCommandForm } = await import('../helpers/slack-payloads.js');
      await h.send(slashCommandForm('', h.fake.responseUrl()));
      return h.fake.waitFor((c) => c.method === 'views.open', from);
    })();
    const view = opened.body.view as { callback_id: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('triage_modal');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['platform', 'inviter', 'context', 'text']);

    const from = h.fake.calls.length;
    const res = await h.send(viewSubmissionForm(fixtureModalValues()));
    expect(res.status).toBe(200);
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(visibleText(card)).toContain('*Facebook invitation from Sam Lee*');
    expect(visibleText(card)).toContain('My patient at the clinic');
    // "My patient" answers the dual-relationship question, so a new user is first asked their work, once.
    expect(visibleText(card)).toContain('What is your work?');
  });

  it('an empty form is refused with a message in the form, and nothing is stored', async () => {
    const res = await h.send(viewSubmissionForm({}));
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.inviter).toContain('Say who invited you');
    expect(await h.service.records.pending(h.userRef())).toEqual([]);
  });
});

describe('policy', () => {
  it('/triage policy linkedin shows the criteria; Edit opens the editor; saving a custom question changes the next triage', async () => {
    const shown = await h.command('policy linkedin');
    expect(visibleText(shown)).toContain('in person or on the phone');
    const from = h.fake.calls.length;
    await h.click(shown, 'Edit LinkedIn policy');
    const opened = await h.fake.waitFor((c) => c.method === 'views.open', from);
    expect((opened.body.view as { private_metadata: string }).private_metadata).toBe('linkedin');
    const values = {
      builtin: { builtin_select: { type: 'checkboxes', selected_options: [{ value: 'knows_them' }] } },
      custom: { custom_input: { type: 'plain_text_input', value: 'Did we work together?' } },
      reset: { reset_select: { type: 'checkboxes', selected_options: [] } },
    };
    await h.send(viewSubmissionForm(values, 'policy_modal', 'linkedin'));
    const saved = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(visibleText(saved)).toContain('Did we work together?');
    const policy = await h.service.policies.show(h.userRef(), 'linkedin');
    expect(policy.source).toBe('user');
    expect(policy.criteria.map((c) => c.id)).toEqual(['knows_them', 'custom_did_we_work_together']);
  });
});

describe('the workspace policy', () => {
  const MAYA = { ...STEVE, userId: 'U0MAYA001' };
  const form = (custom: string, scope: string) => ({
    builtin: { builtin_select: { type: 'checkboxes', selected_options: [] } },
    custom: { custom_input: { type: 'plain_text_input', value: custom } },
    reset: { reset_select: { type: 'checkboxes', selected_options: [] } },
    scope: { scope_select: { type: 'radio_buttons', selected_option: { value: scope } } },
  });
  const blockIds = (call: { body: Record<string, unknown> }) =>
    ((call.body.view as { blocks: { block_id?: string }[] }).blocks ?? []).map((b) => b.block_id);

  it('GIVEN an admin saves for everyone THEN members without their own policy get it, and their own still wins', async () => {
    h.fake.setUser(STEVE.userId, { is_admin: true });
    await h.service.policies.set(h.userRef(MAYA), 'facebook', ['knows_them']);
    const shown = await h.command('policy linkedin');
    const opening = h.fake.calls.length;
    await h.click(shown, 'Edit LinkedIn policy');
    expect(blockIds(await h.fake.waitFor((c) => c.method === 'views.open', opening))).toContain('scope');
    const from = h.fake.calls.length;
    await h.send(viewSubmissionForm(form('Did we work together?', 'team'), 'policy_modal', 'linkedin'));
    const saved = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(visibleText(saved)).toContain('Saved for everyone in this workspace');
    expect(await h.service.policies.show(h.userRef(MAYA), 'linkedin')).toMatchObject({ source: 'team' });
    expect((await h.service.policies.show(h.userRef(MAYA), 'linkedin')).criteria.map((c) => c.question)).toEqual([
      'Did we work together?',
    ]);
    expect((await h.service.policies.show(h.userRef(MAYA), 'facebook')).source).toBe('user');
    const elsewhere = { ...h.userRef(MAYA), workspace: 'E0001:T0002' };
    expect((await h.service.policies.show(elsewhere, 'linkedin')).source).toBe('built-in');
  });

  it('GIVEN a member who is not an admin THEN the form does not offer it, and a forged submission changes nothing', async () => {
    h.fake.setUser(STEVE.userId, { is_admin: false, is_owner: false });
    const shown = await h.command('policy linkedin');
    const opening = h.fake.calls.length;
    await h.click(shown, 'Edit LinkedIn policy');
    expect(blockIds(await h.fake.waitFor((c) => c.method === 'views.open', opening))).not.toContain('scope');
    const from = h.fake.calls.length;
    await h.send(viewSubmissionForm(form('Did we work together?', 'team'), 'policy_modal', 'linkedin'));
    const refused = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(visibleText(refused)).toContain('Only a workspace admin or owner');
    expect((await h.service.policies.show(h.userRef(MAYA), 'linkedin')).source).toBe('built-in');
    expect((await h.service.policies.show(h.userRef(), 'linkedin')).source).toBe('built-in');
  });

  it('GIVEN a question too long for everyone THEN the form says why before it closes, and nothing is saved', async () => {
    h.fake.setUser(STEVE.userId, { is_admin: true });
    const res = await h.send(
      viewSubmissionForm(form(`Is it ${'very '.repeat(60)}?`, 'team'), 'policy_modal', 'linkedin'),
    );
    expect(await res.text()).toContain('under 200 characters');
    expect((await h.service.policies.show(h.userRef(MAYA), 'linkedin')).source).toBe('built-in');
  });
});

describe('export and forget', () => {
  it('/triage export uploads a CSV into the DM with files.uploadV2, never into the channel', async () => {
    const user = h.userRef();
    await h.service.triage.startFromText(user, 'x', { platform: 'linkedin', inviter: 'Dana Kim' });
    const reply = await h.command('export');
    expect(visibleText(reply)).toContain('sent your export');
    const names = h.fake.calls.map((c) => c.method);
    expect(names).toEqual(
      expect.arrayContaining([
        'conversations.open',
        'files.getUploadURLExternal',
        'upload',
        'files.completeUploadExternal',
      ]),
    );
    const upload = h.fake.calls.find((c) => c.method === 'upload');
    expect(upload?.raw).toContain('triage_id,received_at,platform,inviter');
    expect(upload?.raw).toContain('Dana Kim');
    const complete = h.fake.calls.find((c) => c.method === 'files.completeUploadExternal');
    expect(complete?.body.channel_id).toBe('D2147483697');
  });

  it('/triage forget asks first; Cancel keeps everything, Delete everything deletes it', async () => {
    const user = h.userRef();
    await h.service.triage.startFromText(user, 'x', { platform: 'linkedin', inviter: 'Dana Kim' });
    const ask = await h.command('forget');
    expect(buttons(ask)).toEqual(['Delete everything', 'Cancel']);
    expect(findButton(ask, 'Delete everything').action_id).toBe('forget_confirm');
    const cancelled = await h.click(ask, 'Cancel');
    expect(visibleText(cancelled)).toContain('nothing was deleted');
    expect(await h.service.records.pending(user)).toHaveLength(1);
    const done = await h.click(ask, 'Delete everything');
    expect(visibleText(done)).toContain('deleted everything');
    expect(await h.service.records.pending(user)).toEqual([]);
  });
});

describe('workspaces', () => {
  it('the same user id in another workspace sees none of the first one’s data', async () => {
    await h.service.triage.startFromText(h.userRef(), 'x', { platform: 'linkedin', inviter: 'Dana Kim' });
    const other = { ...STEVE, teamId: 'T0002', enterpriseId: '' };
    const pending = await h.command('pending', other);
    expect(visibleText(pending)).toContain('Nothing pending');
    expect(visibleText(await h.command('pending'))).toContain('Dana Kim');
  });
});
