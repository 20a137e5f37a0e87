import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA, labelledModalSubmit, SAM, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const policy = (platform: string, user = dana) => h.service.policies.show(user, platform);
const submit = (fields: Record<string, string | string[]>, user = DANA) =>
  h.interact(labelledModalSubmit('pm:linkedin', { builtin: [], custom: '', reset: [], ...fields }, user));

describe('editing a policy in Discord', () => {
  it('GIVEN /triage policy THEN each platform shown has an Edit button, and Edit opens a form filled with the policy', async () => {
    const shown = await h.interact(slash('policy', []));
    const labels = shown.body.data.components[0].components.map((c: Json) => c.label);
    expect(labels).toEqual(['Edit LinkedIn', 'Edit Facebook']);

    const modal = await h.click('Edit LinkedIn');
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe('pm:linkedin');
    const [builtin, custom] = modal.body.data.components.map((l: Json) => l.component);
    const ticked = builtin.options.filter((o: Json) => o.default).map((o: Json) => o.value);
    expect(ticked).toEqual(['met_in_person_or_phone']);
    expect(builtin.options.length).toBeGreaterThan(1);
    expect(custom.type).toBe(4);
  });

  it('GIVEN questions ticked and typed THEN they are saved as the user’s own, and the next triage asks them', async () => {
    const reply = await submit({ builtin: ['met_in_person_or_phone'], custom: 'Have we worked together?\n\n' });
    expect(reply.body.data.content).toBe('Saved.');
    expect(reply.body.data.embeds[0].fields[0].name).toBe('LinkedIn (user)');
    expect(policy('linkedin').criteria.map((c) => c.question)).toEqual([
      expect.stringMatching(/in person or on the phone/),
      'Have we worked together?',
    ]);
    expect(policy('linkedin', { ...dana, userId: SAM.id }).source).toBe('built-in');

    const started = await h.interact(
      slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Ann Lee' }]),
    );
    expect(started.body.data.embeds[0].description).toMatch(/Question 1 of 2/);
  });

  it('GIVEN Reset THEN the built-in policy applies again', async () => {
    await submit({ custom: 'Have we worked together?' });
    expect(policy('linkedin').source).toBe('user');
    const reply = await submit({ reset: ['reset'] });
    expect(reply.body.data.embeds[0].fields[0].name).toBe('LinkedIn (built-in)');
    expect(policy('linkedin').source).toBe('built-in');
  });

  it('GIVEN a question too long, or nothing at all THEN it says why, privately, and the policy is unchanged', async () => {
    const tooLong = await submit({ custom: `Is it ${'very '.repeat(60)}important?` });
    expect(tooLong.body.data.flags).toBe(64);
    expect(tooLong.body.data.content).toMatch(/under 200 characters/);
    const nothing = await submit({});
    expect(nothing.body.data.content).toMatch(/stays as it was/);
    const tampered = await h.interact(labelledModalSubmit('pm:linkedin', { custom: '' }));
    expect(tampered.body.data.content).toMatch(/stays as it was/);
    expect(policy('linkedin').source).toBe('built-in');
  });
});
