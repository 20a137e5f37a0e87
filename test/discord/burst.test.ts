import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstAnswerClicks } from '../helpers/discord-clicks.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

describe('a burst of clicks', () => {
  it('GIVEN 60 users click at once THEN each click is acknowledged, recorded once and its message edited, with no client-side throttling', async () => {
    const clicks = await firstAnswerClicks(h.service, 60);
    const edits = clicks.map((p) =>
      h.rest.waitFor((c) => c.method === 'PATCH' && c.route.startsWith(`/webhooks/${p.application_id}/${p.token}/`)),
    );
    for (const p of clicks) h.gateway.dispatch('INTERACTION_CREATE', p);
    const done = await Promise.all(edits);

    expect(new Set(done.map((c) => c.body.embeds[0].title))).toEqual(
      new Set(['Accept: LinkedIn invitation from Dana Kim']),
    );
    const acks = h.rest.calls.filter((c) => c.route.endsWith('/callback'));
    expect(acks.map((c) => c.body.type)).toEqual(clicks.map(() => 6));
    const count = h.service.stores.db.$client.prepare('select count(*) as n from answers').get();
    expect(count).toEqual({ n: 60 });
    // Interaction webhooks are outside Discord's global 50 per second; discord.js's own queue would hold the 51st.
    expect(h.logs.filter((l) => /rate limited/.test(l))).toEqual([]);
  });

  it('GIVEN Discord answers an edit with 429 THEN the edit is retried, arrives, and a log line says so', async () => {
    const [click] = await firstAnswerClicks(h.service, 1);
    if (!click) throw new Error('no click');
    h.rest.failNext(
      'PATCH',
      /\/messages\/@original$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
    );
    const isEdit = (c: { method: string; route: string }) => c.method === 'PATCH' && c.route.includes(click.token);
    const first = h.rest.waitFor(isEdit);
    h.gateway.dispatch('INTERACTION_CREATE', click);
    const from = h.rest.calls.indexOf(await first) + 1;
    const retried = await h.rest.waitFor(isEdit, 5000, from);
    expect(retried.body.embeds[0].title).toBe('Accept: LinkedIn invitation from Dana Kim');
    expect(h.logs.join('\n')).toMatch(/rate limited \(429\)/);
  });
});
