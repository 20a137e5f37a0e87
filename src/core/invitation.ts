import type { PlatformId } from './platforms.js';

/** What the inviter told about themselves: any of it may be missing. */
export interface InviterContext {
  handle?: string;
  headline?: string;
  company?: string;
  mutuals?: number;
  note?: string;
  /** How the user says they know them, in their own words ("my patient", "kid's soccer coach"). */
  relation?: string;
}

/** An invitation as the parser understood it. */
export interface Invitation {
  platform: PlatformId | null;
  inviter: string | null;
  context: InviterContext;
  /** 0..1: how sure the parser is of platform and inviter together. */
  confidence: number;
}

export const MAX_NAME_LENGTH = 80;

/** Makes a name safe to keep: no control characters, no runs of spaces, bounded length. */
export function cleanName(raw: string): string | null {
  const name = raw
    .replace(/[\p{Cc}\p{Cf}]/gu, (ch) => (ch === '\u200d' ? ch : ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[\ud800-\udbff]$/, '') // the cut may split an emoji's surrogate pair
    .trim();
  return name === '' ? null : name;
}
