/** A social network the bot knows how to triage invitations for. */
export interface Platform {
  id: PlatformId;
  name: string;
  /** Other words people use for it: lower case, matched as whole words. */
  aliases: readonly string[];
  /** Hosts whose URLs reveal it. */
  domains: readonly string[];
  /** What a connection there usually is: shapes the generic wording. */
  kind: 'professional' | 'social' | 'follow' | 'community' | 'work-chat';
}

export const PLATFORM_IDS = [
  'linkedin',
  'facebook',
  'x',
  'instagram',
  'threads',
  'bluesky',
  'mastodon',
  'github',
  'tiktok',
  'youtube',
  'meetup',
  'discord',
  'slack-connect',
  'myspace',
  'plaxo',
  'blog',
  'other',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'linkedin',
    name: 'LinkedIn',
    aliases: ['linkedin', 'linked in', 'li'],
    domains: ['linkedin.com', 'lnkd.in'],
    kind: 'professional',
  },
  {
    id: 'facebook',
    name: 'Facebook',
    aliases: ['facebook', 'fb', 'face book'],
    domains: ['facebook.com', 'fb.com', 'fb.me'],
    kind: 'social',
  },
  {
    id: 'x',
    name: 'X (Twitter)',
    aliases: ['x', 'twitter', 'tweet', 'tweets'],
    domains: ['x.com', 'twitter.com', 't.co'],
    kind: 'follow',
  },
  {
    id: 'instagram',
    name: 'Instagram',
    aliases: ['instagram', 'ig', 'insta'],
    domains: ['instagram.com'],
    kind: 'follow',
  },
  { id: 'threads', name: 'Threads', aliases: ['threads'], domains: ['threads.net', 'threads.com'], kind: 'follow' },
  {
    id: 'bluesky',
    name: 'Bluesky',
    aliases: ['bluesky', 'bsky', 'blue sky'],
    domains: ['bsky.app', 'bsky.social'],
    kind: 'follow',
  },
  {
    id: 'mastodon',
    name: 'Mastodon',
    aliases: ['mastodon', 'fediverse', 'toot'],
    domains: ['mastodon.social', 'hachyderm.io', 'fosstodon.org', 'mastodon.online'],
    kind: 'follow',
  },
  { id: 'github', name: 'GitHub', aliases: ['github', 'git hub', 'gh'], domains: ['github.com'], kind: 'community' },
  { id: 'tiktok', name: 'TikTok', aliases: ['tiktok', 'tik tok'], domains: ['tiktok.com'], kind: 'follow' },
  {
    id: 'youtube',
    name: 'YouTube',
    aliases: ['youtube', 'yt', 'you tube'],
    domains: ['youtube.com', 'youtu.be'],
    kind: 'follow',
  },
  { id: 'meetup', name: 'Meetup', aliases: ['meetup', 'meet up'], domains: ['meetup.com'], kind: 'community' },
  {
    id: 'discord',
    name: 'Discord',
    aliases: ['discord'],
    domains: ['discord.com', 'discord.gg', 'discordapp.com'],
    kind: 'social',
  },
  {
    id: 'slack-connect',
    name: 'Slack Connect',
    aliases: ['slack connect', 'slack'],
    domains: ['slack.com'],
    kind: 'work-chat',
  },
  { id: 'myspace', name: 'MySpace', aliases: ['myspace', 'my space'], domains: ['myspace.com'], kind: 'social' },
  { id: 'plaxo', name: 'Plaxo', aliases: ['plaxo', 'plaxo pulse'], domains: ['plaxo.com'], kind: 'professional' },
  {
    id: 'blog',
    name: 'Blog',
    aliases: ['blog', 'blogger', 'wordpress', 'substack', 'medium'],
    domains: ['blogspot.com', 'wordpress.com', 'substack.com', 'medium.com'],
    kind: 'follow',
  },
  { id: 'other', name: 'Other', aliases: ['other'], domains: [], kind: 'social' },
];

const byId = new Map(PLATFORMS.map((p) => [p.id, p]));

export function isPlatformId(value: string): value is PlatformId {
  return byId.has(value as PlatformId);
}

export function getPlatform(id: PlatformId): Platform {
  return byId.get(id) ?? (byId.get('other') as Platform);
}

/** Resolves an id, display name or alias ("fb", "Linked In", "twitter") to a platform id, or null. */
export function resolvePlatform(input: string): PlatformId | null {
  const key = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return null;
  if (isPlatformId(key)) return key;
  for (const p of PLATFORMS) {
    if (p.name.toLowerCase() === key || p.aliases.includes(key)) return p.id;
  }
  const compact = key.replace(/[\s_-]/g, '');
  for (const p of PLATFORMS) {
    if (p.aliases.some((a) => a.replace(/\s/g, '') === compact)) return p.id;
  }
  return null;
}
