import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { APP_ID, button, DANA, SAM, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const start = (text: string, user = DANA) => h.interact(slash('start', [{ name: 'text', type: 3, value: text }], user));

/** Every message body the bot sent: replies, updates, edits, follow-ups, channel messages. */
function sentMessages(): Json[] {
  return h.rest.calls
    .filter((c) => c.method !== 'GET' && c.body && c.route !== '/users/@me/channels')
    .map((c) => (c.route.endsWith('/callback') ? c.body.data : c.body))
    .filter((b) => b && b.custom_id === undefined && b.choices === undefined)
    .filter((b) => b && (b.content !== undefined || b.embeds !== undefined || b.components !== undefined));
}

describe('mentions', () => {
  it('GIVEN an inviter named "@everyone <@123>" THEN the decision shows the name and every message pings nobody', async () => {
    await start('Facebook friend request');
    await answerAll(h, { platform: 'facebook', inviter: '@everyone <@123>', serves_professionally: 'yes' });
    const decision = h.shown();
    expect(decision.embeds[0].title).toContain('everyone');
    const bodies = sentMessages();
    expect(bodies.length).toBeGreaterThan(2);
    for (const b of bodies) expect(b.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('clicks', () => {
  it('GIVEN a button clicked twice THEN the answer is stored once and the second click says nothing new was recorded', async () => {
    await start('LinkedIn request from Dana Kim');
    const message = h.shown();
    const choice = message.components
      .flatMap((r: Json) => r.components)
      .find((c: Json) => c.custom_id.startsWith('t:'));
    const id = Number(choice.custom_id.split(':')[1]);
    await h.interact(button(choice.custom_id, message));
    const afterFirst = await h.service.triage.get(dana, id);
    const from = h.rest.calls.length;
    const again = await h.interact(button(choice.custom_id, message));
    expect(again.body.type).toBe(6);
    expect(h.shown().embeds[0].description).toBe(h.rest.calls[from - 1]?.body.embeds[0].description);
    const note = await h.rest.waitFor((c) => c.route.startsWith('/webhooks/') && c.method === 'POST', 5000, from);
    expect(note.body.content).toMatch(/nothing new was recorded/i);
    expect(note.body.flags).toBe(64);
    expect((await h.service.triage.get(dana, id)).step).toEqual(afterFirst.step);
    expect(h.service.stores.db.$client.prepare('select count(*) as n from answers').get()).toEqual({ n: 1 });
  });

  it('GIVEN someone else clicks a button on a shared message THEN they get a private "belongs to someone else" and nothing changes', async () => {
    await start('LinkedIn request from Dana Kim');
    const message = h.shown();
    const first = message.components[0].components[0];
    const id = Number(first.custom_id.split(':')[1]);
    const before = await h.service.triage.get(dana, id);
    const payload = button(first.custom_id, message, SAM, 'guild');
    const from = h.rest.calls.length;
    await h.interact(payload);
    // Sam gets a private follow-up; Dana's message is not edited.
    const hook = h.rest.calls.slice(from).filter((c) => c.route.startsWith(`/webhooks/${APP_ID}/${payload.token}`));
    expect(hook.map((c) => c.method)).toEqual(['POST']);
    expect(hook[0]?.body.flags).toBe(64);
    expect(hook[0]?.body.content).toMatch(/someone else/);
    expect((await h.service.triage.get(dana, id)).updatedAt).toBe(before.updatedAt);
    expect((await h.service.triage.get(dana, id)).step).toEqual(before.step);
  });

  it('GIVEN a button this bot never made THEN the user is told it is outdated', async () => {
    const reply = await h.interact(button('answer:<opaque-id>:no', null));
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(/older version/);
  });

  it('GIVEN the bot restarted THEN a click on a message from before still answers the triage', async () => {
    await start('LinkedIn request from Dana Kim');
    const message = h.shown();
    await h.adapter.stop();
    const service = h.service;
    const old = h;
    h = await startDiscordHarness({ service });
    await old.close().catch(() => {});
    const b = message.components.flatMap((r: Json) => r.components).find((c: Json) => c.custom_id.startsWith('t:'));
    const id = Number(b.custom_id.split(':')[1]);
    const before = (await h.service.triage.get(dana, id)).step;
    await h.interact(button(b.custom_id, message));
    expect(h.shown().embeds[0].footer.text).toBe(`Triage #${id}`);
    expect((await h.service.triage.get(dana, id)).step).not.toEqual(before);
  });
});
