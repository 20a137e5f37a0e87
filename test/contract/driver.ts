/** The decision a conversation stored, as every adapter's driver reads it back from the service. */
export interface StoredDecision {
  outcome: string | null;
  decidedBy: string | null;
  platform: string | null;
}

/** An invitation still waiting on the user (deferred, or left unanswered), as the service lists it. */
export interface PendingItem {
  platform: string | null;
  inviter: string | null;
  outcome: string | null;
}

export const pendingOf = (i: PendingItem): PendingItem => ({
  platform: i.platform,
  inviter: i.inviter,
  outcome: i.outcome,
});

/**
 * Drives one chat adapter as a user would: send an invitation, answer what is offered, read what was stored.
 * Each adapter gets one driver; the contract suite runs the same conversations through all of them.
 */
export interface ChatDriver {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends invitation text as user `user`, the way that platform's users do (a DM, a line on stdin…). */
  sendInvitation(user: string, text: string): Promise<void>;
  /** The question now offered to `user`: its id and choice ids, or null once decided. */
  offered(user: string): Promise<{ questionId: string; choices: string[] } | null>;
  /** Picks choice `choiceId` (or types `text`, for the inviter's name) for the offered question. */
  answer(user: string, choiceId: string, text?: string): Promise<void>;
  /** The latest decision stored for `user`. */
  decision(user: string): StoredDecision | null;
  /** What the service lists as pending for `user`. */
  pending(user: string): PendingItem[];
}
