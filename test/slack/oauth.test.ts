import { afterEach, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../helpers/slack-harness.js';
import { STEVE, slashCommandForm } from '../helpers/slack-payloads.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
});

/** The app in HTTP mode with the OAuth install flow on: client id and secret, and no single bot token. */
const withOAuth = () =>
  startSlackHarness({
    botToken: undefined,
    clientId: '1111.2222',
    clientSecret: 'client-secret',
    stateSecret: 's3cret',
  });

describe('installing the app with OAuth', () => {
  it('GIVEN a workspace installs the app THEN its token is stored, and its users are answered with it', async () => {
    h = await withOAuth();
    const install = await fetch(`${h.url}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe('1111.2222');
    expect(authorize.searchParams.get('scope')).toContain('commands');
    const state = authorize.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const back = await fetch(`${h.url}/slack/oauth_redirect?code=one-time-code&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(back.status).toBe(200);
    const exchange = h.fake.calls.find((c) => c.method === 'oauth.v2.access');
    expect(exchange?.body.code).toBe('one-time-code');
    const stored = h.db.$client.prepare('select count(*) as n from slack_installations').get();
    expect(stored).toEqual({ n: 1 });

    // A command from that workspace: the app calls Slack with the token the install gave it.
    const from = h.fake.calls.length;
    await h.send(slashCommandForm('', h.fake.responseUrl()));
    const opened = await h.fake.waitFor((c) => c.method === 'views.open', from);
    expect(opened.token).toBe('xoxb-installed-token');

    // The weekly digest, sent with no request to answer, finds the token by the user's workspace.
    const sending = h.fake.calls.length;
    await h.adapter.notifier.send(h.userRef(), await h.service.digest.preview(h.userRef()));
    const posted = await h.fake.waitFor((c) => c.method === 'chat.postMessage', sending);
    expect(posted.token).toBe('xoxb-installed-token');
  });

  it('GIVEN a redirect with a forged state THEN nothing is installed', async () => {
    h = await withOAuth();
    const back = await fetch(`${h.url}/slack/oauth_redirect?code=one-time-code&state=forged`, { redirect: 'manual' });
    expect(back.status).not.toBe(200);
    expect(h.fake.calls.some((c) => c.method === 'oauth.v2.access')).toBe(false);
    const stored = h.db.$client.prepare('select count(*) as n from slack_installations').get();
    expect(stored).toEqual({ n: 0 });
  });

  it('GIVEN a workspace that never installed the app THEN its command gets a clear message, and nothing is stored', async () => {
    h = await withOAuth();
    const before = h.db.$client.prepare('select count(*) as n from users').get();
    const responseUrl = h.fake.responseUrl();
    const from = h.fake.calls.length;
    const res = await h.send(
      new URLSearchParams({
        command: '/triage',
        text: 'help',
        team_id: 'T0009',
        user_id: STEVE.userId,
        response_url: responseUrl,
      }).toString(),
    );
    expect(res.status).toBe(200);
    // No token to answer with, but the response_url takes a reply without one.
    const told = await h.fake.waitFor((c) => c.method === 'response_url' && responseUrl.endsWith(c.path), from);
    expect(told.body.text).toMatch(/not installed in this workspace/);
    expect(told.body.response_type).toBe('ephemeral');
    expect(h.db.$client.prepare('select count(*) as n from users').get()).toEqual(before);
    expect(h.logs.join('\n')).toMatch(/No Slack installation for :T0009: install the app first/);
  });
});
