import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttons, findButton, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { blockActionsForm, eventBody, messageActionForm } from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

describe('Slack API failures', () => {
  it('a ratelimited chat.postMessage is retried after Retry-After and the card still arrives', async () => {
    h.fake.fail('chat.postMessage', 'ratelimited');
    const from = h.fake.calls.length;
    await h.send(eventBody('message_im.json', {}, 'Ev0RATE01'), 'application/json');
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(buttons(card).length).toBeGreaterThan(0);
    expect(h.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('a 500 from conversations.open is retried and the shortcut still reaches the DM', async () => {
    h.fake.fail('conversations.open', 'server_error');
    const from = h.fake.calls.length;
    await h.send(messageActionForm('LinkedIn invitation from Dana Kim', h.fake.responseUrl()));
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    // Without the retry the first DM fails, and what arrives is an apology instead of the triage card.
    expect(buttons(card).length).toBeGreaterThan(0);
    expect(h.logs.filter((l) => l.includes('slack handler failed'))).toEqual([]);
  });

  it('channel_not_found when opening the DM is logged with its code, the user is told, and the app keeps serving', async () => {
    h.fake.fail('conversations.open', 'channel_not_found', 2);
    const from = h.fake.calls.length;
    await h.send(messageActionForm('LinkedIn invitation from Dana Kim', h.fake.responseUrl()));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.logs.some((l) => l.includes('channel_not_found'))).toBe(true);
    expect(h.fake.calls.slice(from).some((c) => c.method === 'chat.postMessage')).toBe(false);
    const next = await h.command('help');
    expect(visibleText(next)).toContain('/triage history');
  });

  it('a failing response_url does not crash the app: the next command is answered', async () => {
    const card = await h.command('Facebook friend request from Matt Brown');
    h.fake.fail('response_url', 'server_error');
    const label = visibleText(card).includes('Which network') ? 'Facebook' : buttons(card)[0]!;
    const res = await h.send(
      blockActionsForm({ ...findButton(card, label) }, { kind: 'ephemeral', responseUrl: h.fake.responseUrl() }),
    );
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.logs.some((l) => l.includes('slack handler failed') || l.includes('could not tell'))).toBe(true);
    expect(visibleText(await h.command('help'))).toContain('/triage history');
  });
});

describe('the notifier (weekly digest)', () => {
  it('sends an outbound message to the user’s DM as Block Kit, and its button revises that triage', async () => {
    const user = h.userRef();
    const v = await h.service.triage.startFromText(user, 'x', { platform: 'linkedin', inviter: 'Dana <!channel> Kim' });
    if (v.step.kind === 'question')
      await h.service.triage.answer(user, v.id, { questionId: v.step.question.id, choice: 'planned' });
    await h.adapter.notifier.send(user, {
      summary: 'Your week: 1 deferred',
      title: 'Your week in invitations',
      sections: [{ heading: 'Waiting', lines: ['Dana <!channel> Kim on LinkedIn'] }],
      actions: [{ label: 'Decide Dana now', action: 'revise', triageId: v.id }],
    });
    const digest = h.fake.calls.find((c) => c.method === 'chat.postMessage');
    expect(digest?.body.channel).toBe('D2147483697');
    expect(JSON.stringify(digest?.body)).not.toContain('<!channel>');
    expect(buttons(digest!)).toEqual(['Decide Dana now']);
    const mark = h.fake.calls.length;
    await h.click(digest!, 'Decide Dana now');
    const shown = await h.fake.waitFor((c) => c.method === 'chat.postMessage', mark);
    expect(visibleText(shown)).toContain('in person or on the phone');
    expect((await h.service.triage.get(user, v.id)).status).toBe('open');
  });

  it('rejects when Slack refuses, so the digest can retry', async () => {
    h.fake.fail('conversations.open', 'channel_not_found');
    const send = h.adapter.notifier.send(h.userRef(), { summary: 's', title: 't', sections: [], actions: [] });
    await expect(send).rejects.toThrow(/channel_not_found/);
  });
});
