import type { Invitation } from './invitation.js';

/** Titles people put before a name, which do not make a different person. */
const TITLES = /^(?:dr|mr|mrs|ms|mx|prof|sir|dame)\.?\s+/;
/** Names the flow puts in when it has none: they match nobody. */
const NO_NAME = new Set(['this person', 'someone', 'unknown']);

/** A name as repeats compare it: no accents, case, punctuation or titles ("Dr. José  Díaz" → "jose diaz"). */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(TITLES, '')
    .slice(0, 80);
  return key === '' || NO_NAME.has(key) ? null : key;
}

/** A handle as repeats compare it: lower case, without the @. */
export function handleKey(handle: string | null | undefined): string | null {
  const key = (handle ?? '').trim().replace(/^@+/, '').toLowerCase().slice(0, 80);
  return key === '' ? null : key;
}

/** The keys an invitation is recognized by, when it comes again on the same network. */
export function personKeys(invitation: Invitation): { name: string | null; handle: string | null } {
  return { name: nameKey(invitation.inviter), handle: handleKey(invitation.context.handle) };
}
