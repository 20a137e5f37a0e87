import { japaneseName, leadingName, looseName } from './parser-loose.js';
import { capitalised } from './parser-name.js';
import {
  BLOCK_HEADER,
  BY_RULE,
  type Found,
  FROM_RULE,
  HANDLE_ONLY,
  LABEL_RULE,
  lastSentence,
  looksLikeHeadline,
  nameLine,
  type Person,
  POSSESSIVE,
  readPerson,
  TRIGGER,
  UI_LINE,
} from './parser-person.js';
import { INVITE_STEM, SENDER_VIA, SENDER_VIA_JA } from './parser-words.js';

// The rules that find who sent an invitation, strongest first; parser-person.ts reads the person out of a phrase.

function nextLine(lines: readonly string[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) if (lines[i] !== '') return i;
  return -1;
}

type Rule = (lines: readonly string[], i: number) => Person | null;

const afterMatch =
  (re: RegExp): Rule =>
  (lines, i) => {
    const line = lines[i] ?? '';
    const m = re.exec(line);
    return m ? readPerson(line.slice(m.index + m[0].length)) : null;
  };

// A cheap look for a "from" word before the costly FROM_RULE runs on a line.
const FROM_HINT = /(?<![\p{L}])(?:from|von|de|del|d['’]|da|do|dos|od|van)(?![\p{L}])|d['’]/iu;

const INTERJECTION = /^\s*(?:hey|hi|hello|so|ok|okay|well|btw|fyi|lol|ugh|um|oh|and|also|update)\s*[,!.:-]?\s+/i;

// LinkedIn subjects address the user first: "Dennis, Sabrina Kaiser hat Sie eingeladen …".
const ADDRESSED = /^\p{Lu}[\p{L}\p{M}'’-]{0,30},\s+(\p{Lu}[^,]{1,60})$/u;

/** "<name> wants to connect": the name before the verb, or on the line above (skipping a headline line). */
const triggerRule: Rule = (lines, i) => {
  const line = lines[i] ?? '';
  const m = TRIGGER.exec(line);
  if (!m) return null;
  // "hey, nkechi obi wants to connect": an interjection before the name is not part of it.
  let before = lastSentence(line.slice(0, m.index)).replace(INTERJECTION, '');
  const addressed = ADDRESSED.exec(before.trim());
  if (addressed?.[1]) before = addressed[1];
  if (before.trim() !== '') return readPerson(before);
  const prev = i > 0 ? (lines[i - 1] ?? '') : '';
  const first = prev ? nameLine(prev) : null;
  // "Samira Haddad / Talent Acquisition Partner | Hiring / Invited you to connect": the name is two lines up.
  if (first && i >= 2 && looksLikeHeadline(prev)) {
    const above = lines[i - 2] ?? '';
    const person = above && !looksLikeHeadline(above) ? nameLine(above) : null;
    if (person) return { ...person, headline: person.headline ?? first.headline ?? prev };
  }
  if (!first && HANDLE_ONLY.test(prev.trim()) && !UI_LINE.test(prev))
    return { name: prev.trim(), handle: `@${prev.trim()}` };
  return first ?? { name: null };
};

/** "Fatima wants to connect" under a "Fatima Zahra" line, or "l'invitation d'Aurélien" from "Aurélien Faure via …". */
function fuller(name: string, lines: readonly string[], senders: readonly string[]): string {
  if (name.includes(' ') || !/^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(name)) return name;
  const prefix = `${name} `;
  const viaNames = senders.map((s) => SENDER_VIA.exec(s)?.[1] ?? '').filter((s) => s.startsWith(prefix));
  const candidates = [...lines.filter((l) => l.startsWith(prefix)).map(nameLine), ...viaNames.map(readPerson)];
  for (const person of candidates) {
    if (person?.name?.startsWith(prefix) && person.name.split(' ').length <= 4) return person.name;
  }
  return name;
}

const fromRule = afterMatch(FROM_RULE);

// Strongest wording first; within a rule the earliest line wins, so a Subject line beats the body.
const RULES: [Rule, number][] = [
  [
    (lines, i) => {
      const ja = japaneseName(lines[i] ?? '');
      return ja ? { name: ja.name, ...(ja.handle ? { handle: ja.handle } : {}) } : null;
    },
    0.9,
  ],
  [triggerRule, 0.9],
  [(lines, i) => (FROM_HINT.test(lines[i] ?? '') ? fromRule(lines, i) : null), 0.85],
  [afterMatch(LABEL_RULE), 0.8],
  [afterMatch(BY_RULE), 0.8],
  [
    (lines, i) => {
      if (!BLOCK_HEADER.test(lines[i] ?? '')) return null;
      const j = nextLine(lines, i);
      const next = (lines[j] ?? '').trim();
      if (j >= 0 && HANDLE_ONLY.test(next) && !UI_LINE.test(next)) {
        return { name: next.replace(/^@/, ''), handle: next };
      }
      return j < 0 ? { name: null } : (nameLine(lines[j] ?? '') ?? { name: null });
    },
    0.75,
  ],
  [
    // Wording no rule above knows, in any language: a name, then words about inviting or following.
    (lines, i) => {
      const line = lines[i] ?? '';
      if (UI_LINE.test(line)) return null;
      const name = leadingName(line, INVITE_STEM);
      return name ? readPerson(name) : null;
    },
    0.7,
  ],
];

const FALLBACKS: [Rule, number][] = [
  [
    (lines, i) => {
      const person = nameLine(lines[i] ?? '');
      if (!person) return null;
      if (person.headline) return person;
      return looksLikeHeadline(lines[nextLine(lines, i)]) ? person : null;
    },
    0.55,
  ],
  [
    (lines, i) => {
      const m = POSSESSIVE.exec(lines[i] ?? '');
      return m?.[1] ? readPerson(m[1]) : null;
    },
    0.35,
  ],
];

/**
 * Finds who sent the invitation; a result with a null name still tells a relation or that it is an invite.
 * `recipients` are the user's own names (from To: lines and greetings): never taken for the inviter.
 */
export function findPerson(
  lines: readonly string[],
  senders: readonly string[],
  recipients: ReadonlySet<string> = new Set(),
): Found | null {
  let partial: Found | null = null;
  const isRecipient = (name: string) => recipients.has(name.toLowerCase());
  const tryRules = (rules: [Rule, number][], invites: boolean): Found | null => {
    for (const [rule, strength] of rules) {
      for (let i = 0; i < lines.length; i++) {
        const person = rule(lines, i);
        if (!person) continue;
        if (person.name) person.name = capitalised(person.name);
        if (person.name && isRecipient(person.name)) person.name = null;
        const found: Found = { ...person, strength, line: i, invites };
        if (person.name) return found;
        partial ??= found;
      }
    }
    return null;
  };
  const direct = tryRules(RULES, true);
  if (direct?.name) return { ...direct, name: fuller(direct.name, lines, senders) };
  // "From: Sarah Johnson via LinkedIn <invitations@linkedin.com>"
  for (const sender of senders) {
    const via = SENDER_VIA.exec(sender) ?? SENDER_VIA_JA.exec(sender);
    const person = via?.[1] ? readPerson(via[1]) : null;
    if (person?.name) return { ...person, strength: 0.8, line: -1, invites: false };
  }
  const fallback = tryRules(FALLBACKS, false);
  if (fallback) return fallback;
  const loose = looseName(lines.join('\n'));
  const base: Found = partial ?? { name: null, strength: 0, line: -1, invites: false };
  if (loose && !isRecipient(loose)) {
    return { ...base, name: loose, strength: Math.max(0.5, base.strength - 0.2), loose: true };
  }
  return partial;
}

/** The headline usually sits on the line after the name, or after a comma on a "- Name, title" line. */
export function findHeadline(lines: readonly string[], name: string, from: number): string | undefined {
  const candidates: (string | undefined)[] = [from >= 0 ? lines[nextLine(lines, from)] : undefined];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/^[-–—•*]\s*/u, '');
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest.trim() === '') candidates.push(lines[nextLine(lines, i)]);
    else if (/^\s*(?:[,·|•]|\s[-–—])/u.test(rest)) candidates.push(rest.replace(/^\s*[,·|•\-–—]\s*/u, ''));
  }
  return candidates.find(looksLikeHeadline);
}
