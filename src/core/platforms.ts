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
  /** What to click there, in the network's own words; without it, its kind's words (KIND_CLICKS). */
  clicks?: PlatformClicks;
}

/** The buttons a network shows for an invitation, as it labels them. */
export interface PlatformClicks {
  accept: string;
  decline: string;
  /** What the sender learns of a decline, where the network says. */
  declineNote?: string;
  /** What a deferred invitation needs there: usually nothing yet. */
  wait: string;
  /** Where the text looks like spam. */
  report: string;
}

const FOLLOW_CLICKS: PlatformClicks = {
  accept: 'Follow back',
  decline: 'leave it',
  declineNote: 'they are not told; Remove follower or Block if you do not want them following you',
  wait: 'nothing yet, leave it',
  report: 'Block and report as spam',
};

/** The words of a network without its own, by kind. */
export const KIND_CLICKS: Record<Platform['kind'], PlatformClicks> = {
  professional: {
    accept: 'Accept',
    decline: 'Ignore',
    wait: 'nothing yet, leave it pending',
    report: "report as spam / I don't know this person",
  },
  social: { accept: 'Accept', decline: 'Decline', wait: 'nothing yet, leave it pending', report: 'Report as spam' },
  follow: FOLLOW_CLICKS,
  community: FOLLOW_CLICKS,
  'work-chat': { accept: 'Accept', decline: 'Ignore', wait: 'nothing yet, leave it pending', report: 'Report' },
};

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
    clicks: {
      accept: 'Accept',
      decline: 'Ignore',
      declineNote: 'the sender is not told',
      wait: 'nothing yet, leave it in Invitations',
      report: "Ignore, then report as spam / I don't know this person",
    },
  },
  {
    id: 'facebook',
    name: 'Facebook',
    aliases: ['facebook', 'fb', 'face book'],
    domains: ['facebook.com', 'fb.com', 'fb.me'],
    kind: 'social',
    clicks: {
      accept: 'Confirm',
      decline: 'Delete',
      declineNote: 'the sender is not told',
      wait: 'nothing yet, leave it in Friend requests',
      report: "Delete, then report the profile as spam / I don't know this person",
    },
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
    clicks: {
      accept: 'Approve',
      decline: 'Remove',
      declineNote: 'for a follow request; the sender is not told',
      wait: 'nothing yet, leave the follow request',
      report: 'Remove, then report as spam / Block',
    },
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

/** What to click on a network, in its own words. */
export function clicksOf(id: PlatformId): PlatformClicks {
  const platform = getPlatform(id);
  return platform.clicks ?? KIND_CLICKS[platform.kind];
}
