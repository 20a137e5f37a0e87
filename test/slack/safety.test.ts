import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../helpers/builders.js';
import { type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { eventBody, STEVE, slashCommandForm } from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('request signatures', () => {
  it('refuses a request signed with the wrong secret, and records nothing', async () => {
    const before = rowCounts(h.db);
    const res = await h.send(slashCommandForm('LinkedIn request from Dana Kim', h.fake.responseUrl()), undefined, {
      secret: 'not-the-secret',
    });
    expect(res.status).toBe(401);
    await settle();
    expect(rowCounts(h.db)).toEqual(before);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old', async () => {
    const before = rowCounts(h.db);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.send(slashCommandForm('LinkedIn request from Dana Kim', h.fake.responseUrl()), undefined, {
      timestamp: stale,
    });
    expect(res.status).toBe(401);
    await settle();
    expect(rowCounts(h.db)).toEqual(before);
  });

  it('refuses a body altered after signing', async () => {
    const body = slashCommandForm('LinkedIn request from Dana Kim', h.fake.responseUrl());
    const { slackSignature } = await import('../helpers/slack-sign.js');
    const forged = slackSignature(body)['x-slack-signature'];
    const res = await h.send(body.replace('Dana', 'Eve'), undefined, { signature: forged });
    expect(res.status).toBe(401);
  });
});

describe('escaping user text', () => {
  it('an inviter named <!channel> or @here pings nobody: the card shows the text escaped', async () => {
    const shown = await h.command('Facebook friend request from <!channel> <@U999> @here & co');
    const text = visibleText(shown);
    expect(text).not.toMatch(/<!channel>|<@U999>/);
    expect(JSON.stringify(shown.body)).not.toContain('<!channel>');
    expect(JSON.stringify(shown.body)).not.toContain('<@U999>');
  });

  it('escapes the inviter name typed in the modal wherever it is shown', async () => {
    const { viewSubmissionForm } = await import('../helpers/slack-payloads.js');
    const values = {
      platform: {
        platform_select: {
          type: 'static_select',
          selected_option: { value: 'linkedin', text: { type: 'plain_text', text: 'LinkedIn' } },
        },
      },
      inviter: { inviter_input: { type: 'plain_text_input', value: '<!here> Mallory' } },
      context: { context_input: { type: 'plain_text_input', value: '<https://evil.example|click>' } },
      text: { text_input: { type: 'plain_text_input', value: null } },
    };
    const from = h.fake.calls.length;
    await h.send(viewSubmissionForm(values));
    const posted = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    const raw = JSON.stringify(posted.body);
    expect(raw).not.toContain('<!here>');
    expect(raw).not.toContain('<https://evil.example');
    expect(visibleText(posted)).toContain('&lt;!here&gt; Mallory');
  });
});

describe('retries and double clicks', () => {
  it('a retried DM event (X-Slack-Retry-Num) starts one triage, not two', async () => {
    const body = eventBody('message_im.json', {}, 'Ev0RETRY01');
    const from = h.fake.calls.length;
    await h.send(body, 'application/json');
    await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    const retry = await h.send(body, 'application/json', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await settle();
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(rowCounts(h.db).triages).toBe(1);
  });

  it('a double-clicked answer records one answer and one decision', async () => {
    const shown = await h.command('Facebook friend request from Matt Brown');
    let card = shown;
    if (visibleText(card).includes('Which network')) card = await h.click(card, 'Facebook');
    if (visibleText(card).includes('Who sent it')) card = await h.click(card, 'Skip');
    expect(visibleText(card)).toContain('Do you serve');
    const first = await h.click(card, 'Yes');
    const second = await h.click(card, 'Yes');
    expect(visibleText(first)).toContain('Decline');
    expect(visibleText(second)).toContain('Decline');
    expect(rowCounts(h.db).decisions).toBe(1);
    expect((await h.service.records.history(h.userRef())).total).toBe(1);
  });

  it('a double-clicked Undo takes back one answer only', async () => {
    let card = await h.command('Facebook friend request from Matt Brown');
    if (visibleText(card).includes('Which network')) card = await h.click(card, 'Facebook');
    if (visibleText(card).includes('Who sent it')) card = await h.click(card, 'Skip');
    card = await h.click(card, 'No');
    const decided = await h.click(card, 'No');
    expect(visibleText(decided)).toContain('Decline');
    const once = await h.click(decided, 'Undo');
    const twice = await h.click(decided, 'Undo');
    expect(visibleText(once)).toContain('invite');
    expect(visibleText(twice)).toContain('invite');
    const open = await h.service.triage.openTriage(h.userRef());
    expect(open?.step.kind === 'question' && open.step.question.id).toBe('would_invite_home');
  });

  it('a double-clicked Back mid-question goes back one question only', async () => {
    let card = await h.command('Facebook friend request from Matt Brown');
    card = await h.click(card, 'No');
    expect(visibleText(card)).toContain('Question 2 of up to 2');
    const once = await h.click(card, 'Back');
    const twice = await h.click(card, 'Back');
    expect(visibleText(once)).toContain('Question 1 of up to 2');
    expect(visibleText(twice)).toContain('Question 1 of up to 2');
    const open = await h.service.triage.openTriage(h.userRef());
    expect(open?.step.kind === 'question' && open.step.question.id).toBe('serves_professionally');
  });
});

describe('limits', () => {
  it('long pasted text is truncated with a note, and every payload stays within Block Kit limits', async () => {
    const long = `LinkedIn invitation from Dana Kim. ${'Lorem ipsum dolor sit amet <b>&amp; '.repeat(1200)}`;
    expect(long.length).toBeGreaterThan(20_000);
    const shown = await h.command(long);
    expect(visibleText(shown)).toContain('I read the first 20,000');
    expect(h.violations()).toEqual([]);
  });

  it('a history of 120 decisions is paginated within the message block limit', async () => {
    const user = h.userRef(STEVE);
    for (let i = 0; i < 120; i++) {
      const v = await h.service.triage.startFromText(user, `LinkedIn invitation from Person ${i}`, {
        platform: 'linkedin',
        inviter: `Person ${i} ${'x'.repeat(70)}`,
      });
      if (v.step.kind === 'question')
        await h.service.triage.answer(user, v.id, { questionId: v.step.question.id, choice: 'no' });
    }
    const page1 = await h.command('history');
    expect(visibleText(page1)).toContain('1–10 of 120');
    const page2 = await h.click(page1, 'Next');
    expect(visibleText(page2)).toContain('11–20 of 120');
    expect(page2.body.replace_original).toBe(true);
  });
});
