import { readInvitation } from './parser.js';
import type { Analysis } from './parser-kind.js';
import { notInvitation } from './parser-notice.js';

/** Below this the platform is a guess ("other" from bare invite wording): the flow asks which network instead. */
const SURE_PLATFORM = 0.35;

/**
 * Reads a text and says what it is: an invitation, not one (an accepted invitation, a birthday…: start no
 * triage), or one the user must help with (which network, who). Never throws.
 */
export function analyseInvitation(text: string): Analysis {
  const reading = readInvitation(text);
  const invitation = reading.invitation;
  const notice = notInvitation(typeof text === 'string' ? text.slice(0, 4000) : '', reading.invites);
  if (notice) return { kind: 'not_an_invitation', invitation, asks: [], notice };
  const asks: Analysis['asks'] = [];
  if (!invitation.platform || reading.platformStrength < SURE_PLATFORM) {
    invitation.platform = null;
    asks.push('platform');
  }
  if (!invitation.inviter) asks.push('inviter');
  return { kind: asks.length > 0 ? 'ask' : 'invitation', invitation, asks };
}
