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

/** What a triage card shows the user, read back from that surface's own rendering. */
export interface SeenTriage {
  title: string;
  /** The inviter's context lines as shown, or null when none is. */
  context: string | null;
  /** "Question 1 of up to 2", or null once decided. */
  progress: string | null;
  /** The decision's label as shown ("Redirect to LinkedIn"), or null while a question is open. */
  outcome: string | null;
  /** The actions offered besides answering, lower-cased: 'back', 'undo', 'revise'. */
  actions: string[];
}

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
  /** The triage card now shown to `user`, as that surface draws it. */
  seen(user: string): Promise<SeenTriage>;
  /** Takes back the last answer the way that surface offers it mid-question (a Back button, a `back` command). */
  back(user: string): Promise<void>;
  /** The latest decision stored for `user`. */
  decision(user: string): Promise<StoredDecision | null>;
  /** What the service lists as pending for `user`. */
  pending(user: string): Promise<PendingItem[]>;
}
