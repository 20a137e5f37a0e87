import { cleanName } from './invitation.js';
import { nameish } from './parser-loose.js';
import { withoutTagline } from './parser-name.js';
import { ALIAS_OWNER, AMBIGUOUS } from './parser-platform.js';
import { FOREIGN_NOUNS, FOREIGN_VERBS, FROM_WORDS } from './parser-words.js';

// Bounded repeats only, as in parser-platform.ts: no regex here can backtrack catastrophically.

export interface Person {
  name: string | null;
  handle?: string;
  relation?: string;
  company?: string;
  headline?: string;
}

export interface Found extends Person {
  /** 0..1: how telling the wording that produced the name was. */
  strength: number;
  /** Index of the line it came from. */
  line: number;
  /** The wording itself says someone invited the user, even when no name came with it. */
  invites: boolean;
  /** Only a loose phrase in a description gave the name: no wording pointed at it. */
  loose?: boolean;
}

const ADVERBS = '(?:(?:has|have|had|just|also|recently|finally)\\s+){0,3}';
const VERBS = [
  'wants? to (?:connect|be (?:your )?(?:[\\p{L}]{1,10} )?friends?|add (?:you|me)|follow (?:you|me)|join your network)',
  'wants you to join',
  'would (?:like|love) to (?:connect|add you|be friends|join your network)',
  '(?:sent|sends|send) (?:(?:you|me) )?an?(?: [\\p{L}-]{1,30}){0,2} (?:request|req|invite|invitation)',
  'requested to (?:follow|connect with|be friends with) (?:you|me)',
  '(?:followed|follows) (?:you|me)',
  '(?:is|are|started|began) (?:now )?following (?:you|me)',
  'invited (?:you|me)',
  'ask(?:ed|s) to (?:connect|follow|be friends|add (?:you|me))',
  'friend requested (?:you|me)',
  'is inviting (?:you|me)',
  'subscribed to (?:your|my) (?:youtube )?channel',
  'added (?:you|me)',
];
/** "<someone> wants to connect", "<someone> followed you", …: the name sits before the verb. */
export const TRIGGER = new RegExp(
  `(?<![\\p{L}\\p{N}_])${ADVERBS}(?:${[...VERBS, ...FOREIGN_VERBS].join('|')})(?![\\p{L}])`,
  'iu',
);

/** The line itself says someone invites the user: a greeting or footer holding it is not dropped. */
export const isInviteLine = (line: string): boolean => TRIGGER.test(line);

const NOUNS = `(?:requests?|reqs?|requst|invites?|connects?|invitations?|follows?|follow requests?|adds?|connections?|pings?|${FOREIGN_NOUNS})`;
/** "request from <someone>", "invite on Discord from <someone>", "anfrage auf linkedin von <someone>". */
export const FROM_RULE = new RegExp(
  `(?<![\\p{L}])${NOUNS}(?:\\s+[\\p{L}\\p{N}.'’]{1,30}){0,4}?\\s*(?<![\\p{L}])(?:${FROM_WORDS})(?::?\\s+|(?<=['’]))(?=\\S)`,
  'iu',
);
/** "friend req - <someone>", "New follower: <someone>". */
export const LABEL_RULE =
  /(?<![\p{L}])(?:requests?|reqs?|invites?|invitations?|follows?|followers?|adds?)\s*[-–—:]\s*(?=\S)/iu;
/** "You were invited to Seattle Rust by <someone>". */
export const BY_RULE =
  /(?<![\p{L}])(?:invited|invitation|requested|sent|added|followed|friended)(?![\p{L}])[^\n]{0,80}?\sby\s+(?=\S)/iu;
/** A line announcing that the next line is the person. */
export const BLOCK_HEADER =
  /^(?:eingehende freundschaftsanfrage|freundschaftsanfragen|demandes? d['’]ami|solicitudes? de amistad|friend requests?\s*\(\d{1,4}\)|invitations?\s*\(\d{1,4}\)|you have (?:an?|\d{1,4}) (?:new |pending )?(?:invitations?|(?:connection|friend|follow) requests?)|(?:new |incoming |pending )?(?:invitations?|(?:connection|friend|follow) requests?|followers?)|invitation to connect)[.!:]?$/iu;
export const POSSESSIVE =
  /(?:^|\s)(?:[Aa]ccept|[Vv]iew|[Ss]ee|[Cc]heck out|[Vv]isit)\s+([\p{Lu}\p{Lo}][\p{L}\p{M}'’-]{0,40})['’]s\s+(?:invitation|profile|request)/u;

// Where a sentence ends before the name, e.g. "TikTok: dancewithraj started…", "Hi! Nadia Haddad wants…".
const SENTENCE_BREAK = /(?:[:!?;]|\.)(?=\s|$)\s*/gu;
// Where the name ends and a description of the person starts.
const TAIL_BREAK =
  /,\s*|;\s*|\s*\(|\.(?=\s)|[!?](?=\s|$)|\s[-–—|·•]\s|\s(?:on|via|who|whom|and|but|at|from|through|over|in|for|because|since|about|asking|saying|wanting|named|called|en|auf|sur|op|na|su|no|em|bei|chez|presso|bij)\s/giu;
const PHRASE_END = /[,;()!?]|\.(?=\s|$)|\s[-–—|·•]\s|\s(?:on|via|who|and|but|because|since|asking|saying|wanting)\s/u;
const ABBREVIATION = /(?:^|[\s(])(?:dr|mr|mrs|ms|mx|prof|st|jr|sr|rev|hon|capt|col|lt|sgt|[\p{L}])$/iu;

const NOT_A_NAME_START = new Set(
  `a an the some any this that these those one i i'm i've i'd you your you've we they he she it there someone somebody
  anyone anybody nobody everyone everybody people user member hi hello hey dear got just also who what guy random
  unknown new please my our his her their alguém alguien quelqu'un quelqu’un qualcuno jemand iemand ktoś`.split(/\s+/),
);
const NOT_A_NAME_WORD = /\b(?:request|req|invit\w*|notification|follow\w*|connect\w*|mutual)\b/i;
// "invitación de linkedin de andrés molina": after the network's name, a second "from".
const LEADING_FROM = /^(?:from|von|de|da|od|van)\s+(?=\S)/i;
const RELATION_START = /^(?:my|our|mein|meine|mon|ma|mes|mi|mis|meu|minha|il mio|la mia|mio|mia|mijn|moja|mój|moje)\s/i;
// "un certain hugo bernard", "some recruiter": the first is a name after all, the second only a relation.
const VAGUE_START = /^(?:a certain|un certain|une certaine|un tal|una tal|some|the|a|an|this|that)\s+/i;
const RELATIONAL_FROM = /^(?:the|my|our|his|her|their|work|school|college|church|class|uni|university|home|back)\b/i;
const HEADLINE_WORDS =
  /\b(?:engineer|developer|manager|director|founder|co-founder|ceo|cto|cfo|coo|vp|president|recruiter|designer|consultant|student|professor|lead|head of|analyst|scientist|researcher|architect|specialist|officer|partner|owner|intern|teacher|nurse|doctor|lawyer|writer|editor|speaker|author|coach|sales|marketing|hr|talent)\b/i;
export const UI_LINE =
  /^(?:accept|ignore|confirm|delete|decline|view|see|reply|message|follow|join|unsubscribe|remove|block|report|check out|visit|open|log in|sign in)\b/i;
const PROSE_START = /^(?:i|i'd|i'm|hi|hello|hey|dear|you|your|we|this|to|note|thanks)\b/i;
const NAME_PARTICLE = /^(?:de|da|del|della|di|du|van|von|der|den|ter|bin|binti|ibn|al|el|la|le|y|dos|das)$/;
const NAME_WORD = /^(?:[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’.-]*|@[\p{L}\p{N}_.]+)$/u;
// A line that is one lower-case user name: "lunarmoth", "@pixel_fox".
export const HANDLE_ONLY = /^@?[\p{Ll}\p{N}_.-]{2,32}$/u;
const LINE_SEPARATOR = /\s[|·•–—]\s/u;

/** Reads "Dana Kim, recruiter at Acme", "my patient Sam Lee", "Jordan Park (@jpark_dev)", "@octocat". */
export function readPerson(raw: string): Person {
  const person: Person = { name: null };
  const brk = findBreak(raw, TAIL_BREAK);
  let head = brk ? raw.slice(0, brk.index) : raw;
  if (brk) readTail(brk.sep, raw.slice(brk.end), person);
  if (brk && (brk.sep === 'named' || brk.sep === 'called')) head = raw.slice(brk.end);

  head = head.replace(/^[\s\-–—•*·|:,.>"“'‘]+|[\s,;:!?"”'’-]+$/gu, '');
  head = withoutTagline(head);
  const vague = VAGUE_START.exec(head);
  if (vague) {
    const rest = head.slice(vague[0].length);
    if (!nameish(rest) || NOT_A_NAME_START.has(rest.split(/\s/)[0]?.toLowerCase() ?? '')) {
      person.relation ??= cleanName(head.slice(0, 80)) ?? undefined;
      return person;
    }
    head = rest;
  }
  if (RELATION_START.test(head)) {
    const words = head.split(/\s+/);
    let first = words.findIndex((w, i) => i > 0 && /^[\p{Lu}\p{Lt}\p{Lo}@]/u.test(w));
    // Typed in lower case: "my therapist sophie turner" ends in the name.
    if (first < 0 && words.length >= 4 && nameish(words.slice(-2).join(' '))) first = words.length - 2;
    person.relation ??= cleanName(first < 0 ? head : words.slice(0, first).join(' ')) ?? undefined;
    if (first < 0) return person;
    head = words.slice(first).join(' ');
  }
  const words = head.split(/\s+/);
  if (words.length > 1 && isPlainPlatformWord(words[0] ?? '')) head = words.slice(1).join(' ');
  head = head.replace(LEADING_FROM, '');
  if (head.startsWith('@')) {
    const token = head.split(/\s/)[0] ?? head;
    person.handle ??= token;
    head = head.slice(1).replace(/@[^\s@]+$/, '');
  }
  // "Trevor Hall @trevhall followed you": the handle after the name.
  const trailing = /\s(@[\p{L}\p{N}_.]{1,30}(?:@[a-z0-9.-]{1,100})?)$/iu.exec(head);
  if (trailing?.[1]) {
    person.handle ??= trailing[1];
    head = head.slice(0, trailing.index);
  }
  // Typed in lower case, words about the person come first: "so hector salinas", "aunt's neighbour bea lindqvist".
  if (head === head.toLowerCase() && !nameish(head) && !/[\d_.@]/.test(head)) {
    const all = head.split(/\s+/);
    // Two words, or three round a particle ("daan de vries").
    for (const n of NAME_PARTICLE.test(all[all.length - 2] ?? '') ? [3] : [2]) {
      const tail = all.slice(-n).join(' ');
      if (all.length > n && nameish(tail)) {
        const before = all.slice(0, -n).join(' ');
        if (!/^(?:so|well|ok|okay|lol|btw|hey|um|omg|ugh|also|and|then|now|just)$/.test(before)) {
          person.relation ??= cleanName(before) ?? undefined;
        }
        head = tail;
        break;
      }
    }
  }
  person.name = plausibleName(head);
  return person;
}

function readTail(sep: string, tail: string, person: Person): void {
  if (sep === '(') {
    const inner = tail.slice(0, Math.max(0, tail.indexOf(')'))).trim();
    if (inner.startsWith('@')) person.handle = inner.split(/\s/)[0];
    // "Mira Sokolova (msokolova)", "Rafael (rafa_gg)": a user name in lower case; "(Murphy)" is a maiden name.
    else if (/^[\p{Ll}\p{N}_.-]{2,39}$/u.test(inner)) person.handle = `@${inner}`;
    else if (RELATION_START.test(inner)) person.relation = cleanName(inner) ?? undefined;
    else if (looksLikeHeadline(inner)) setHeadline(person, inner);
    return;
  }
  const phrase = cleanName(tail.slice(0, PHRASE_END.exec(tail)?.index ?? tail.length)) ?? undefined;
  if (!phrase) return;
  if (sep === 'at') person.company = companyName(phrase);
  else if (sep === 'from') {
    if (RELATIONAL_FROM.test(phrase) || phrase[0] === phrase[0]?.toLowerCase()) person.relation = `from ${phrase}`;
    else person.company = companyName(phrase);
  } else if (/^[,;\-–—|·•]$/.test(sep)) {
    if (
      /^(?:my|our|his|her|a friend|an old|old|former|mein|meine|mon|ma|mi|meu|minha|la mia|il mio|mijn|moja|mój|oud|ex)\b/i.test(
        phrase,
      )
    )
      person.relation = phrase;
    else {
      const headline = cleanName(tail.split(/[;()]|,\s(?=my\b|our\b)/)[0] ?? '');
      if (headline && looksLikeHeadline(headline)) setHeadline(person, headline);
    }
  }
}

function findBreak(text: string, re: RegExp): { index: number; end: number; sep: string } | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const sep = m[0].trim().toLowerCase();
    if (sep === '.' && ABBREVIATION.test(text.slice(0, m.index))) continue;
    return { index: m.index, end: m.index + m[0].length, sep };
  }
  return null;
}

/** Keeps only the last sentence before a verb: "TikTok: dancewithraj" → "dancewithraj". */
export function lastSentence(text: string): string {
  let start = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m; m = SENTENCE_BREAK.exec(text)) {
    if (m[0][0] === '.' && ABBREVIATION.test(text.slice(0, m.index))) continue;
    start = m.index + m[0].length;
  }
  const last = text.slice(start);
  // "Instagram · mila.creates", "Ana Ruiz | Brand Strategist 🚀": skip a network's name, keep the person's.
  const parts = last.split(/\s[|·•–—-]\s/u);
  return parts.find((p) => p.trim() !== '' && !ALIAS_OWNER.has(p.trim().toLowerCase())) ?? last;
}

function isPlainPlatformWord(word: string): boolean {
  const key = word.toLowerCase().replace(/[:,]$/, '');
  return ALIAS_OWNER.has(key) && !AMBIGUOUS.has(key);
}

function plausibleName(raw: string): string | null {
  const name = cleanName(raw);
  if (!name || !/[\p{L}\p{N}]/u.test(name)) return null;
  const words = name.split(' ');
  const first = (words[0] ?? '').toLowerCase();
  if (words.length > 6 || NOT_A_NAME_START.has(first) || /^\d+$/.test(first)) return null;
  if (NOT_A_NAME_WORD.test(name)) return null;
  const key = name.toLowerCase();
  if (ALIAS_OWNER.has(key) || ALIAS_OWNER.has(key.replace(/\s+/g, ' '))) return null;
  // Typed in lower case, a phrase is a name only if made of name-like words: "met her" is not one.
  if (words.length > 1 && name === key && !/[\d_.@]/.test(name) && !nameish(name)) return null;
  return name;
}

/** A line that is nothing but a name, maybe with a "·" or "|" headline after it. */
export function nameLine(line: string): Person | null {
  if (line.length > 120) return null;
  const sep = LINE_SEPARATOR.exec(line);
  const namePart = withoutTagline(sep ? line.slice(0, sep.index) : line);
  const words = namePart.split(/\s+/);
  if (namePart.length > 60 || words.length > 5 || UI_LINE.test(namePart)) return null;
  if (!words.every((w) => NAME_WORD.test(w) || NAME_PARTICLE.test(w))) return null;
  const person = readPerson(namePart);
  if (!person.name) return null;
  const rest = sep ? line.slice(sep.index + sep[0].length).trim() : '';
  if (rest && looksLikeHeadline(rest)) setHeadline(person, rest);
  return person;
}

/** "Head of Sales at Acme", and "bei", "chez", "presso", "bij", "en", "em" before a capitalised company. */
const AT = /\s(?:at|@)\s|\s(?:bei|chez|presso|bij|en|em)\s+(?=\p{Lu})/u;
const AT_COMPANY = /\s(?:(?:at|@)\s+|(?:bei|chez|presso|bij|en|em)\s+(?=\p{Lu}))(.+)$/u;

export function looksLikeHeadline(line: string | undefined): line is string {
  if (!line || line.length < 2 || line.length > 160) return false;
  if (UI_LINE.test(line) || PROSE_START.test(line) || TRIGGER.test(line)) return false;
  if (/mutual|https?:|www\.|^["“„«「]/i.test(line)) return false;
  return AT.test(line) || /\s[|·•]\s|^ex-/i.test(line) || HEADLINE_WORDS.test(line);
}

export function setHeadline(person: Person, raw: string): void {
  const headline = raw.replace(/[\s,;:]+$/, '');
  person.headline ??= cleanName(headline) ?? undefined;
  const at = AT_COMPANY.exec(headline);
  if (at?.[1]) person.company ??= companyName(at[1]);
}

function companyName(raw: string): string | undefined {
  let name = raw.split(/\s[|·•–—-]\s|,|\(/)[0] ?? '';
  name = name.replace(/[^\p{L}\p{N}.)&]+$/u, '');
  if (name.endsWith('.') && !/\b(?:inc|ltd|co|corp|llc|plc|gmbh|ag|sa)\.$/i.test(name)) name = name.slice(0, -1);
  return cleanName(name) ?? undefined;
}
