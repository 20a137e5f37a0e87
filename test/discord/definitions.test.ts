import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands.js';
import { decodeCustomId, encodeCustomId } from '../../adapters/discord/custom-id.js';
import type { Json } from '../helpers/discord-fake-rest.js';

describe('command definitions', () => {
  const [slash, menu] = commandDefinitions() as Json[];

  it('install for users and servers, and work in servers, the bot DM and private channels', () => {
    for (const c of [slash, menu]) {
      expect(c.integration_types).toEqual([
        ApplicationIntegrationType.GuildInstall,
        ApplicationIntegrationType.UserInstall,
      ]);
      expect(c.contexts).toEqual([
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ]);
    }
  });

  it('offer /triage start, history, pending, policy, settings, export, forget, the time and digest commands, and help, and a message command', () => {
    expect(slash.options.map((o: Json) => o.name)).toEqual([
      'start',
      'history',
      'pending',
      'policy',
      'settings',
      'export',
      'forget',
      'time',
      'budget',
      'guidelines',
      'guidelines-set',
      'digest',
      'help',
    ]);
    expect(menu).toMatchObject({ name: 'Triage invitation', type: 3 });
    const timezone = slash.options
      .find((o: Json) => o.name === 'settings')
      .options.find((o: Json) => o.name === 'timezone');
    expect(timezone.autocomplete).toBe(true);
  });
});

describe('custom ids', () => {
  it('round-trip opaque ids and stay within 100 characters', () => {
    const id = {
      kind: 'answer',
      triageId: 123456789012345,
      questionId: `custom_${'a'.repeat(40)}`,
      choiceId: 'planned',
    } as const;
    const raw = encodeCustomId(id);
    expect(raw.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(raw)).toEqual(id);
    expect(decodeCustomId(encodeCustomId({ kind: 'forget', ownerId: '1150000000000000001', confirm: true }))).toEqual({
      kind: 'forget',
      ownerId: '1150000000000000001',
      confirm: true,
    });
  });

  it('carry a policy editor by platform id, both ways', () => {
    for (const kind of ['policy_edit', 'policy_modal'] as const) {
      expect(decodeCustomId(encodeCustomId({ kind, platform: 'linkedin' }))).toEqual({ kind, platform: 'linkedin' });
    }
    expect(() => encodeCustomId({ kind: 'policy_edit', platform: '@everyone' })).toThrow();
  });

  it('refuse user text, and read tampered or foreign ids as nothing', () => {
    expect(() => encodeCustomId({ kind: 'answer', triageId: 1, questionId: 'Dana <@1>', choiceId: 'yes' })).toThrow();
    for (const raw of [
      't:1:q',
      't:x:q:yes',
      't:1:Q Q:yes',
      'answer:<opaque-id>:no',
      'f:abc:y',
      `t:1:${'a'.repeat(99)}:y`,
      'pe:Linked In',
      'pm:linkedin:x',
    ]) {
      expect(decodeCustomId(raw)).toBeNull();
    }
  });
});
