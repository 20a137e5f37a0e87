import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextKind } from '../../src/core/parser-kind.js';

/** One corpus text with what a careful reader finds in it. */
export interface CorpusEntry {
  id: string;
  lang: string;
  /** The kind of text: description, notification, email, recipient, not-invitation, ambiguous, … */
  type: string;
  kind: TextKind;
  platform: string | null;
  inviter: string | null;
  heldBack: boolean;
  /** Written after the tuning, as a check on it: measured once before any further change. */
  fresh?: boolean;
  /** Which fresh check (none for the first): each was written after the round of tuning before it. */
  round?: number;
  text: string;
}

/** What a reader under test answered for one text. */
export interface Reading {
  kind: TextKind;
  platform: string | null;
  inviter: string | null;
}

export interface Tally {
  n: number;
  platform: number;
  inviter: number;
  kinds: number;
  /** Texts scored for platform and inviter: every one that is (or may be) an invitation. */
  scored: number;
}

export interface Score {
  all: Tally;
  byType: Map<string, Tally>;
  byLang: Map<string, Tally>;
  misses: { entry: CorpusEntry; got: Reading }[];
}

const DIR = join(import.meta.dirname, '.');

/** The whole corpus: the held-back third, the tuning two thirds, and the fresh check written after tuning. */
export function loadCorpus(): CorpusEntry[] {
  return [
    'held-back.jsonl',
    'tuning.jsonl',
    'fresh.jsonl',
    'fresh2.jsonl',
    'fresh3.jsonl',
    'fresh4.jsonl',
    'fresh5.jsonl',
    'fresh6.jsonl',
  ].flatMap((file) =>
    readFileSync(join(DIR, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CorpusEntry),
  );
}

const empty = (): Tally => ({ n: 0, platform: 0, inviter: 0, kinds: 0, scored: 0 });

/** Scores a reader: kind over every text; platform and inviter over the texts that are not "not an invitation". */
export function score(entries: readonly CorpusEntry[], read: (text: string) => Reading): Score {
  const result: Score = { all: empty(), byType: new Map(), byLang: new Map(), misses: [] };
  for (const entry of entries) {
    const got = read(entry.text);
    const tallies = [result.all, bucket(result.byType, entry.type), bucket(result.byLang, entry.lang)];
    const kindOk = got.kind === entry.kind;
    const scored = entry.kind !== 'not_an_invitation';
    const platformOk = got.platform === entry.platform;
    const inviterOk = got.inviter === entry.inviter;
    for (const t of tallies) {
      t.n++;
      if (kindOk) t.kinds++;
      if (!scored) continue;
      t.scored++;
      if (platformOk) t.platform++;
      if (inviterOk) t.inviter++;
    }
    if (!kindOk || (scored && (!platformOk || !inviterOk))) result.misses.push({ entry, got });
  }
  return result;
}

function bucket(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) {
    t = empty();
    map.set(key, t);
  }
  return t;
}

/** A share as a percentage, 100 for an empty set. */
export const pct = (part: number, whole: number): number => (whole === 0 ? 100 : (100 * part) / whole);
