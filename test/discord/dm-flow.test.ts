import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };

describe('a DM to the bot', () => {
  it('GIVEN an invitation in a DM THEN the bot replies in that DM with the first question as buttons', async () => {
    const reply = await h.sendDm('LinkedIn request from Dana Kim, recruiter at Acme');
    expect(reply.method).toBe('POST');
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(reply.body.embeds[0].description).toMatch(/Question 1 of/);
    const ids = reply.body.components.flatMap((r: Json) => r.components.map((c: Json) => c.custom_id));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('GIVEN the questions are answered THEN the same message ends as a decision embed with reasons, Revise and Undo', async () => {
    await h.sendDm('Priya Raman wants to connect\nProduct Lead at Northwind');
    await answerAll(h, {
      platform: 'linkedin',
      inviter: 'Priya Raman',
      serves_professionally: 'no',
      met_in_person_or_phone: 'no',
    });
    // The click was acknowledged, then the question message itself was edited into the decision.
    const [ack, edit] = h.rest.calls.slice(-2);
    expect(ack?.body.type).toBe(6);
    expect(edit?.method).toBe('PATCH');
    expect(edit?.route).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(edit?.body.allowed_mentions).toEqual({ parse: [] });
    const embed = edit?.body.embeds[0];
    expect(embed.title).toMatch(/^Decline/);
    expect(embed.fields.map((f: Json) => f.name).join('\n')).toMatch(/in person or on the phone/);
    const labels = edit?.body.components[0].components.map((c: Json) => c.label);
    expect(labels).toEqual(['Revise', 'Undo', 'Discard']);
    const history = await h.service.records.history(dana);
    expect(history.items.map((i) => i.outcome)).toEqual(['decline']);
  });
});

describe('after the decision', () => {
  async function decide() {
    await h.sendDm('Facebook friend request');
    await answerAll(h, {
      platform: 'facebook',
      inviter: 'Sam Lee',
      serves_professionally: 'no',
      would_invite_home: 'no',
    });
  }

  it('GIVEN Undo THEN the message goes back to the last question and the decision is no longer current', async () => {
    await decide();
    await h.click('Undo');
    expect(h.shown().embeds[0].description).toMatch(/invite them, to your home/);
    expect((await h.service.records.history(dana)).items).toHaveLength(0);
    expect(await h.service.records.pending(dana)).toHaveLength(1);
  });

  it('GIVEN Revise THEN the questions start again, and a new answer records a new decision', async () => {
    await decide();
    await h.click('Revise');
    expect(h.shown().embeds[0].description).toMatch(/Question 1 of/);
    await answerAll(h, { serves_professionally: 'no', would_invite_home: 'yes' });
    expect(h.shown().embeds[0].title).toMatch(/^Accept: Facebook invitation from Sam Lee/);
    expect((await h.service.records.history(dana)).items.map((i) => i.outcome)).toEqual(['accept']);
  });

  it('GIVEN the inviter is typed into the form THEN the embed names them (markdown escaped)', async () => {
    await h.sendDm('Facebook friend request');
    await answerAll(h, { platform: 'facebook', inviter: '**Sam** Lee', serves_professionally: 'yes' });
    expect(h.shown().embeds[0].title).toBe('Decline: Facebook invitation from \\*\\*Sam\\*\\* Lee');
  });
});
