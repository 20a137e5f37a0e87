import type { Analysis } from './parser-kind.js';
import { parseInvitation } from './parser.js';

/** Reads a text and says whether it is an invitation, not one, or one the user must help with. Never throws. */
export function analyseInvitation(text: string): Analysis {
  const invitation = parseInvitation(text);
  const asks: Analysis['asks'] = [];
  if (!invitation.platform) asks.push('platform');
  if (!invitation.inviter) asks.push('inviter');
  return { kind: asks.length > 0 ? 'ask' : 'invitation', invitation, asks };
}
