import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Json } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { button, DANA, inServer, messageCommand, modalSubmit, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  expect(h.rest.refusals).toEqual([]);
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const text = (value: string) => [{ name: 'text', type: 3, value }];
const flagsOf = (callback: Json) => callback.body.data?.flags ?? 0;

describe('a group DM or a DM with someone else (context 2, the app installed to the user)', () => {
  it('GIVEN Decide #N on the private pending list THEN the triage it opens is ephemeral too', async () => {
    await h.service.triage.startFromText(dana, 'LinkedIn request from Priya Raman');
    const list = await h.interact(slash('pending', [], DANA, 'private'));
    expect(flagsOf(list)).toBe(64);
    const decide = list.body.data.components[0].components[0];
    expect(decide.label).toMatch(/^Decide #\d+$/);

    const opened = await h.interact(button(decide.custom_id, h.shown(), DANA, 'private'));
    expect(opened.body.type).toBe(4);
    expect(opened.body.data.embeds[0].title).toBe('LinkedIn invitation from Priya Raman');
    expect(flagsOf(opened)).toBe(64);
  });

  it('GIVEN a triage started there by command, message command or form THEN every reply is ephemeral', async () => {
    const started = await h.interact(slash('start', text('LinkedIn request from Dana Kim'), DANA, 'private'));
    expect(flagsOf(started)).toBe(64);
    const fromMessage = await h.interact(messageCommand('Facebook friend request from Sam Lee', DANA, 'private'));
    expect(flagsOf(fromMessage)).toBe(64);
    const form = await h.interact(
      modalSubmit('triage_modal', { text: 'LinkedIn request' }, DANA, undefined, 'private'),
    );
    expect(flagsOf(form)).toBe(64);
    const name = h.shown().components[0].components.find((b: Json) => b.custom_id.startsWith('n:'));
    const named = await h.interact(
      modalSubmit(`nm:${name.custom_id.slice(2)}`, { name: 'Ann Lee' }, DANA, undefined, 'private'),
    );
    expect(named.body.data.embeds[0].title).toBe('LinkedIn invitation from Ann Lee');
    expect(flagsOf(named)).toBe(64);
    for (const sub of ['history', 'policy', 'settings', 'digest', 'help', 'forget']) {
      expect(flagsOf(await h.interact(slash(sub, [], DANA, 'private')))).toBe(64);
    }
  });

  it('GIVEN the bot’s own DM THEN the triage is a lasting message there, not ephemeral', async () => {
    await h.service.triage.startFromText(dana, 'LinkedIn request from Priya Raman');
    await h.interact(slash('pending', []));
    const decide = h.shown().components[0].components[0];
    const opened = await h.interact(button(decide.custom_id, h.shown()));
    expect(flagsOf(opened)).toBe(0);
  });
});

describe('the server policy follows the server the interaction comes from', () => {
  const G1 = '1140000000000000001';
  const G2 = '1140000000000000002';
  const lastServer = async () => {
    const row = await h.service.stores.users.find({ provider: 'discord', workspace: '', externalId: DANA.id });
    return JSON.parse(row?.prefs ?? '{}').guidanceTeam;
  };
  const askedFirst = (callback: Json) => callback.body.data.embeds[0].description as string;

  beforeEach(async () => {
    await h.service.policies.setTeam({ provider: 'discord', workspace: G1 }, 'linkedin', [{ question: 'Met at G1?' }]);
    await h.service.policies.setTeam({ provider: 'discord', workspace: G2 }, 'linkedin', [{ question: 'Met at G2?' }]);
  });

  it('GIVEN /triage used in G1 THEN the message command in G2 asks G2’s questions, and the DM then follows G2', async () => {
    expect(askedFirst(await h.interact(slash('start', text('LinkedIn request from Ann Lee'), DANA, 'guild')))).toMatch(
      /Met at G1\?/,
    );
    const inG2 = await h.interact(inServer(messageCommand('LinkedIn request from Bo Chen'), G2));
    expect(askedFirst(inG2)).toMatch(/Met at G2\?/);
    // The server is remembered after the reply, so the DM waits until it is written.
    await vi.waitFor(async () => expect(await lastServer()).toBe(G2));
    const inDm = await h.interact(slash('start', text('LinkedIn request from Cy Park')));
    expect(askedFirst(inDm)).toMatch(/Met at G2\?/);
    const policy = await h.interact(
      inServer(slash('policy', [{ name: 'platform', type: 3, value: 'linkedin' }], DANA, 'guild'), G1),
    );
    expect(policy.body.data.embeds[0].fields[0].value).toMatch(/Met at G1\?/);
  });
});

describe('user text in refusals', () => {
  it('GIVEN a timezone that is a masked link THEN the refusal shows it as text, not a link', async () => {
    const link = '[click](https://evil.example)';
    const reply = await h.interact(slash('settings', [{ name: 'timezone', type: 3, value: link }]));
    expect(flagsOf(reply)).toBe(64);
    expect(reply.body.data.content).toContain('\\[click\\](https://evil.example)');
    expect(reply.body.data.content).toMatch(/is not a time zone/);
    expect(reply.body.data.allowed_mentions).toEqual({ parse: [] });
    expect((await h.service.settings.get(dana)).timezone).toBeNull();
  });
});
