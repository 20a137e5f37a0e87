import type { UserRef } from './user.js';

/**
 * A button on an outbound message: `revise` reopens a triage so the user can decide it now; a reminder also
 * offers `snooze` (with its choice) and `drop`.
 */
export interface MessageAction {
  label: string;
  action: 'revise' | 'snooze' | 'drop';
  triageId: number;
  snooze?: 'tomorrow' | 'week' | 'monday';
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

/**
 * Marks a scheduled digest as that week's, in a way the platform keeps (Slack message metadata, a Discord
 * nonce and footer), so that a process taking over a claim can find it in the user's DM and not send it again.
 */
export interface DigestTag {
  /** The reported week's key (its Monday, YYYY-MM-DD). */
  week: string;
}

/** Marks a reminder message with the reminders it carries, so a takeover can find them in the DM likewise. */
export interface ReminderTag {
  /** One key per reminder (`reminderKey`): a snoozed reminder, or one given a new time, has a new key. */
  reminders: readonly string[];
}

/** What a scheduled message is: a week's digest, or some reminders. */
export type OutboundTag = DigestTag | ReminderTag;

/** Delivers outbound messages to one provider's users, in their DM. Rejects on failure so the caller can retry. */
export interface Notifier {
  provider: UserRef['provider'];
  /** `tag` marks the message as a scheduled digest or reminder; previews go without one. */
  send(user: UserRef, message: OutboundMessage, tag?: OutboundTag): Promise<void>;
  /**
   * Whether what the tag names is already in the user's DM (sent by a process that died before recording it):
   * that week's digest, or every one of the reminders, in one message or several. Rejects when it cannot tell.
   */
  delivered(user: UserRef, tag: OutboundTag): Promise<boolean>;
}
