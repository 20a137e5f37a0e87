import { describe, expect, it } from 'vitest';
import { customCriterion, KNOWS_THEM, MET_IN_PERSON_OR_PHONE } from '../src/core/criteria.js';
import { builtInPolicy, resolvePolicy } from '../src/core/policy.js';

const ids = (p: { criteria: { id: string }[] }) => p.criteria.map((c) => c.id);

describe('resolvePolicy', () => {
  const team = [KNOWS_THEM];
  const user = [customCriterion('Met at a conference?')];

  it('GIVEN no overrides THEN the built-in policy applies', () => {
    const p = resolvePolicy('linkedin');
    expect(p.source).toBe('built-in');
    expect(ids(p)).toEqual(['met_in_person_or_phone']);
  });

  it('GIVEN a team override THEN it beats the built-in one', () => {
    const p = resolvePolicy('linkedin', { team });
    expect(p.source).toBe('team');
    expect(ids(p)).toEqual(['knows_them']);
  });

  it('GIVEN a user and a team override THEN the user’s wins', () => {
    const p = resolvePolicy('linkedin', { team, user });
    expect(p.source).toBe('user');
    expect(ids(p)).toEqual(['custom_met_at_a_conference']);
  });

  it('GIVEN empty or null overrides THEN they are ignored', () => {
    expect(resolvePolicy('facebook', { user: [], team: null }).source).toBe('built-in');
    expect(resolvePolicy('facebook', { user: null, team: [MET_IN_PERSON_OR_PHONE] }).source).toBe('team');
  });

  it('every platform has a built-in policy with at least one criterion', () => {
    for (const id of ['x', 'threads', 'bluesky', 'mastodon', 'tiktok', 'youtube', 'meetup', 'blog', 'other'] as const) {
      expect(ids(builtInPolicy(id))).toEqual(['serves_professionally', 'knows_them']);
    }
  });
});
