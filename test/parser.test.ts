import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Invitation, InviterContext } from '../src/core/invitation.js';
import { parseInvitation } from '../src/core/parser.js';
import { PLATFORM_IDS, type PlatformId } from '../src/core/platforms.js';

interface FixtureRow {
  platform: PlatformId | null;
  inviter: string | null;
  channel: string;
  text: string;
}

const corpus: FixtureRow[] = readFileSync(new URL('./fixtures/invitations.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as FixtureRow);

function expectValid(inv: Invitation): void {
  expect(inv.platform === null || PLATFORM_IDS.includes(inv.platform)).toBe(true);
  expect(inv.inviter === null || (typeof inv.inviter === 'string' && inv.inviter.length <= 80)).toBe(true);
  expect(Number.isFinite(inv.confidence)).toBe(true);
  expect(inv.confidence).toBeGreaterThanOrEqual(0);
  expect(inv.confidence).toBeLessThanOrEqual(1);
  expect(typeof inv.context).toBe('object');
}

describe('parseInvitation over the fixture corpus', () => {
  it('names the platform of at least 95% and the inviter of at least 90% of real notifications', () => {
    const platformMisses: string[] = [];
    const inviterMisses: string[] = [];
    for (const row of corpus) {
      const got = parseInvitation(row.text);
      const excerpt = JSON.stringify(row.text.slice(0, 60));
      if (got.platform !== row.platform) platformMisses.push(`${excerpt}: ${got.platform} ≠ ${row.platform}`);
      if (got.inviter !== row.inviter) inviterMisses.push(`${excerpt}: ${got.inviter} ≠ ${row.inviter}`);
    }
    const platformAccuracy = 1 - platformMisses.length / corpus.length;
    const inviterAccuracy = 1 - inviterMisses.length / corpus.length;
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(platformAccuracy, `platform misses:\n${platformMisses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    expect(inviterAccuracy, `inviter misses:\n${inviterMisses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('is more confident when both platform and inviter come from strong signals', () => {
    const strong = parseInvitation(corpus[0]?.text ?? '');
    const vague = parseInvitation('got a linkedin invite from some sales guy');
    expect(strong.confidence).toBeGreaterThan(vague.confidence);
  });
});

interface HeldOut {
  spec: string;
  text: string;
  platform: PlatformId | null;
  inviter: string | null;
  context?: InviterContext;
}

// Wording deliberately different from the corpus: these check that the rules generalise.
const heldOut: HeldOut[] = [
  {
    spec: 'parses a LinkedIn email forwarded with Gmail headers and CRLF line breaks',
    text:
      '---------- Forwarded message ---------\r\nFrom: LinkedIn <invitations@linkedin.com>\r\n' +
      'Date: Mon, Mar 3, 2025 at 9:12 AM\r\nSubject: Fwd: Иван Петров wants to connect\r\nTo: <me@example.com>\r\n\r\n' +
      'Иван Петров\r\nData Engineer at Yandex\r\n\r\nAccept\r\n',
    platform: 'linkedin',
    inviter: 'Иван Петров',
    context: { headline: 'Data Engineer at Yandex', company: 'Yandex' },
  },
  {
    spec: 'parses a Facebook request forwarded from Outlook as a quoted reply with an Arabic name',
    text:
      'FW: friend request\r\n\r\n-----Original Message-----\r\n> From: Facebook <notification@facebookmail.com>\r\n' +
      '> Sent: Tuesday, March 4, 2025 10:02 AM\r\n> To: Me\r\n> Subject: محمد الأحمد sent you a friend request\r\n>\r\n' +
      '> 3 mutual friends\r\n',
    platform: 'facebook',
    inviter: 'محمد الأحمد',
    context: { mutuals: 3 },
  },
  {
    spec: 'reads a Hebrew name wrapped in right-to-left marks',
    text: '\u200fנועה כהן\u200f would like to join your network on LinkedIn',
    platform: 'linkedin',
    inviter: 'נועה כהן',
  },
  {
    spec: "keeps the apostrophe and accent in Seán O'Brien",
    text: "Seán O'Brien sent you a friend request\n2 mutual friends\nConfirm   Delete",
    platform: 'facebook',
    inviter: "Seán O'Brien",
    context: { mutuals: 2 },
  },
  {
    spec: 'keeps a curly apostrophe and hyphen in an Instagram follower name',
    text: 'Siobhán O’Neill-Walsh wants to follow you on Instagram',
    platform: 'instagram',
    inviter: 'Siobhán O’Neill-Walsh',
  },
  {
    spec: 'reads "Dr. Amelia Stone · headline" as name and headline',
    text: 'Dr. Amelia Stone · Cardiologist at Mercy Hospital\nInvitation to connect · 3 mutual connections',
    platform: 'linkedin',
    inviter: 'Dr. Amelia Stone',
    context: { headline: 'Cardiologist at Mercy Hospital', company: 'Mercy Hospital', mutuals: 3 },
  },
  {
    spec: 'keeps "my dentist" as the relation, not the name',
    text: 'my dentist sent me a facebook request',
    platform: 'facebook',
    inviter: null,
    context: { relation: 'my dentist' },
  },
  {
    spec: 'reads an "insta follow from @handle" description',
    text: 'insta follow from @coffee.lover',
    platform: 'instagram',
    inviter: 'coffee.lover',
    context: { handle: '@coffee.lover' },
  },
  {
    spec: 'recognises Mastodon from a user@host handle on an instance it has never heard of',
    text: 'Rin Sato (@rin@mstdn.jp) followed you',
    platform: 'mastodon',
    inviter: 'Rin Sato',
    context: { handle: '@rin@mstdn.jp' },
  },
  {
    spec: 'reads a "New follower:" label with a Bluesky handle',
    text: 'New follower: @maria.bsky.social',
    platform: 'bluesky',
    inviter: 'maria.bsky.social',
    context: { handle: '@maria.bsky.social' },
  },
  {
    spec: 'lets a bsky.social handle outweigh X-style "is now following you" wording',
    text: 'Maria Souza (@maria.bsky.social) is now following you',
    platform: 'bluesky',
    inviter: 'Maria Souza',
  },
  {
    spec: 'tells LinkedIn from a bare profile URL and leaves the inviter unknown',
    text: 'https://www.linkedin.com/in/tomas-novak-4821/',
    platform: 'linkedin',
    inviter: null,
  },
  {
    spec: 'tells GitHub from an organisation invitation URL alone',
    text: 'can you look at this? https://github.com/orgs/initrode/invitation',
    platform: 'github',
    inviter: null,
  },
  {
    spec: 'starts the name after a greeting sentence',
    text: 'Hi! Nadia Haddad wants to follow you on Instagram.',
    platform: 'instagram',
    inviter: 'Nadia Haddad',
  },
  {
    spec: 'recognises YouTube from "subscribed to your channel" without the name YouTube',
    text: 'New subscriber! CookingWithKat just subscribed to your channel.',
    platform: 'youtube',
    inviter: 'CookingWithKat',
  },
  {
    spec: 'reads the inviter of a passive "invited … by" sentence',
    text: "You've been invited to join Seattle Rust Meetup by Jen Park",
    platform: 'meetup',
    inviter: 'Jen Park',
  },
  {
    spec: 'answers "other" for a friend request on a network outside the catalog',
    text: 'Steam friend request from gabe_n',
    platform: 'other',
    inviter: 'gabe_n',
  },
  {
    spec: 'recognises a GitHub organisation invite without a URL',
    text: '@lin-park invited you to the rustaceans organization',
    platform: 'github',
    inviter: 'lin-park',
    context: { handle: '@lin-park' },
  },
  {
    spec: 'splits a comma-separated headline off the name',
    text: 'LinkedIn: Kwame Mensah, Product Designer at Figma, would like to join your network',
    platform: 'linkedin',
    inviter: 'Kwame Mensah',
    context: { headline: 'Product Designer at Figma', company: 'Figma' },
  },
  {
    spec: 'keeps a parenthesised "my …" as the relation',
    text: "ig request from Lucía Gómez (my cousin's friend)",
    platform: 'instagram',
    inviter: 'Lucía Gómez',
    context: { relation: "my cousin's friend" },
  },
  {
    spec: 'does not take "a recruiter" for a name',
    text: 'a recruiter sent me a linkedin invite',
    platform: 'linkedin',
    inviter: null,
  },
  {
    spec: 'reads "X notification:" as the X network',
    text: 'X notification: Priya Nair followed you',
    platform: 'x',
    inviter: 'Priya Nair',
  },
  {
    spec: 'does not read a lower-case "x" in prose as the X network',
    text: 'Mei Chen wants to add me, she sells 2 x 4 lumber',
    platform: 'other',
    inviter: 'Mei Chen',
  },
  {
    spec: 'prefers a named Plaxo Pulse over LinkedIn-like "connection request" wording',
    text: 'Plaxo Pulse: connection request from Ed Norris',
    platform: 'plaxo',
    inviter: 'Ed Norris',
  },
  {
    spec: 'reads the name on the line after an "Incoming connection request" heading',
    text: 'Incoming connection request\r\nHana Yoshida\r\nUX Researcher | Tokyo',
    platform: 'linkedin',
    inviter: 'Hana Yoshida',
    context: { headline: 'UX Researcher | Tokyo' },
  },
  {
    spec: 'reads "Friend request on Discord from …" as Discord, not Facebook',
    text: 'Friend request on Discord from Zoë Ng',
    platform: 'discord',
    inviter: 'Zoë Ng',
  },
  {
    spec: 'takes the inviter from a "Name via LinkedIn" sender when the body names nobody',
    text: "From: Björn Lindqvist via LinkedIn <invitations@linkedin.com>\nSubject: Invitation\n\nI'd like to join your LinkedIn network.",
    platform: 'linkedin',
    inviter: 'Björn Lindqvist',
  },
  {
    spec: 'keeps a quoted personal message as the note in a quoted reply',
    text: '> Kofi Boateng wants to connect\n> "Great meeting you at PyCon!"\n> Accept',
    platform: 'linkedin',
    inviter: 'Kofi Boateng',
    context: { note: 'Great meeting you at PyCon!' },
  },
  {
    spec: 'keeps "from church" as the relation of an unnamed someone',
    text: 'someone from church wants to be friends on facebook',
    platform: 'facebook',
    inviter: null,
    context: { relation: 'from church' },
  },
  {
    spec: 'reads a CJK name and a relation after "invite from"',
    text: 'LinkedIn invite from 李小龍 (my old classmate)',
    platform: 'linkedin',
    inviter: '李小龍',
    context: { relation: 'my old classmate' },
  },
  {
    spec: 'defaults a bare "followed you" to X',
    text: 'Jamal Wright followed you',
    platform: 'x',
    inviter: 'Jamal Wright',
  },
  {
    spec: 'answers null when nothing tells a network or an invitation',
    text: 'Sarah Johnson',
    platform: null,
    inviter: null,
  },
];

describe('parseInvitation on held-out wording', () => {
  it.each(heldOut)('$spec', ({ text, platform, inviter, context }) => {
    const got = parseInvitation(text);
    expectValid(got);
    expect({ platform: got.platform, inviter: got.inviter }).toEqual({ platform, inviter });
    if (context) expect(got.context).toMatchObject(context);
  });
});

// A small deterministic generator, so a failure on "random" bytes can be replayed.
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('parseInvitation on bad input', () => {
  it('answers nothing for empty and whitespace-only text', () => {
    for (const text of ['', '   ', '\n\t \r\n']) {
      const got = parseInvitation(text);
      expectValid(got);
      expect(got.platform).toBeNull();
      expect(got.inviter).toBeNull();
    }
  });

  it('copes with 100 KB of text', () => {
    const text = 'Sarah Johnson wants to connect on LinkedIn. Lorem ipsum dolor sit amet. '.repeat(1400);
    expect(text.length).toBeGreaterThan(100_000);
    const got = parseInvitation(text);
    expectValid(got);
    expect(got.platform).toBe('linkedin');
  });

  it('copes with random binary bytes decoded as latin1', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expectValid(parseInvitation(Buffer.from(pseudoRandomBytes(5000, seed)).toString('latin1')));
    }
  });

  it('copes with control characters around a name', () => {
    const got = parseInvitation('\u0000\u0001\u0007Sam Lee\u001b[31m wants to connect\u0008\u007f\u0085');
    expectValid(got);
    expect(got.platform).toBe('linkedin');
    expect(got.inviter ?? '').not.toMatch(/\p{Cc}/u);
  });

  it('copes with emoji-only text', () => {
    const got = parseInvitation('🎉🔥👋🏽👨‍👩‍👧');
    expectValid(got);
    expect(got.platform).toBeNull();
  });

  it('copes with chat mentions like <!channel> and @everyone in place of a name', () => {
    for (const text of ['<!channel> sent you a friend request', '@everyone wants to connect', '<@U123> followed you']) {
      expectValid(parseInvitation(text));
    }
  });

  it('copes with a 1 MB single line with no spaces', () => {
    for (const unit of ['a', '@', 'a.', 'x.com', '(', '-', 'é']) {
      expectValid(parseInvitation(unit.repeat(Math.ceil(1_000_000 / unit.length))));
    }
  });

  it('reads names in any script, not only ASCII', () => {
    const cases = [
      ['José Müller wants to connect', 'linkedin', 'José Müller'],
      ['Zoë Ångström sent you a friend request on Facebook 🎉', 'facebook', 'Zoë Ångström'],
      ['李小龙 wants to connect on LinkedIn', 'linkedin', '李小龙'],
    ] as const;
    for (const [text, platform, inviter] of cases) {
      expect(parseInvitation(text)).toMatchObject({ platform, inviter });
    }
  });

  it('never throws on thousands of random strings of any script, emoji, controls and lone surrogates', () => {
    const pieces = [
      ' ',
      '\n',
      '\t',
      '\u0000',
      '\u200b',
      '\u202e',
      '\ufeff',
      '\ud800',
      '\udfff',
      'é',
      'ß',
      'İ',
      'ﬁ',
      '\u0301',
      'Ω',
      'Ж',
      'ש',
      'ع',
      '中',
      '한',
      '🎉',
      '👨‍👩‍👧',
      '🏳️‍🌈',
      '𝔘',
      '@',
      '.',
      '<',
      '>',
      '(',
      ')',
      '*',
      '_',
      '|',
      '"',
      "'",
      '-',
      '—',
      ':',
      'wants to connect',
      ' on LinkedIn',
      'followed you',
      'friend request',
      '---------- Forwarded message ---------',
      'From: ',
      '<@U1>',
      'Dana Kim',
      'x.com',
      'https://',
    ];
    let state = 7;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = next(40); k > 0; k--) {
        text += next(3) === 0 ? String.fromCharCode(next(0x10000)) : (pieces[next(pieces.length)] ?? '');
      }
      let got: Invitation | undefined;
      expect(() => {
        got = parseInvitation(text);
      }, JSON.stringify(text)).not.toThrow();
      if (got) expectValid(got);
    }
  });

  it('never throws even when a caller passes something that is not a string', () => {
    for (const value of [
      null,
      undefined,
      42,
      {},
      Symbol('x'),
      {
        toString: () => {
          throw new Error('no');
        },
      },
    ]) {
      expectValid(parseInvitation(value as unknown as string));
    }
  });
});

describe('the context line in other languages', () => {
  it.each([
    ['Jens Albrecht\nVertriebsleiter bei Müller & Söhne GmbH', { company: 'Müller & Söhne GmbH' }],
    ['María López\nDirectora de Marketing en Telefónica\n5 contactos en común', { company: 'Telefónica', mutuals: 5 }],
    ['Marco Rossi\nIngegnere presso Pirelli\n2 collegamenti in comune', { company: 'Pirelli', mutuals: 2 }],
    ['Hélène Lefèvre vous a envoyé une invitation.\nHélène Lefèvre\n3 amis en commun', { mutuals: 3 }],
    ['Kasia Nowak\n7 wspólnych znajomych', { mutuals: 7 }],
  ])('%j keeps the company and the shared contacts', (text, context) => {
    expect(parseInvitation(text).context).toMatchObject(context);
  });

  it('takes no company from a lower-case word after "en" ("Ingénieur en logiciel")', () => {
    expect(parseInvitation('Luc Martin\nIngénieur en logiciel chez Dassault').context.company).toBe('Dassault');
  });
});

describe("the invitation's own note", () => {
  it('is kept when a label introduces it, and is not read as a headline', () => {
    const text =
      'Amara Okafor wants to connect\nAmara Okafor\nHead of Partnerships at Brightline\nAmara\'s message: "We met at the DataConf panel last week."';
    const inv = parseInvitation(text);
    expect(inv.inviter).toBe('Amara Okafor');
    expect(inv.context.note).toBe('We met at the DataConf panel last week.');
    expect(inv.context.company).toBe('Brightline');
  });
});
