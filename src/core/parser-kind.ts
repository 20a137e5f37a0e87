import type { Invitation } from './invitation.js';

/** What a text is: an invitation to triage, something else (start nothing), or too unsure to go without asking. */
export type TextKind = 'invitation' | 'not_an_invitation' | 'ask';

/** The parser's reading of a text, with what it is and what it would have to ask. */
export interface Analysis {
  kind: TextKind;
  invitation: Invitation;
  /** The questions the parser cannot answer itself: which network, who. Empty for a sure invitation. */
  asks: ('platform' | 'inviter')[];
  /** For a text that is not an invitation: what it is instead ("an accepted invitation", "a birthday reminder"). */
  notice?: string;
}
