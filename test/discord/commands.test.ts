import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { autocomplete, DANA, fixture, messageCommand, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const text = (value: string) => [{ name: 'text', type: 3, value }];

describe('/triage start', () => {
  it('GIVEN the recorded DM payload THEN it replies in the DM (not ephemeral) with the first question', async () => {
    const reply = await h.interact(fixture('interaction_chat_input_dm.json'));
    expect(reply.route).toBe(
      '/interactions/1180000000000000001/aW50ZXJhY3Rpb246MTE4MDAwMDAwMDAwMDAwMDAwMTpGQUtFVE9LRU4/callback',
    );
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags ?? 0).toBe(0);
    expect(reply.body.data.embeds[0].description).toMatch(/Question 1 of/);
    expect(await h.service.records.pending(dana)).toHaveLength(1);
  });

  it('GIVEN it is used in a server THEN the reply is ephemeral', async () => {
    const reply = await h.interact(slash('start', text('LinkedIn request from Dana Kim'), DANA, 'guild'));
    expect(reply.body.data.flags).toBe(64);
  });

  it('GIVEN no text THEN a form opens, and the recorded modal submit starts the triage', async () => {
    const form = await h.interact(slash('start', []));
    expect(form.body.type).toBe(9);
    expect(form.body.data.custom_id).toBe('triage_modal');
    const reply = await h.interact(fixture('interaction_modal_submit.json'));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.embeds[0].footer.text).toMatch(/^Triage #\d+$/);
  });

  it('GIVEN empty text THEN the user is told what to paste and nothing is stored', async () => {
    const reply = await h.interact(slash('start', text('   ')));
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(/Paste an invitation/);
    expect(await h.service.records.pending(dana)).toHaveLength(0);
  });
});

describe('the "Triage invitation" message command', () => {
  it('GIVEN the recorded payload in a server THEN it starts a triage from the message text, ephemerally', async () => {
    const reply = await h.interact(fixture('interaction_message_command.json'));
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    expect(await h.service.records.pending(dana)).toHaveLength(1);
  });

  it('GIVEN a message without text THEN it says so and stores nothing', async () => {
    const reply = await h.interact(messageCommand(''));
    expect(reply.body.data.content).toMatch(/Paste an invitation/);
    expect(await h.service.records.pending(dana)).toHaveLength(0);
  });
});

describe('records', () => {
  it('GIVEN a decision THEN /triage history lists it and /triage pending does not', async () => {
    await h.interact(slash('start', text('LinkedIn request from Dana Kim')));
    await answerAll(h, {
      platform: 'linkedin',
      inviter: 'Dana Kim',
      serves_professionally: 'yes',
      met_in_person_or_phone: 'no',
    });
    const history = await h.interact(slash('history', []));
    expect(history.body.data.embeds[0].description).toMatch(/\*\*Decline\*\*.*LinkedIn.*Dana Kim/);
    const pending = await h.interact(slash('pending', []));
    expect(pending.body.data.embeds[0].description).toBe('Nothing is waiting.');
  });

  it('GIVEN /triage export in a server THEN the CSV arrives in the DM and the reply says so', async () => {
    await h.interact(slash('start', text('LinkedIn request from Dana Kim')));
    const deferred = await h.interact(slash('export', [], DANA, 'guild'));
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const file = await h.rest.waitFor((c) => /^\/channels\/\d+\/messages$/.test(c.route) && c.files.length > 0);
    expect(file.files[0]?.name).toBe('invite-triage.csv');
    expect(file.files[0]?.text).toMatch(/^triage_id,received_at/);
    const edit = await h.rest.waitFor((c) => c.method === 'PATCH' && c.route.endsWith('/@original'));
    expect(edit.body.content).toMatch(/sent your records to our DM/);
  });

  it('GIVEN DMs are closed (50007) THEN the export comes back in the private reply instead', async () => {
    h.rest.failNext('POST', /^\/channels\/\d+\/messages$/, 403, {
      message: 'Cannot send messages to this user',
      code: 50007,
    });
    await h.interact(slash('export', [], DANA, 'guild'));
    const edit = await h.rest.waitFor((c) => c.method === 'PATCH' && c.route.endsWith('/@original'));
    expect(edit.body.content).toMatch(/cannot DM you/);
    expect(edit.files[0]?.name).toBe('invite-triage.csv');
  });

  it('GIVEN /triage forget and the confirmation THEN everything is deleted', async () => {
    await h.interact(slash('start', text('LinkedIn request from Dana Kim')));
    const ask = await h.interact(slash('forget', []));
    expect(ask.body.data.components[0].components.map((c: Json) => c.label)).toEqual([
      'Delete everything',
      'Keep my records',
    ]);
    const done = await h.click('Delete everything');
    expect(done.body.data.content).toMatch(/deleted everything.*1 triages/);
    expect(await h.service.records.pending(dana)).toHaveLength(0);
  });
});

describe('policy, settings and help', () => {
  it('GIVEN /triage policy without a platform THEN it shows the LinkedIn and Facebook questions', async () => {
    const reply = await h.interact(slash('policy', []));
    const names = reply.body.data.embeds[0].fields.map((f: Json) => f.name);
    expect(names).toEqual(['LinkedIn (built-in)', 'Facebook (built-in)']);
  });

  it('GIVEN /triage settings with day, hour and timezone THEN they are saved and shown', async () => {
    const options = [
      { name: 'day', type: 4, value: 5 },
      { name: 'hour', type: 4, value: 17 },
      { name: 'timezone', type: 3, value: 'Europe/Berlin' },
    ];
    const reply = await h.interact(slash('settings', options));
    expect(reply.body.data.embeds[0].fields[0].value).toBe('Friday at 17:00 (Europe/Berlin)');
    expect(await h.service.settings.get(dana)).toMatchObject({
      timezone: 'Europe/Berlin',
      digest: { day: 5, hour: 17 },
    });
  });

  it('GIVEN off THEN the digest is off; GIVEN a bad timezone THEN it says so and keeps the old one', async () => {
    await h.interact(slash('settings', [{ name: 'off', type: 5, value: true }]));
    expect((await h.service.settings.get(dana)).digest.off).toBe(true);
    const bad = await h.interact(slash('settings', [{ name: 'timezone', type: 3, value: 'Mars/Olympus' }]));
    expect(bad.body.data.content).toMatch(/not a time zone/);
    expect((await h.service.settings.get(dana)).timezone).toBeNull();
  });

  it('GIVEN "berl" typed in the timezone option THEN autocomplete offers Europe/Berlin', async () => {
    const reply = await h.interact(
      autocomplete('settings', [{ name: 'timezone', type: 3, value: 'berl', focused: true }]),
    );
    expect(reply.body.type).toBe(8);
    expect(reply.body.data.choices).toContainEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
  });

  it('GIVEN /triage help THEN it explains the commands', async () => {
    const reply = await h.interact(slash('help', []));
    expect(reply.body.data.content).toMatch(/\/triage start/);
  });
});
