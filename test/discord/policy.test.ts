import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { asAdmin, button, DANA, labelledModalSubmit, SAM, slash } from '../helpers/discord-payloads.js';

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
    expect((await policy('linkedin')).criteria.map((c) => c.question)).toEqual([
      expect.stringMatching(/in person or on the phone/),
      'Have we worked together?',
    ]);
    expect((await policy('linkedin', { ...dana, userId: SAM.id })).source).toBe('built-in');

    const started = await h.interact(
      slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Ann Lee' }]),
    );
    expect(started.body.data.embeds[0].description).toMatch(/Question 1 of up to 2/);
  });

  it('GIVEN Reset THEN the built-in policy applies again', async () => {
    await submit({ custom: 'Have we worked together?' });
    expect((await policy('linkedin')).source).toBe('user');
    const reply = await submit({ reset: ['reset'] });
    expect(reply.body.data.embeds[0].fields[0].name).toBe('LinkedIn (built-in)');
    expect((await policy('linkedin')).source).toBe('built-in');
  });

  it('GIVEN a question too long, or nothing at all THEN it says why, privately, and the policy is unchanged', async () => {
    const tooLong = await submit({ custom: `Is it ${'very '.repeat(60)}important?` });
    expect(tooLong.body.data.flags).toBe(64);
    expect(tooLong.body.data.content).toMatch(/under 200 characters/);
    const nothing = await submit({});
    expect(nothing.body.data.content).toMatch(/stays as it was/);
    const tampered = await h.interact(labelledModalSubmit('pm:linkedin', { custom: '' }));
    expect(tampered.body.data.content).toMatch(/stays as it was/);
    expect((await policy('linkedin')).source).toBe('built-in');
  });
});

describe('a server policy', () => {
  const sam = { ...dana, userId: SAM.id };
  const inGuild = (fields: Record<string, string | string[]>, user = DANA) =>
    labelledModalSubmit('pm:linkedin', { builtin: [], custom: '', reset: [], ...fields }, user, 'guild');

  it('GIVEN a member with Manage Server saves for everyone THEN members who use the bot there get it, unless they have their own', async () => {
    const shown = await h.interact(asAdmin(slash('policy', [], DANA, 'guild')));
    const edit = shown.body.data.components[0].components[0];
    const modal = await h.interact(asAdmin(button(edit.custom_id, h.shown(), DANA, 'guild')));
    const scope = modal.body.data.components.at(-1).component;
    expect(scope.options.map((o: Json) => o.value)).toEqual(['me', 'server']);

    const saved = await h.interact(asAdmin(inGuild({ custom: 'Have we worked together?', scope: ['server'] })));
    expect(saved.body.data.content).toMatch(/Saved for everyone in this server/);
    expect(saved.body.data.flags).toBe(64);
    expect(saved.body.data.embeds[0].fields[0].name).toBe('LinkedIn (team)');

    expect((await policy('linkedin', sam)).source).toBe('built-in'); // Sam has not used the bot in that server yet
    await h.interact(slash('history', [], SAM, 'guild'));
    expect((await policy('linkedin', sam)).criteria.map((c) => c.question)).toEqual(['Have we worked together?']);
    const started = await h.interact(
      slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Ann Lee' }], SAM),
    );
    expect(started.body.data.embeds[0].description).toMatch(/Have we worked together\?/);

    await h.service.policies.set(sam, 'linkedin', ['knows_them']);
    expect((await policy('linkedin', sam)).source).toBe('user');
  });

  it('GIVEN a member without Manage Server THEN the form does not offer it, and a forged submission changes nothing', async () => {
    await h.interact(slash('policy', [], DANA, 'guild'));
    const edit = h.shown().components[0].components[0];
    const modal = await h.interact(button(edit.custom_id, h.shown(), DANA, 'guild'));
    expect(modal.body.data.components.map((l: Json) => l.component.custom_id)).toEqual(['builtin', 'custom', 'reset']);

    const refused = await h.interact(inGuild({ custom: 'Have we worked together?', scope: ['server'] }));
    expect(refused.body.data.content).toMatch(/Only members with the Manage Server permission/);
    const inDm = await h.interact(labelledModalSubmit('pm:linkedin', { custom: 'x?', scope: ['server'] }));
    expect(inDm.body.data.content).toMatch(/Only members with the Manage Server permission/);
    expect((await policy('linkedin')).source).toBe('built-in');
  });
});
