import type { Outcome } from '../criteria.js';
import type { Expectation, Place } from '../time-command.js';
import type { Provider } from '../user.js';
import type { CommandTip } from './tips.js';

/** Decisions counted per platform and outcome over one week; only current (not superseded) ones. */
export interface OutcomeCount {
  platform: string;
  outcome: Outcome;
  count: number;
}

/** Minutes logged per platform and place over one week; place null when the user did not say. */
export interface MinutesLogged {
  platform: string;
  place: Place | null;
  minutes: number;
}

/** A deferred invitation still waiting for the user. */
export interface PendingItem {
  triageId: number;
  platform: string | null;
  inviter: string | null;
  deferredAt: number;
  /** When its reminder comes next, if one is planned. */
  nextReminderAt?: number | null;
  /** When its reminder was last sent: one sent on the digest's day is counted, not listed again. */
  remindedAt?: number | null;
}

export interface BudgetRecord {
  platform: string;
  weeklyMinutes: number;
  expectation: Expectation | null;
}

/** The team's stand on social networking at work. */
export interface Guidance {
  workHoursOk: boolean;
  note: string;
}

/** Everything a digest is built from, for one user: this week's and last week's figures plus standing state. */
export interface DigestRecords {
  thisWeek: { decisions: OutcomeCount[]; time: MinutesLogged[] };
  lastWeek: { decisions: OutcomeCount[]; time: MinutesLogged[] };
  /** Oldest first; may be capped, with pendingTotal saying how many there are in all. */
  pending: PendingItem[];
  pendingTotal: number;
  budgets: BudgetRecord[];
  guidance: Guidance | null;
}

export type NudgeKind =
  | 'over_budget'
  | 'work_against_guidance'
  | 'accepting_most'
  | 'too_many_pending'
  | 'rising'
  | 'nothing_logged'
  | 'steady';

/** The one concrete suggestion a digest makes. */
export interface Nudge {
  kind: NudgeKind;
  /** With the tip, if any, worded for the digest's surface. */
  text: string;
  /** The command it suggests, as data. */
  tip?: CommandTip;
}

export interface PlatformTriage {
  platform: string;
  name: string;
  total: number;
  lastWeek: number;
  byOutcome: Record<Outcome, number>;
}

export interface PlatformTime {
  platform: string;
  name: string;
  minutes: number;
  lastWeek: number;
  work: number;
  home: number;
  budget: number | null;
  expectation: Expectation | null;
}

/** A built digest: figures, not formatting; digestMessage turns it into a message. */
export interface Digest {
  weekKey: string;
  weekLabel: string;
  /** When it was built: ages ("waiting 12 days") count from here. */
  builtAt: number;
  /** The user's zone: reminder times are shown in it. */
  timeZone?: string;
  /** Nothing triaged, nothing logged, nothing pending. */
  empty: boolean;
  triage: { platforms: PlatformTriage[]; total: number; lastWeek: number; accepted: number };
  /** accepted / total this week, or null when nothing was decided. */
  acceptShare: number | null;
  pending: PendingItem[];
  pendingTotal: number;
  time: { platforms: PlatformTime[]; total: number; lastWeek: number; work: number; home: number };
  guidance: Guidance | null;
  /** Where it is shown, so commands it suggests are in that surface's syntax; the terminal's when unset. */
  surface?: Provider;
  nudge: Nudge;
}
