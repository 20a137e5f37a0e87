import type { Criterion, FailOutcome, Outcome, PolicyLayer } from '../core/criteria.js';
import type { AnswerInput, Step } from '../core/flow.js';
import type { InviterContext } from '../core/invitation.js';
import type { PlatformId } from '../core/platforms.js';
import type { RoleId } from '../core/roles.js';
import type { UserRef as CoreUserRef, Provider } from '../core/user.js';

export type { Provider };

/**
 * Who is acting. `team` names the team the request comes from when the workspace cannot (a Discord server: Discord
 * users are global): that team's policy applies to it. Without it, the team the user last came from does.
 */
export interface UserRef extends CoreUserRef {
  team?: string;
}

/** A team, for team-level policy and guidance: the provider and workspace. */
export interface TeamRef {
  provider: Provider;
  workspace: string;
}

export interface TriageView {
  id: number;
  status: 'open' | 'decided';
  platform: PlatformId | null;
  platformName: string | null;
  inviter: string | null;
  context: InviterContext;
  /** The next question, or the decision with its reasons. */
  step: Step;
  /** True when this call repeated an answer already recorded, so nothing new was stored. */
  duplicate: boolean;
  /**
   * Set when a new invitation came from a person already triaged on that network: this view is the earlier
   * triage, and nothing new was recorded. The user keeps it, or triages again (`triage.again`).
   */
  repeat?: RepeatInfo;
  createdAt: number;
  updatedAt: number;
  /** The reminder this step planned (a deferral's "ask again"), when the step planned one. */
  reminder?: { sendAt: number | null; timeZone: string } | null;
}

export interface RepeatInfo {
  outcome: Outcome;
  decidedAt: number;
}

export interface HistoryItem {
  triageId: number;
  platform: PlatformId | null;
  platformName: string;
  inviter: string | null;
  /** null while the triage is still open. */
  outcome: Outcome | null;
  decidedBy: string | null;
  explanation: string | null;
  at: number;
}

export interface HistoryPage {
  items: HistoryItem[];
  total: number;
  offset: number;
  limit: number;
}

export interface PolicyView {
  platform: PlatformId;
  platformName: string;
  /** The layer that chose the list; each criterion's `layer` says where that question comes from. */
  source: PolicyLayer;
  criteria: Criterion[];
}

/** One entry of a policy being set: a built-in criterion id, or a custom yes/no question. */
export type CriterionSpec = string | { question: string; onFail?: FailOutcome };

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

export interface DigestSettings {
  /** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
  day: number;
  hour: number;
  off: boolean;
  /** Send nothing at all in a week without activity. */
  quietWeeks: boolean;
}

export interface UserSettings {
  timezone: string | null;
  digest: DigestSettings;
  /** The profession whose rules apply; null until the user picks one (or skips: 'general'). */
  role: RoleId | null;
}

export interface StartOptions {
  /** Where the text came from: 'console', 'slash', 'shortcut', 'dm', 'modal', 'cli'… */
  source?: string;
  platform?: PlatformId;
  inviter?: string;
  relation?: string;
  /** Triage it even when the same person was triaged on that network before (the user chose "triage again"). */
  again?: boolean;
  /** Ask the user's profession if they have never been asked (default true; scripts pass false). */
  askRole?: boolean;
  /** Criteria not to answer from the user's words: the caller answers them itself (the CLI's --answer). */
  notInferred?: readonly string[];
}

export type { AnswerInput };
