import { beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../src/service/index.js';
import type { CriterionSpec } from '../src/service/types.js';
import type { Db } from '../src/store/db.js';
import { aService, aUser, codeOf, rowCounts } from './helpers/builders.js';

let db: Db;
let service: Service;
const me = aUser({ provider: 'slack', workspace: 'E1:T1', userId: 'U1' });
const teammate = aUser({ provider: 'slack', workspace: 'E1:T1', userId: 'U2' });
const outsider = aUser({ provider: 'slack', workspace: 'E1:T2', userId: 'U1' });
const team = { provider: 'slack' as const, workspace: 'E1:T1' };

beforeEach(() => {
  ({ db, service } = aService());
});

const ids = (v: { criteria: { id: string }[] }) => v.criteria.map((c) => c.id);
const firstQuestion = async (user = me) => {
  const v = await service.triage.startFromText(user, 'invite', { platform: 'linkedin', inviter: 'Dana' });
  return v.step.kind === 'question' ? v.step.question.id : v.step.kind;
};

describe('a user’s own policy', () => {
  it('shows the built-in policy until the user sets one, by any platform alias', async () => {
    expect(await service.policies.show(me, 'linked in')).toMatchObject({ platform: 'linkedin', source: 'built-in' });
    const v = await service.policies.set(me, 'LinkedIn', ['knows_them', { question: 'Same field?', onFail: 'defer' }]);
    expect(v).toMatchObject({ platformName: 'LinkedIn', source: 'user' });
    expect(ids(v)).toEqual(['knows_them', 'custom_same_field']);
    expect(await firstQuestion()).toBe('knows_them');
  });

  it('reset brings back the built-in policy', async () => {
    await service.policies.set(me, 'linkedin', ['knows_them']);
    expect((await service.policies.reset(me, 'linkedin')).source).toBe('built-in');
    expect(await firstQuestion()).toBe('met_in_person_or_phone');
  });

  it('an open triage keeps the criteria it started with; revise asks the new ones', async () => {
    const v = await service.triage.startFromText(me, 'invite', { platform: 'linkedin', inviter: 'Dana' });
    await service.policies.set(me, 'linkedin', [{ question: 'Met at a conference?' }]);
    expect((await service.triage.get(me, v.id)).step).toMatchObject({ question: { id: 'met_in_person_or_phone' } });
    expect((await service.triage.revise(me, v.id)).step).toMatchObject({
      question: { id: 'custom_met_at_a_conference' },
    });
  });
});

describe('team policy', () => {
  it('applies to everyone in the team, is beaten by a user’s own, and stays out of other teams', async () => {
    await service.policies.setTeam(team, 'linkedin', ['serves_professionally', 'met_in_person_or_phone']);
    expect((await service.policies.show(teammate, 'linkedin')).source).toBe('team');
    expect(await firstQuestion(teammate)).toBe('serves_professionally');
    expect((await service.policies.show(outsider, 'linkedin')).source).toBe('built-in');
    await service.policies.set(me, 'linkedin', ['knows_them']);
    expect((await service.policies.show(me, 'linkedin')).source).toBe('user');
    expect((await service.policies.reset(me, 'linkedin')).source).toBe('team');
    await service.policies.resetTeam(team, 'linkedin');
    expect((await service.policies.show(teammate, 'linkedin')).source).toBe('built-in');
  });
});

describe('bad policy specs', () => {
  const eleven = Array.from({ length: 11 }, (_, i) => ({ question: `Question ${i}?` }));
  it.each<[string, unknown]>([
    ['an empty policy', []],
    ['too many criteria', eleven],
    ['an unknown criterion id', ['likes_cats']],
    ['a custom criterion without a question', [{ question: '   ' }]],
    ['a question that is too long', [{ question: 'x'.repeat(201) }]],
    ['an unknown fail outcome', [{ question: 'Ok?', onFail: 'explode' }]],
    ['the same criterion twice', ['knows_them', 'knows_them']],
    ['not a list at all', 'knows_them'],
  ])('%s is refused with bad_argument and stores nothing', async (_name, spec) => {
    const before = rowCounts(db).policy_overrides;
    expect(await codeOf(() => service.policies.set(me, 'linkedin', spec as CriterionSpec[]))).toBe('bad_argument');
    expect(await codeOf(() => service.policies.setTeam(team, 'linkedin', spec as CriterionSpec[]))).toBe(
      'bad_argument',
    );
    expect(rowCounts(db).policy_overrides).toBe(before);
  });

  it('an unknown platform is refused with unknown_platform', async () => {
    expect(await codeOf(() => service.policies.set(me, 'friendster', ['knows_them']))).toBe('unknown_platform');
    expect(await codeOf(() => service.policies.show(me, ''))).toBe('unknown_platform');
    expect(rowCounts(db).policy_overrides).toBe(0);
  });
});

describe('settings', () => {
  it('starts with the default digest and no time zone', async () => {
    expect(await service.settings.get(me)).toEqual({
      timezone: null,
      digest: { day: 1, hour: 9, off: false, quietWeeks: false },
      role: null,
    });
  });

  it('stores a time zone and digest changes, keeping what was not changed', async () => {
    await service.settings.update(me, { timezone: 'Europe/Berlin', digest: { day: 5 } });
    const s = await service.settings.update(me, { digest: { hour: 18 } });
    expect(s).toEqual({
      timezone: 'Europe/Berlin',
      digest: { day: 5, hour: 18, off: false, quietWeeks: false },
      role: null,
    });
    expect(await service.settings.get(me)).toEqual(s);
  });

  it.each<[string, Parameters<Service['settings']['update']>[1]]>([
    ['an unknown time zone', { timezone: 'Mars/Olympus' }],
    ['an empty time zone', { timezone: '' }],
    ['day 7', { digest: { day: 7 } }],
    ['day 1.5', { digest: { day: 1.5 } }],
    ['hour 24', { digest: { hour: 24 } }],
    ['hour -1', { digest: { hour: -1 } }],
  ])('%s is refused and the settings stay as they were', async (_name, patch) => {
    await service.settings.update(me, { timezone: 'Asia/Tokyo', digest: { day: 3 } });
    const before = await service.settings.get(me);
    expect(await codeOf(() => service.settings.update(me, patch))).toBe('bad_argument');
    expect(await service.settings.get(me)).toEqual(before);
  });
});
