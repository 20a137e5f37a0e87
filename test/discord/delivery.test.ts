import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordDeliveryError } from '../../adapters/discord/errors.js';
import type { OutboundMessage } from '../../src/core/message.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };

function digestFor(triageId: number): OutboundMessage {
  return {
    summary: 'Your week: 1 invitation waiting, from @everyone',
    title: 'Your week in invitations',
    sections: [{ heading: 'Waiting', lines: ['LinkedIn — <@123> (deferred)'] }],
    actions: [{ label: 'Decide <@123> now', action: 'revise', triageId }],
  };
}

describe('the notifier (digest delivery)', () => {
  it('GIVEN a digest THEN it opens the DM and sends an embed with a button per action, pinging nobody', async () => {
    const t = await h.service.triage.startFromText(dana, 'LinkedIn request', { platform: 'linkedin', inviter: 'Jo' });
    await h.adapter.notifier.send(dana, digestFor(t.id));
    const open = h.rest.calls.find((c) => c.route === '/users/@me/channels');
    expect(open?.body).toEqual({ recipient_id: DANA.id });
    const sent = h.rest.calls.find((c) => /^\/channels\/\d+\/messages$/.test(c.route));
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
    expect(sent?.body.embeds[0].title).toBe('Your week in invitations');
    expect(sent?.body.components[0].components[0]).toMatchObject({ custom_id: `o:${t.id}` });
  });

  it('GIVEN the digest button is clicked THEN that triage is revised and its first question shown', async () => {
    const t = await h.service.triage.startFromText(dana, 'LinkedIn request', { platform: 'linkedin', inviter: 'Jo' });
    const q = t.step.kind === 'question' ? t.step.question : null;
    await h.service.triage.answer(dana, t.id, { questionId: q?.id ?? '', choice: 'no' });
    await h.adapter.notifier.send(dana, digestFor(t.id));
    const reply = await h.click('Decide <@123> now');
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.embeds[0].description).toMatch(/Question 1 of/);
  });

  it('GIVEN the user does not accept DMs (50007) THEN send rejects with code dm_closed', async () => {
    h.rest.failNext('POST', /^\/channels\/\d+\/messages$/, 403, {
      message: 'Cannot send messages to this user',
      code: 50007,
    });
    const err = await h.adapter.notifier.send(dana, digestFor(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordDeliveryError);
    expect((err as DiscordDeliveryError).code).toBe('dm_closed');
  });
});

describe('REST failures', () => {
  it('GIVEN Discord answers 429 THEN discord.js waits and retries, the reply still arrives, and a log line says so', async () => {
    h.rest.failNext(
      'POST',
      /^\/channels\/\d+\/messages$/,
      429,
      { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
    );
    await h.sendDm('LinkedIn request from Dana Kim');
    const first = h.rest.calls.findIndex((c) => c.route.startsWith('/channels/'));
    const retried = await h.rest.waitFor((c) => c.route.startsWith('/channels/'), 5000, first + 1);
    expect(retried.body.embeds[0].description).toMatch(/Question 1 of/);
    expect(h.logs.join('\n')).toMatch(/rate limited/);
  });

  it('GIVEN the DM reply fails with 50007 THEN the bot logs it and keeps answering others', async () => {
    h.rest.failNext('POST', /^\/channels\/\d+\/messages$/, 403, {
      message: 'Cannot send messages to this user',
      code: 50007,
    });
    await h.sendDm('LinkedIn request from Dana Kim');
    await expect.poll(() => h.logs.join('\n')).toMatch(/DM reply failed.*50007/);
    const next = await h.sendDm('Facebook request from Sam Lee');
    expect(next.body.embeds[0].footer.text).toMatch(/^Triage #/);
  });
});
