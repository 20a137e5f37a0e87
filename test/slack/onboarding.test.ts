import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORGOTTEN } from '../../adapters/slack/handlers/forget.js';
import { type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { eventBody, messageActionForm } from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const JSON_BODY = 'application/json';
/** The DM the fake Slack opens for Steve. */
const STEVE_DM = 'D2147483697';
let events = 0;

async function openTab(tab: 'home' | 'messages', channel = STEVE_DM) {
  const from = h.fake.calls.length;
  await h.send(eventBody('app_home_opened.json', { tab, channel }, `EvTAB${++events}`), JSON_BODY);
  return from;
}

async function home() {
  const from = await openTab('home');
  return h.fake.waitFor((c) => c.method === 'views.publish', from);
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('onboarding', () => {
  it('a new user’s Home tab explains /triage, the shortcut and the DM, with an example; it goes once they triage', async () => {
    const first = visibleText(await home());
    expect(first).toContain('/triage LinkedIn request from Dana Kim');
    expect(first).toContain('Triage this invitation');
    expect(first).toContain('Messages');
    await h.command('LinkedIn request from Dana Kim');
    expect(visibleText(await home())).not.toContain('Welcome');
  });

  it('the first visit to the Messages tab gets a short welcome, and only the first', async () => {
    const from = await openTab('messages');
    const welcome = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(welcome.body.channel).toBe(STEVE_DM);
    expect(visibleText(welcome)).toContain('Welcome');
    const again = await openTab('messages');
    await settle();
    expect(h.fake.calls.slice(again).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });
});

describe('after forget', () => {
  it('the Home tab is republished empty and the bot’s earlier DM cards naming inviters are replaced', async () => {
    const from = h.fake.calls.length;
    await h.send(messageActionForm('LinkedIn invitation from Dana Kim', h.fake.responseUrl()));
    await h.send(
      eventBody('message_im.json', { channel: STEVE_DM, text: 'Facebook friend request from Matt Brown' }, 'EvDM1'),
      JSON_BODY,
    );
    for (const name of ['Dana Kim', 'Matt Brown'])
      await h.fake.waitFor((c) => c.method === 'chat.postMessage' && visibleText(c).includes(name), from);
    const cards = h.fake.history(STEVE_DM).map((m) => m.ts);
    expect(cards).toHaveLength(2);

    const confirm = await h.command('forget');
    const forgetFrom = h.fake.calls.length;
    await h.click(confirm, 'Delete everything');
    for (const ts of cards) {
      const updated = await h.fake.waitFor((c) => c.method === 'chat.update' && c.body.ts === ts, forgetFrom);
      expect(updated.body.text).toBe(FORGOTTEN);
      expect(JSON.stringify(updated.body)).not.toMatch(/Dana|Matt/);
    }
    const published = await h.fake.waitFor((c) => c.method === 'views.publish', forgetFrom);
    expect(visibleText(published)).not.toContain('Matt Brown');
    expect(visibleText(published)).toContain('Waiting on you* (0)');
    await settle();
    expect(h.db.$client.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
  });
});

describe('small ones', () => {
  it('a forged history offset shows the last page, not "41–31 of 31"', async () => {
    await h.command('LinkedIn request from Dana Kim').then((card) => h.click(card, 'No'));
    const shown = await h.act(
      { action_id: 'history_page_next', value: '40' },
      { kind: 'ephemeral', responseUrl: h.fake.responseUrl() },
    );
    expect(visibleText(shown)).toContain('1–1 of 1');
    expect(visibleText(shown)).toContain('Dana Kim');
  });

  it('the Home tab says how many pending are not listed', async () => {
    for (let i = 0; i < 13; i++) await h.service.triage.startFromText(h.userRef(), `LinkedIn request from Person ${i}`);
    const text = visibleText(await home());
    expect(text).toContain('Waiting on you* (13)');
    expect(text).toContain('3 more not shown');
    expect(text).toContain('/triage pending');
  });

  it('a decline under a workspace policy does not call it "your own rule"', async () => {
    const team = { provider: 'slack' as const, workspace: h.userRef().workspace };
    await h.service.policies.setTeam(team, 'linkedin', [{ question: 'Did you work together?', onFail: 'decline' }]);
    const card = await h.command('LinkedIn request from Dana Kim');
    const decided = await h.click(card, 'No');
    expect(visibleText(decided)).toContain('Decline');
    expect(visibleText(decided)).not.toContain('Your own rule');
    expect(visibleText(decided)).toContain('Did you work together?');
  });
});
