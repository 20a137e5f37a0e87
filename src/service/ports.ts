import type { ClaimRow } from '../core/digest/claims.js';
import type { DigestRecords } from '../core/digest/types.js';

/**
 * What the services need from storage, owned here so the services depend on no driver. The store's classes
 * satisfy these structurally; the composition root hands them in (see src/store/index.ts).
 */

export interface UserKey {
  provider: string;
  workspace: string;
  externalId: string;
}

export interface UserRow {
  id: number;
  provider: string;
  workspace: string;
  externalId: string;
  timezone: string | null;
  prefs: string;
  createdAt: number;
}

export interface UserPort {
  ensure(key: UserKey): number;
  ensureWithPrefs(key: UserKey): { id: number; prefs: string };
  find(key: UserKey): UserRow | undefined;
  get(id: number): UserRow | undefined;
  update(id: number, patch: { timezone?: string | null; prefs?: string }): void;
  delete(id: number): void;
}

export interface NewInvitation {
  userId: number;
  platform: string | null;
  inviter: string | null;
  context: string;
  text: string;
  source: string;
  createdAt: number;
}

export interface TriageRow {
  id: number;
  userId: number;
  invitationId: number;
  status: string;
  state: string;
  outcome: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface NewDecision {
  triageId: number;
  userId: number;
  platform: string;
  outcome: string;
  decidedBy: string | null;
  reasons: string;
  explanation: string;
  decidedAt: number;
}

export interface TriagePort {
  /** Runs fn in one transaction that holds the write lock from the start. */
  tx<T>(fn: () => T): T;
  create(inv: NewInvitation, state: string, status: string, outcome: string | null): number;
  get(id: number): TriageRow | undefined;
  save(id: number, state: string, status: string, outcome: string | null, updatedAt: number): void;
  recordAnswer(triageId: number, questionId: string, choice: string, createdAt: number): boolean;
  forgetAnswer(triageId: number, questionId: string): void;
  forgetCriteriaAnswers(triageId: number): void;
  recordDecision(d: NewDecision): void;
  supersedeDecision(triageId: number, at: number): void;
  updateInvitation(id: number, patch: { platform?: string | null; inviter?: string | null }): void;
  latestOpen(userId: number): TriageRow | undefined;
}

export interface DecisionRecord {
  triageId: number;
  platform: string | null;
  inviter: string | null;
  outcome: string;
  decidedBy: string | null;
  explanation: string;
  decidedAt: number;
}

export interface OpenTriageRow {
  triageId: number;
  platform: string | null;
  inviter: string | null;
  updatedAt: number;
}

/** Everything one user owns, table by table, as exported. */
export interface Everything {
  invitations: {
    id: number;
    userId: number;
    platform: string | null;
    inviter: string | null;
    context: string;
    text: string;
    source: string;
    createdAt: number;
  }[];
  triages: TriageRow[];
  answers: { triageId: number; questionId: string; choice: string; createdAt: number }[];
  decisions: (NewDecision & { id: number; supersededAt: number | null })[];
  policies: { scope: string; owner: string; platform: string; criteria: string; updatedAt: number }[];
  timeLogs: { id: number; userId: number; platform: string; minutes: number; place: string | null; loggedAt: number }[];
  budgets: { userId: number; platform: string; weeklyMinutes: number; expectation: string | null; updatedAt: number }[];
}

export interface RecordPort {
  history(userId: number, limit: number, offset: number): { rows: DecisionRecord[]; total: number };
  deferred(userId: number): DecisionRecord[];
  open(userId: number): OpenTriageRow[];
  everything(userId: number): Everything;
}

export type PolicyScope = 'team' | 'user';

export interface PolicyPort {
  get(scope: PolicyScope, owner: string, platform: string): string | undefined;
  set(scope: PolicyScope, owner: string, platform: string, criteria: string, at: number): void;
  clear(scope: PolicyScope, owner: string, platform: string): void;
  clearOwner(scope: PolicyScope, owner: string): void;
}

export interface NewTimeLog {
  userId: number;
  platform: string;
  minutes: number;
  place: 'work' | 'home' | null;
  loggedAt: number;
}

export interface BudgetRow {
  platform: string;
  weeklyMinutes: number;
  expectation: string | null;
}

export interface GuidanceRow {
  workHoursOk: boolean;
  note: string;
  updatedAt: number;
}

export interface TimePort {
  log(entry: NewTimeLog): number;
  totals(userId: number, start: number, end: number): { platform: string; minutes: number }[];
  budgets(userId: number): BudgetRow[];
  setBudget(userId: number, platform: string, weeklyMinutes: number, expectation: string | null, now: number): void;
  clearBudget(userId: number, platform: string): boolean;
  guidance(team: string): GuidanceRow | undefined;
  setGuidance(team: string, workHoursOk: boolean, note: string, now: number): void;
}

/** Which user, which team, and the two weeks to read: [lastStart, start) is last week, [start, end) this week. */
export interface RecordsRequest {
  userId: number;
  team: string;
  lastStart: number;
  start: number;
  end: number;
}

/** A user as the scheduler sees them: the whole users row. */
export type ScheduleRow = UserRow;

export interface DigestPort {
  schedulePage(afterId: number, limit: number): ScheduleRow[];
  load(requests: readonly RecordsRequest[]): Map<number, DigestRecords>;
}

export interface ClaimPort {
  claim(userId: number, week: string, by: string, now: number, maxAttempts: number): number | null;
  markSent(userId: number, week: string, by: string, now: number): boolean;
  markSkipped(userId: number, week: string, by: string, now: number): boolean;
  markFailed(userId: number, week: string, by: string, error: string, next: number | null): boolean;
  existing(pairs: readonly { userId: number; week: string }[]): Map<string, ClaimRow>;
  get(userId: number, week: string): ClaimRow | undefined;
}

export interface SeenEventPort {
  firstTime(key: string, at: number): boolean;
  prune(before: number): number;
}

export interface InstallationPort {
  get(key: string): string | undefined;
  put(key: string, data: string, at: number): void;
  delete(key: string): void;
}

/** The ports, built once per database by the composition root. */
export interface Stores {
  users: UserPort;
  triages: TriagePort;
  records: RecordPort;
  policies: PolicyPort;
  time: TimePort;
  digest: DigestPort;
  claims: ClaimPort;
  seenEvents: SeenEventPort;
  installations: InstallationPort;
}

export type { ClaimRow };

/** A lock held for as long as this process holds it; `lost` settles when it is gone (connection dropped). */
export interface HeldLock {
  lost: Promise<void>;
  release(): Promise<void>;
}

/** Named locks that at most one process holds at a time: the store's port for choosing a leader. */
export interface LockPort {
  /** Takes the lock if nobody holds it; null when another process does. Never waits for it. */
  tryHold(name: string): Promise<HeldLock | null>;
}
