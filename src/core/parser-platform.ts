import { WORDING } from './parser-wording.js';
import { PLATFORMS, type PlatformId } from './platforms.js';

// Every regex here is either anchored to a literal or built from bounded repeats, so none can backtrack
// catastrophically; the parser also never feeds them more than the first few thousand characters.

export interface PlatformGuess {
  id: PlatformId;
  /** 0..1: how telling the best signal for it was. */
  strength: number;
  /** Only "followed you"-style wording pointed at it: a handle's shape may still overrule it. */
  followOnly: boolean;
}

interface Signal {
  id: PlatformId;
  kind: string;
  weight: number;
  strength: number;
  at: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Notification mail often comes from a sending domain that is not the site's own.
const DOMAINS: [string, PlatformId][] = [
  ...PLATFORMS.flatMap((p) => p.domains.map((d): [string, PlatformId] => [d, p.id])),
  ['facebookmail.com', 'facebook'],
];

export const ALIAS_OWNER = new Map<string, PlatformId>();
for (const p of PLATFORMS) {
  if (p.id === 'other') continue;
  for (const a of [p.id, p.name.toLowerCase(), ...p.aliases]) ALIAS_OWNER.set(a, p.id);
}

// Aliases that are also everyday words ("3 x 4", "email threads", "let's meet up") count only when they
// are capitalised and sit where a network's name would: "on X", "Threads:", "X notification".
export const AMBIGUOUS = new Set([
  'x',
  'li',
  'threads',
  'medium',
  'blog',
  'my space',
  'meet up',
  'blue sky',
  'slack',
  'toot',
]);

const WORD_SCRIPTS = '\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{M}';
const ALIAS_RE = new RegExp(
  // Japanese writes particles straight onto a network's name ("Xで", "がLinkedInで"): only Latin-like letters count.
  `(?<![${WORD_SCRIPTS}\\p{N}_@./-])(?:${[...ALIAS_OWNER.keys()]
    .sort((a, b) => b.length - a.length)
    .map((a) => escapeRe(a).replace(/ /g, '\\s+'))
    .join('|')})(?![${WORD_SCRIPTS}\\p{N}_@]|[.-][\\p{L}\\p{N}])`,
  'giu',
);
const NETWORK_PREPOSITION =
  /(?<![\p{L}])(?:on|via|from|at|over|using|through|in|into|to|auf|bei|über|sur|en|no|na|su|op|w|em)\s+$/iu;
const NETWORK_NOUN =
  /^\s+(?:request|req|invite|invitation|connect|follow|follower|friend|connection|notification|dm|account|profile)/i;
const LABEL_AFTER = /^\s*(?:[:\-–—·]|\n|$)/;
// Lower-case "li" and "threads" are read as networks only where a network's name would sit ("on li", "li req").
const LOWER_PLACED = new Set(['li', 'threads']);
// Japanese puts the particle after the network: "Xで" (on X), "Xの" (X's).
const JA_PARTICLE_AFTER = /^(?:で|の|にて|から)/u;

// Networks outside the catalog: naming one means "other", and stops "friend request" from meaning Facebook.
const OTHER_NETWORK =
  /(?<![\p{L}\p{N}_@./-])(?:snapchat|whatsapp|telegram|wechat|weixin|vkontakte|vk|xing|reddit|pinterest|tumblr|twitch|steam|strava|goodreads|nextdoor|tinder|viadeo|orkut|friendster|bebo|hi5|google\+|skype|clubhouse|bereal|quora|flickr|vimeo|soundcloud|spotify|letterboxd|duolingo|researchgate|behance|dribbble|wellfound|angellist|polywork|mewe|weibo|kakaotalk|viber|xbox|playstation|roblox)(?![\p{L}\p{N}_]|\.[a-z])/iu;

const MASTODON_HANDLE = /(?<![\p{L}\p{N}_@.])@[\p{L}\p{N}_.]{1,30}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+/iu;
const FEDI_PROFILE_URL = /https?:\/\/([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+)\/@[\p{L}\p{N}_.]{1,30}/giu;

const HOST_CHAR = /[a-z0-9_-]/;

function domainOwner(host: string): PlatformId | null {
  for (const [domain, id] of DOMAINS) if (host === domain || host.endsWith(`.${domain}`)) return id;
  return null;
}

function domainSignals(lower: string, add: (s: Signal) => void): void {
  // Every domain has a dot: most texts, short descriptions, have none, and then need no look for each domain.
  if (!lower.includes('.')) return;
  for (const [domain, id] of DOMAINS) {
    for (let at = lower.indexOf(domain); at >= 0; at = lower.indexOf(domain, at + 1)) {
      const end = at + domain.length;
      const before = lower[at - 1] ?? ' ';
      const after = lower[end] ?? ' ';
      const continues = HOST_CHAR.test(after) || (after === '.' && HOST_CHAR.test(lower[end + 1] ?? ' '));
      if (!HOST_CHAR.test(before) && !continues) {
        add({ id, kind: 'domain', weight: 4, strength: 1, at });
        break;
      }
    }
  }
}

function aliasSignals(text: string, add: (s: Signal) => void): void {
  ALIAS_RE.lastIndex = 0;
  for (let m = ALIAS_RE.exec(text); m; m = ALIAS_RE.exec(text)) {
    const word = m[0];
    const key = word.toLowerCase().replace(/\s+/g, ' ');
    const id = ALIAS_OWNER.get(key);
    if (!id) continue;
    if (AMBIGUOUS.has(key)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      const after = text.slice(m.index + word.length, m.index + word.length + 24);
      // "following me on x," in a quick description; "2 x 4" is not the network.
      const lowerX = key === 'x' && /(?<![\p{L}])on\s+$/u.test(before) && /^(?:[\s,.!?;)]|$)/u.test(after);
      if (word[0] === word[0]?.toLowerCase() && !lowerX) {
        if (!LOWER_PLACED.has(key) || !(NETWORK_PREPOSITION.test(before) || NETWORK_NOUN.test(after))) continue;
      }
      const atLineStart = m.index === 0 || /\n\s*$/.test(before);
      const placed =
        NETWORK_PREPOSITION.test(before) ||
        NETWORK_NOUN.test(after) ||
        JA_PARTICLE_AFTER.test(after) ||
        (atLineStart && LABEL_AFTER.test(after));
      if (!placed) continue;
    }
    add({ id, kind: 'alias', weight: 3, strength: 0.9, at: m.index });
  }
}

/** Weighs every hint of a network in the text; null when none at all. */
export function detectPlatform(text: string): PlatformGuess | null {
  const lower = text.toLowerCase();
  const signals = new Map<string, Signal>();
  const add = (s: Signal) => {
    const key = `${s.id}:${s.kind}`;
    if (!signals.has(key)) signals.set(key, s);
  };
  domainSignals(lower, add);
  aliasSignals(text, add);
  const handle = text.includes('@') ? MASTODON_HANDLE.exec(text) : null;
  if (handle) add({ id: 'mastodon', kind: 'handle', weight: 4, strength: 1, at: handle.index });
  FEDI_PROFILE_URL.lastIndex = 0;
  for (let m = FEDI_PROFILE_URL.exec(text); m; m = FEDI_PROFILE_URL.exec(text)) {
    if (!domainOwner((m[1] ?? '').toLowerCase())) {
      add({ id: 'mastodon', kind: 'profile-url', weight: 2, strength: 0.7, at: m.index });
    }
  }
  const other = OTHER_NETWORK.exec(text);
  if (other) add({ id: 'other', kind: 'named', weight: 3, strength: 0.7, at: other.index });
  for (const [i, w] of WORDING.entries()) {
    const m = w.re.exec(text);
    const kind = w.follow ? `follow${i}` : 'wording';
    if (m) add({ id: w.id, kind, weight: w.weight, strength: w.strength, at: m.index });
  }

  const totals = new Map<PlatformId, { score: number; at: number; strength: number; followOnly: boolean }>();
  for (const [key, s] of signals) {
    const t = totals.get(s.id) ?? { score: 0, at: s.at, strength: 0, followOnly: true };
    t.score += s.weight;
    t.at = Math.min(t.at, s.at);
    t.strength = Math.max(t.strength, s.strength);
    t.followOnly &&= key.includes(':follow');
    totals.set(s.id, t);
  }
  let best: PlatformGuess | null = null;
  let bestScore = 0;
  let bestAt = 0;
  for (const [id, t] of totals) {
    if (t.score > bestScore || (t.score === bestScore && t.at < bestAt)) {
      best = { id, strength: t.strength, followOnly: t.followOnly };
      bestScore = t.score;
      bestAt = t.at;
    }
  }
  return best;
}
