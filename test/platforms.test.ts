import { describe, expect, it } from 'vitest';
import { getPlatform, PLATFORMS, resolvePlatform } from '../src/core/platforms.js';

describe('resolvePlatform', () => {
  it.each([
    ['fb', 'facebook'],
    ['Facebook', 'facebook'],
    ['linked in', 'linkedin'],
    ['Linked   In', 'linkedin'],
    ['LinkedIn', 'linkedin'],
    ['x', 'x'],
    ['twitter', 'x'],
    ['X (Twitter)', 'x'],
    ['ig', 'instagram'],
    ['Slack Connect', 'slack-connect'],
    ['slack-connect', 'slack-connect'],
    ['bsky', 'bluesky'],
    ['tik-tok', 'tiktok'],
    ['substack', 'blog'],
  ])('"%s" is %s', (input, id) => {
    expect(resolvePlatform(input)).toBe(id);
  });

  it.each(['', '   ', 'friendster', 'linkedinx'])('"%s" is not a platform', (input) => {
    expect(resolvePlatform(input)).toBeNull();
  });
});

describe('the catalog', () => {
  const names = [
    'LinkedIn',
    'Facebook',
    'X (Twitter)',
    'Instagram',
    'Threads',
    'Bluesky',
    'Mastodon',
    'GitHub',
    'TikTok',
    'YouTube',
    'Meetup',
    'Discord',
    'Slack Connect',
    'MySpace',
    'Plaxo',
    'Blog',
    'Other',
  ];

  it('holds every platform the issue names', () => {
    expect(PLATFORMS.map((p) => p.name)).toEqual(expect.arrayContaining(names));
    for (const name of names) expect(resolvePlatform(name)).not.toBeNull();
  });

  it('gives every platform a unique id and resolves each id to itself', () => {
    const ids = PLATFORMS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(resolvePlatform(id)).toBe(id);
      expect(getPlatform(id).id).toBe(id);
    }
  });

  it('never gives two platforms the same alias', () => {
    const aliases = PLATFORMS.flatMap((p) => p.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
