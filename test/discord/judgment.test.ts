import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
/** Button labels, and the option labels of a select. */
const labels = (m: Json): string[] =>
  (m.components ?? []).flatMap((r: Json) =>
    r.components.flatMap((c: Json) => (c.options ? c.options.map((o: Json) => o.label) : [c.label])),
  );

async function decideDana(): Promise<void> {
  await h.sendDm('LinkedIn request from Dana Kim, recruiter at Acme');
  await answerAll(h, { met_in_person_or_phone: 'no' });
}

describe('Discord: a repeated invitation', () => {
  it('GIVEN a person triaged before THEN the DM shows that decision and date, Keep it records nothing', async () => {
    await decideDana();
    expect(h.shown().embeds[0].description).toContain('What to click on LinkedIn: Ignore (the sender is not told).');
    const repeat = await h.sendDm('LinkedIn request from Dana Kim');
    expect(repeat.body.embeds[0].description).toMatch(
      /You triaged Dana Kim on LinkedIn before: Decline, on \d{4}-\d{2}-\d{2}\./,
    );
    expect(labels(repeat.body)).toEqual(['Keep it', 'Triage again']);
    await h.click('Keep it');
    expect(labels(h.shown())).toEqual(['Revise', 'Undo', 'Discard']);
    expect(await h.service.records.pending(dana)).toEqual([]);
    expect((await h.service.records.history(dana)).total).toBe(1);
  });

  it('GIVEN Triage again THEN a new triage asks the questions afresh', async () => {
    await decideDana();
    await h.sendDm('LinkedIn request from Dana Kim');
    await h.click('Triage again');
    expect(h.shown().embeds[0].description).toContain('Have you connected with Dana Kim');
    expect(await h.service.records.pending(dana)).toMatchObject([{ inviter: 'Dana Kim', outcome: null }]);
  });
});

describe('Discord: your role and your words', () => {
  it('GIVEN /triage settings role:clinician THEN it is kept and shown, and a patient is declined on LinkedIn', async () => {
    const reply = await h.interact(slash('settings', [{ name: 'role', type: 3, value: 'clinician' }]));
    const fields = reply.body.data.embeds[0].fields.map((f: Json) => [f.name, f.value]);
    expect(fields).toContainEqual(['Role', 'Clinician']);
    expect((await h.service.settings.get(dana)).role).toBe('clinician');
    const card = await h.sendDm('My patient Pat Moore wants to connect on LinkedIn');
    expect(card.body.embeds[0].title).toMatch(/^Decline/);
    expect(card.body.embeds[0].description).toContain('For clinicians (ACP/FSMB 2013');
    expect(card.body.embeds[0].description).toContain('You said: My patient');
    expect(labels(card.body)).toContain('Not what I meant');
  });

  it('GIVEN a new user whose DM names a client THEN the role is asked once, with client-facing among the buttons', async () => {
    const card = await h.sendDm('LinkedIn request from my client Bo Li');
    expect(card.body.embeds[0].description).toContain('What is your work?');
    expect(labels(card.body)).toContain('Client-facing');
    await h.click('Client-facing');
    // A client is welcome on LinkedIn, but an accept taken from the user's words waits for one confirmation.
    expect(h.shown().embeds[0].description).toContain('I would accept Bo Li');
    await h.click('Yes, accept');
    expect(h.shown().embeds[0].title).toMatch(/^Accept/);
    expect(h.shown().embeds[0].description).toContain('What to click on LinkedIn: Accept.');
  });
});
