import type { SlackHarness } from './slack-harness.js';

/** The OAuth settings: client id and secret, and no single bot token. */
export const OAUTH = {
  botToken: undefined,
  clientId: '1111.2222',
  clientSecret: 'client-secret',
  stateSecret: 's3cret',
};

/** Installs the app as a browser would: /slack/install, then back to the redirect with Slack's code. */
export async function installViaOAuth(h: SlackHarness): Promise<void> {
  const install = await fetch(`${h.url}/slack/install`, { redirect: 'manual' });
  const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const back = await fetch(`${h.url}/slack/oauth_redirect?code=one-time-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  if (back.status !== 200) throw new Error(`the install redirect answered ${back.status}`);
}
