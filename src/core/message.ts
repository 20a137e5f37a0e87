import type { UserRef } from './user.js';

/** A button on an outbound message: it reopens a triage so the user can decide it now. */
export interface MessageAction {
  label: string;
  action: 'revise';
  triageId: number;
}

/**
 * A platform-neutral message the core asks an adapter to deliver unprompted (the weekly digest).
 * All text is plain: each adapter escapes and renders it (Block Kit, an embed, terminal lines).
 */
export interface OutboundMessage {
  /** Plain-text fallback, used for notifications and previews. */
  summary: string;
  title: string;
  sections: { heading?: string; lines: string[] }[];
  actions: MessageAction[];
}

/** Delivers outbound messages to one provider's users, in their DM. Rejects on failure so the caller can retry. */
export interface Notifier {
  provider: UserRef['provider'];
  send(user: UserRef, message: OutboundMessage): Promise<void>;
}
