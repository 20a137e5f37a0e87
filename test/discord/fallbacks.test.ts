import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import { createPacer, runDigestTick } from '../../src/scheduler/tick.js';
import { openDatabase } from '../../src/store/db.js';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA, dm, messageCommand, slash } from '../helpers/discord-payloads.js';

/** Wednesday of the week before Monday 23 November 2026, 09:00 UTC, when the digest is due. */
const WEDNESDAY = Date.UTC(2026, 10, 18, 12);
const DUE = Date.UTC(2026, 10, 23, 9);
const clock = { t: WEDNESDAY, now: () => clock.t };

let h: DiscordHarness;
beforeEach(async () => {
  clock.t = WEDNESDAY;
  h = await startDiscordHarness({ service: serviceOver(openDatabase(':memory:'), clock) });
});
afterEach(async () => {
  expect(h.rest.refusals).toEqual([]);
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const count = (table: string) =>
  (h.service.stores.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
/** The next message posted in a channel (the user's DM: the bot posts nowhere else) after call `from`. */
const toDm = (from = 0) =>
  h.rest.waitFor((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.route), 5000, from);

describe('an answer whose interaction token has expired', () => {
  it.each([
    ['404 Unknown Webhook', 404, { message: 'Unknown Webhook', code: 10015 }],
    ['401 Invalid Webhook Token', 401, { message: 'Invalid Webhook Token', code: 50027 }],
  ])('GIVEN the edit is refused with %s THEN the recorded decision comes in a DM instead', async (_, status, body) => {
    await h.sendDm('LinkedIn request from Priya Raman');
    h.rest.failNext('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, status, body);
    const from = h.rest.calls.length;
    await h.click('No');
    const sent = await toDm(from);
    expect(sent.body.content).toMatch(/no longer lets me update that message/);
    expect(sent.body.embeds[0].title).toBe('Decline: LinkedIn invitation from Priya Raman');
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
    expect((await h.service.records.history(dana)).items.map((i) => i.outcome)).toEqual(['decline']);
  });
});

describe('a sticker with no text', () => {
  const sticker = { id: '1199000000000000001', name: 'wave', format_type: 1 };

  it('GIVEN a sticker alone in a DM THEN the bot says what it reads, and saves nothing', async () => {
    const payload = dm('', DANA);
    payload.sticker_items = [sticker];
    const reply = h.rest.waitFor((c) => c.route === `/channels/${payload.channel_id}/messages`);
    h.gateway.dispatch('MESSAGE_CREATE', payload);
    expect((await reply).body.content).toMatch(
      /can't read stickers. Send the invitation as text, an .eml or .txt file/,
    );
    expect(count('triages')).toBe(0);
  });

  it('GIVEN "Triage invitation" on a sticker THEN it says so privately, and saves nothing', async () => {
    const payload = messageCommand('');
    const target = Object.values(payload.data.resolved.messages)[0] as Json;
    target.sticker_items = [sticker];
    const reply = await h.interact(payload);
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(/can't read stickers/);
    expect(count('triages')).toBe(0);
  });
});

describe('the digest’s tip, in Discord’s syntax', () => {
  it('GIVEN no time logged THEN the preview and the weekly DM suggest "/triage time platform:… duration:…", the terminal the bare command', async () => {
    await h.interact(slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Priya Raman' }]));
    await answerAll(h, { met_in_person_or_phone: 'no' });
    const preview = await h.interact(slash('digest', [{ name: 'week', type: 3, value: 'current' }]));
    const tip = (m: Json) => m.embeds[0].fields.find((f: Json) => f.name === 'One thing for next week')?.value;
    expect(tip(preview.body.data)).toMatch(/"\/triage time platform:linkedin duration:25m place:home"/);

    clock.t = DUE;
    const deps = {
      digest: h.service.digest,
      notifiers: [h.adapter.notifier],
      log: createLogger('error', () => {}),
      clock,
      instance: 'test-tick',
      defaultTimeZone: 'UTC',
      pacer: createPacer(clock, async () => {}),
    };
    const from = h.rest.calls.length;
    expect(await runDigestTick(deps, DUE)).toMatchObject({ sent: 1 });
    expect(tip((await toDm(from)).body)).toMatch(/"\/triage time platform:linkedin duration:25m place:home"/);

    const terminal = await h.service.digest.preview({ provider: 'console', workspace: 'local', userId: 'me' });
    expect(JSON.stringify(terminal)).toContain('log time with \\"time linkedin 25m\\"');
  });
});
