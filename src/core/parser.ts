import type { Invitation, InviterContext } from './invitation.js';
import { capitalised } from './parser-name.js';
import { type Found, isInviteLine, type Person, setHeadline } from './parser-person.js';
import { detectPlatform } from './parser-platform.js';
import { findHeadline, findPerson } from './parser-rules.js';
import {
  FOREIGN_NOUNS,
  GREETED,
  GREETING,
  HEADER_FIELDS,
  OTHER_HEADERS,
  OTHER_PEOPLE,
  RECIPIENT_FOOTER,
  SUGGESTIONS_HEADING,
  TO_FIELDS,
} from './parser-words.js';
import type { PlatformId } from './platforms.js';

/** Notifications say everything up front; reading further only costs time on pasted junk. */
const MAX_SCAN = 4000;
const MAX_NOTE = 280;

// Zero-width joiners stay: they hold emoji sequences in display names together.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
// Text pasted from a terminal keeps colour codes; built from a string because the escape byte is a control
// character, which a regex literal should not spell out.
const ANSI_CODE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]{0,20}[A-Za-z]`, 'g');
const QUOTE_PREFIX = /^ *(?:> ?)+/;
const FORWARD_MARKER = /^(?:-{2,} ?(?:forwarded message|original message) ?-{2,}|begin forwarded message:?)$/i;
const HEADER = new RegExp(`^(${[...Object.keys(HEADER_FIELDS), OTHER_HEADERS].join('|')}) ?[:：] *(.*)$`, 'iu');
// "[GitHub] Mira Sokolova started following you": the bracketed tag names the sender, not the person.
const SUBJECT_TAG = /^\[[^\]\n]{1,30}\]\s*/u;
const REPLY_PREFIX = /^(?:(?:fwd?|re|aw|wg|tr|rv|odp|doorst|enc|i) ?: *)+/i;
const QUOTED = /^["“„«「『](.+?)["”“»」』]?$/u;
// "Amara's message: "We met at DataConf"": the note an invitation carries, introduced by a label.
const LABELLED_NOTE =
  /^(?:[^:]{1,60}['’]s message|(?:personal )?message|nachricht|message de [^:]{1,60}|mensaje)\s*:\s*["“„«](.+?)["”“»]?$/iu;
// "12 mutual connections", and the networks' own wording in the other languages the parser reads.
const MUTUALS = new RegExp(
  `(\\d{1,6})\\s+(?:${[
    '(?:mutual|shared)\\s+(?:connections?|friends?|followers?|contacts?)',
    '(?:friends?|connections?)\\s+in\\s+common',
    '(?:amis?|relations?|connexions?)\\s+en\\s+commun',
    '(?:amigos?|contactos?)\\s+en\\s+común',
    '(?:amigos?|contatos?|conexões)\\s+em\\s+comum',
    '(?:amici|contatti|collegamenti)\\s+in\\s+comune',
    'gemeinsame[nr]?\\s+(?:Kontakte|Freunde|Kontakt)',
    'gemeenschappelijke\\s+(?:connecties|vrienden|contacten)',
    'wspóln\\p{L}*\\s+(?:znajom|kontakt)\\p{L}*',
  ].join('|')})`,
  'iu',
);
const PROFILE_URL =
  /https?:\/\/(?:www\.|m\.|mobile\.)?(x|twitter|instagram|threads|tiktok|github)\.(?:com|net)\/@?([A-Za-z0-9_.]{1,30})(?![A-Za-z0-9_.])/i;
const PROFILE_HOSTS: Record<string, PlatformId> = {
  x: 'x',
  twitter: 'x',
  instagram: 'instagram',
  threads: 'threads',
  tiktok: 'tiktok',
  github: 'github',
};
const NOT_A_PROFILE = new Set(
  ['i', 'home', 'intent', 'explore', 'accounts', 'p', 'reel', 'reels', 'stories', 'share'].concat([
    'orgs',
    'settings',
    'notifications',
    'login',
    'features',
    'sponsors',
    'marketplace',
  ]),
);
// X handles cannot contain dots, Instagram's can.
const DOTTED_HANDLE = /^@?[a-z0-9_]+(?:\.[a-z0-9_]+)+$/;
const INVITE_WORDING = new RegExp(
  `(?<![\\p{L}])(?:invit(?:e|es|ed|ation|ations)|requests?|req|wants to (?:add|connect|follow)|add(?:ed)? (?:me|you)|${FOREIGN_NOUNS}|リクエスト|申請)(?![\\p{L}])`,
  'iu',
);

interface Prepared {
  /** Everything scanned, headers included: sender addresses there still name the network. */
  text: string;
  /** Body lines with headers and `>` prefixes gone; the Subject is kept as a line of its own. */
  lines: string[];
  senders: string[];
  notes: string[];
  /** The user's own names, lower case, from To: lines and greetings: never the inviter. */
  recipients: Set<string>;
}

function prepare(input: string): Prepared {
  let text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  text = text
    .replace(ANSI_CODE, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, (ch) => (ch === '\n' || ch === '\u200d' ? ch : ' '));
  const lines: string[] = [];
  const senders: string[] = [];
  const notes: string[] = [];
  const recipients = new Set<string>();
  let suggestions = false;
  for (const raw of text.split('\n')) {
    let line = raw.replace(QUOTE_PREFIX, '').trim();
    if (FORWARD_MARKER.test(line)) continue;
    const header = HEADER.exec(line);
    if (header) {
      const key = (header[1] ?? '').toLowerCase();
      const field = HEADER_FIELDS[key];
      if (field === 'from') senders.push((header[2] ?? '').replace(/<[^>]*>|"/g, '').trim());
      if (TO_FIELDS.has(key)) addRecipient(recipients, (header[2] ?? '').replace(/<[^>]*>|"/g, ''));
      if (field !== 'subject') continue;
      line = header[2] ?? '';
    }
    line = line.replace(REPLY_PREFIX, '').replace(SUBJECT_TAG, '').replace(REPLY_PREFIX, '').trim();
    // Suggestions run to the next blank line; greetings, footers and mutual friends name other people.
    if (SUGGESTIONS_HEADING.test(line)) suggestions = true;
    if (line === '') suggestions = false;
    if (suggestions) continue;
    if (!isInviteLine(line) && (GREETING.test(line) || RECIPIENT_FOOTER.test(line) || OTHER_PEOPLE.test(line))) {
      if (GREETING.test(line)) addRecipient(recipients, GREETED.exec(line)?.[1] ?? '');
      continue;
    }
    const quoted = QUOTED.exec(line) ?? LABELLED_NOTE.exec(line);
    if (quoted) {
      notes.push(quoted[1] ?? '');
      continue;
    }
    if (line !== '' || lines[lines.length - 1] !== '') lines.push(line);
  }
  return { text, lines, senders, notes, recipients };
}

/** "Morgan Reyes" is the user: so are "morgan reyes" and, alone, "morgan". */
function addRecipient(recipients: Set<string>, raw: string): void {
  const name = raw.replace(/\s+/g, ' ').trim().toLowerCase();
  if (name === '' || name.includes('@') || name.length > 60) return;
  recipients.add(name);
  recipients.add(name.split(' ')[0] ?? name);
}

function contextOf(prepared: Prepared, found: Found | null, platform: PlatformId | null): InviterContext {
  const context: InviterContext = {};
  const person: Person = found ?? { name: null };
  if (found?.name && !found.headline) {
    const headline = findHeadline(prepared.lines, found.name, found.line);
    if (headline) setHeadline(person, headline);
  }
  const url = PROFILE_URL.exec(prepared.text);
  const urlHandle = url?.[2] && !NOT_A_PROFILE.has(url[2].toLowerCase()) ? `@${url[2]}` : undefined;
  const handle =
    person.handle ?? (url && PROFILE_HOSTS[(url[1] ?? '').toLowerCase()] === platform ? urlHandle : undefined);
  if (handle) context.handle = handle;
  if (person.headline) context.headline = person.headline;
  if (person.company) context.company = person.company;
  const mutuals = MUTUALS.exec(prepared.text);
  if (mutuals?.[1]) context.mutuals = Number.parseInt(mutuals[1], 10);
  const note = prepared.notes.find((n) => /\p{L}/u.test(n));
  if (note) context.note = note.replace(/\s+/g, ' ').trim().slice(0, MAX_NOTE);
  if (person.relation) context.relation = person.relation;
  return context;
}

/** The invitation with how strong the platform's signal was, for the analysis to judge. */
export interface Reading {
  invitation: Invitation;
  platformStrength: number;
  /** Strong wording said someone invites the user ("wants to connect", "folgt dir", "request from"). */
  invites: boolean;
}

function parse(input: string): Reading {
  const prepared = prepare(input);
  const guess = detectPlatform(prepared.text);
  let found = findPerson(prepared.lines, prepared.senders, prepared.recipients);
  // A name alone ("Sarah Johnson") says nothing of an invitation: it might be anyone, so the flow asks who.
  if (found?.loose && !guess && !found.invites && !INVITE_WORDING.test(prepared.text)) found = null;
  let platform: PlatformId | null = guess?.id ?? null;
  let platformStrength = guess?.strength ?? 0;
  const inviter = found?.name ? capitalised(found.name) : null;
  if (guess?.followOnly && DOTTED_HANDLE.test(found?.handle ?? inviter ?? '')) platform = 'instagram';
  if (!platform && (found?.invites || INVITE_WORDING.test(prepared.text))) {
    platform = 'other';
    platformStrength = 0.3;
  }
  const inviterStrength = inviter ? (found?.strength ?? 0) : 0;
  const confidence = Math.round((platformStrength * 0.5 + inviterStrength * 0.5) * 100) / 100;
  const invitation: Invitation = {
    platform,
    inviter,
    context: contextOf(prepared, found, platform),
    confidence: Math.min(1, Math.max(0, confidence)),
  };
  const display =
    inviter && invitation.context.handle ? displayNameFor(prepared.text, inviter, invitation.context.handle) : null;
  if (display) invitation.inviter = display;
  const invites = Boolean(found?.invites && found.strength >= 0.7);
  return { invitation, platformStrength, invites };
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * When the inviter found is only the handle, the name a person would use if the text gives it beside the handle:
 * "Kenji Watanabe (@kenji-watanabe) is now following you".
 */
function displayNameFor(text: string, inviter: string, handle: string): string | null {
  const bare = handle.replace(/^@/, '');
  if (/\s/.test(inviter) || inviter.replace(/^@/, '').toLowerCase() !== bare.toLowerCase()) return null;
  const escaped = bare.replace(REGEX_SPECIAL, '\\$&');
  const beside = new RegExp(`(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){1,3})\\s*\\(\\s*@?${escaped}\\s*\\)`, 'u');
  const name = beside.exec(text)?.[1] ?? null;
  return name && /^\p{Lu}/u.test(name) ? name : null;
}

/**
 * Turns a pasted notification or a description into an invitation. Never throws: every step copes with any
 * text (the tests fuzz it), so there is no catch-all here to hide a bug behind an empty answer.
 */
export function parseInvitation(text: string): Invitation {
  return parse(asText(text)).invitation;
}

/** As parseInvitation, with the strength of the platform signal; for analyseInvitation. */
export function readInvitation(text: string): Reading {
  return parse(asText(text));
}

/** Callers outside TypeScript may pass anything; only primitives have a text worth reading. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
