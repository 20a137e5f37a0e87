import type { Invitation } from './invitation.js';

/** Turns a pasted notification or a description into an invitation. Never throws. */
export function parseInvitation(_text: string): Invitation {
  return { platform: null, inviter: null, context: {}, confidence: 0 };
}
