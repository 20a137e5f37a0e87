import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { button, DANA, SAM, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  expect(h.rest.refusals).toEqual([]);
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const count = (table: string) =>
  (h.service.stores.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const labels = (message: Json): string[] =>
  (message.components ?? []).flatMap((r: Json) => r.components.map((c: Json) => c.label));

describe('Discard on a triage card', () => {
  it('GIVEN an open triage in the DM THEN Discard deletes it and the card becomes a short confirmation naming no one', async () => {
    await h.sendDm('LinkedIn request from Priya Raman');
    expect(labels(h.shown())).toContain('Discard');
    const id = Number(h.shown().embeds[0].footer.text.replace('Triage #', ''));
    await h.click('Discard');
    const card = h.shown();
    expect(card.content).toBe(`Discarded triage #${id}: its invitation, answers and decision are deleted.`);
    expect(card.embeds).toEqual([]);
    expect(card.components).toEqual([]);
    expect(await h.service.records.pending(dana)).toHaveLength(0);
    expect(count('invitations')).toBe(0);
    expect(count('triages')).toBe(0);
  });

  it('GIVEN a decided triage, ephemeral in a server THEN Discard deletes the decision too, privately', async () => {
    await h.interact(slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Priya Raman' }]));
    await answerAll(h, { serves_professionally: 'no', met_in_person_or_phone: 'no' });
    expect(labels(h.shown())).toEqual(['Revise', 'Undo', 'Discard']);
    const b = h.shown().components[0].components.find((c: Json) => c.label === 'Discard');
    const message = { ...h.shown(), flags: 64 };
    await h.interact(button(b.custom_id, message, DANA, 'guild'));
    expect(h.shown().content).toMatch(/^Discarded triage #\d+/);
    expect((await h.service.records.history(dana)).items).toHaveLength(0);
    expect(count('decisions')).toBe(0);
  });

  it('GIVEN someone else clicks Discard on a shared message THEN they are told privately and nothing is deleted', async () => {
    await h.sendDm('LinkedIn request from Priya Raman');
    const b = h.shown().components[0].components.find((c: Json) => c.label === 'Discard');
    const payload = button(b.custom_id, h.shown(), SAM, 'guild');
    const from = h.rest.calls.length;
    const reply = await h.interact(payload);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.content).toMatch(/belongs to someone else/);
    expect(h.rest.calls.slice(from).some((c) => c.method === 'PATCH')).toBe(false);
    expect(count('triages')).toBe(1);
  });
});
