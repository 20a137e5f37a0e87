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

/** What a triage step reads of its user, in one statement. */
export type UserBrief = Pick<UserRow, 'id' | 'prefs' | 'timezone'>;

export interface UserPort {
  ensure(key: UserKey): Promise<number>;
  /** The user's id, preferences and time zone: what a triage step reads of them. */
  ensureWithPrefs(key: UserKey): Promise<UserBrief>;
  find(key: UserKey): Promise<UserRow | undefined>;
  get(id: number): Promise<UserRow | undefined>;
  update(id: number, patch: { timezone?: string | null; prefs?: string }): Promise<void>;
  delete(id: number): Promise<void>;
}

export interface NewInvitation {
  userId: number;
  platform: string | null;
  inviter: string | null;
  context: string;
  text: string;
  source: string;
  createdAt: number;
  /** How a later invitation from the same person is recognized (see core/repeat.ts). */
  nameKey?: string | null;
  handleKey?: string | null;
}

/** The user's latest decided triage of one person on one network. */
export interface EarlierTriage {
  triageId: number;
  outcome: string;
  decidedAt: number;
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
  create(inv: NewInvitation, state: string, status: string, outcome: string | null): Promise<number>;
  get(id: number): Promise<TriageRow | undefined>;
  save(id: number, state: string, status: string, outcome: string | null, updatedAt: number): Promise<void>;
  recordAnswer(triageId: number, questionId: string, choice: string, createdAt: number): Promise<boolean>;
  forgetAnswer(triageId: number, questionId: string): Promise<void>;
  forgetCriteriaAnswers(triageId: number): Promise<void>;
  recordDecision(d: NewDecision): Promise<void>;
  supersedeDecision(triageId: number, at: number): Promise<void>;
  updateInvitation(
    id: number,
    patch: { platform?: string | null; inviter?: string | null; nameKey?: string | null },
  ): Promise<void>;
  /** The latest decided triage of this person on this platform: the same handle, or the same normalized name. */
  earlier(
    userId: number,
    platform: string,
    keys: { handle: string | null; name: string | null },
  ): Promise<EarlierTriage | undefined>;
  /** The text of the triage's invitation, as it was forwarded. */
  invitationText(triageId: number): Promise<string | undefined>;
  latestOpen(userId: number): Promise<TriageRow | undefined>;
  /** Deletes the invitation and, with it, its triage, answers and decisions. */
  discard(invitationId: number): Promise<void>;
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
  /** One row per week a digest was claimed for the user: whether it was sent, failed or skipped, and when. */
  digestClaims: {
    week: string;
    status: string;
    attempts: number;
    claimedAt: number;
    nextAttemptAt: number | null;
    sentAt: number | null;
    error: string | null;
  }[];
}

export interface RecordPort {
  history(userId: number, limit: number, offset: number): Promise<{ rows: DecisionRecord[]; total: number }>;
  deferred(userId: number): Promise<DecisionRecord[]>;
  open(userId: number): Promise<OpenTriageRow[]>;
  everything(userId: number): Promise<Everything>;
  /** How many triages the user has, counted by the database. */
  triageCount(userId: number): Promise<number>;
}

export type PolicyScope = 'team' | 'user';

export interface PolicyPort {
  get(scope: PolicyScope, owner: string, platform: string): Promise<string | undefined>;
  set(scope: PolicyScope, owner: string, platform: string, criteria: string, at: number): Promise<void>;
  clear(scope: PolicyScope, owner: string, platform: string): Promise<void>;
  clearOwner(scope: PolicyScope, owner: string): Promise<void>;
  /** Every override of these owners, on every platform: loaded before the flow runs, in one query. */
  forOwners(owners: readonly { scope: PolicyScope; owner: string }[]): Promise<PolicyRow[]>;
}

export interface PolicyRow {
  scope: PolicyScope;
  owner: string;
  platform: string;
  criteria: string;
}

export interface NewTimeLog {
  userId: number;
  platform: string;
  minutes: number;
  place: 'work' | 'home' | null;
  loggedAt: number;
}

export interface RemovedTimeLog {
  platform: string;
  minutes: number;
  place: string | null;
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
  log(entry: NewTimeLog): Promise<number>;
  /** Deletes the user's most recent time log and returns it; undefined when they have none. */
  removeLast(userId: number): Promise<RemovedTimeLog | undefined>;
  totals(userId: number, start: number, end: number): Promise<{ platform: string; minutes: number }[]>;
  budgets(userId: number): Promise<BudgetRow[]>;
  setBudget(
    userId: number,
    platform: string,
    weeklyMinutes: number,
    expectation: string | null,
    now: number,
  ): Promise<void>;
  clearBudget(userId: number, platform: string): Promise<boolean>;
  guidance(team: string): Promise<GuidanceRow | undefined>;
  setGuidance(team: string, workHoursOk: boolean, note: string, now: number): Promise<void>;
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
  schedulePage(afterId: number, limit: number): Promise<ScheduleRow[]>;
  load(requests: readonly RecordsRequest[]): Promise<Map<number, DigestRecords>>;
}

export interface ClaimPort {
  claim(userId: number, week: string, by: string, now: number, maxAttempts: number): Promise<number | null>;
  markSent(userId: number, week: string, by: string, now: number): Promise<boolean>;
  markSkipped(userId: number, week: string, by: string, now: number): Promise<boolean>;
  markFailed(userId: number, week: string, by: string, error: string, next: number | null): Promise<boolean>;
  existing(pairs: readonly { userId: number; week: string }[]): Promise<Map<string, ClaimRow>>;
  get(userId: number, week: string): Promise<ClaimRow | undefined>;
}

export interface SeenEventPort {
  firstTime(key: string, at: number): Promise<boolean>;
  prune(before: number): Promise<number>;
}

export interface InstallationPort {
  get(key: string): Promise<string | undefined>;
  put(key: string, data: string, at: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** One installation whose key begins with `prefix` (an enterprise's workspaces), the latest updated. */
  firstWithPrefix(prefix: string): Promise<string | undefined>;
}

/**
 * Whose data an uninstall removes: a provider's workspace as users are keyed ('E1:T1', ':T1'), or, ending in ':'
 * ('E1:'), a whole Slack enterprise.
 */
export interface WorkspacePurge {
  provider: string;
  workspace: string;
}

export interface WorkspacePort {
  /**
   * Deletes the workspace's users with everything they own (invitations, triages, answers, decisions, time,
   * budgets, digest claims, their policies), its team policies and guidance, send pacing, seen events and
   * installations. Returns how many users went.
   */
  purge(p: WorkspacePurge): Promise<{ users: number }>;
}

/** Send slots shared by every instance on the database, so several instances together keep a platform's pace. */
export interface PacingPort {
  /** Takes the next slot for `key`: `gapMs` after the one before, and not before `now`. Returns its time. */
  reserve(key: string, gapMs: number, now: number): Promise<number>;
}

export interface ReminderRow {
  triageId: number;
  userId: number;
  kind: 'deferred' | 'unfinished';
  dueAt: number;
  sendAt: number | null;
  /** pending, claimed, sent, failed (attempts ran out) or off (dropped or turned off by the user). */
  status: 'pending' | 'claimed' | 'sent' | 'failed' | 'off';
  attempts: number;
  sentAt: number | null;
  nudged: boolean;
}

/** A reminder with what a list shows of its triage. */
export interface ListedReminder extends ReminderRow {
  platform: string | null;
  inviter: string | null;
}

/** A reminder whose time has come, with its user's row: what the scheduler needs to send it. */
export interface DueReminderRow extends ListedReminder {
  provider: string;
  workspace: string;
  externalId: string;
}

/** A due reminder's place in the queue: its time, and the user it goes to. */
export interface DueRef {
  triageId: number;
  userId: number;
  sendAt: number;
}

export interface NewReminder {
  triageId: number;
  userId: number;
  kind: 'deferred' | 'unfinished';
  dueAt: number;
  sendAt: number | null;
}

export interface ReminderPort {
  /** Sets a triage's reminder afresh (pending, no attempts), keeping whether it was nudged. */
  set(r: NewReminder): Promise<void>;
  get(triageId: number): Promise<ReminderRow | undefined>;
  remove(triageId: number): Promise<void>;
  /** Stops one reminder without forgetting it: a later answer does not bring the nudge back. */
  turnOff(triageId: number): Promise<void>;
  /** The user's reminders still to come (pending, claimed or turned off), soonest first. */
  forUser(userId: number): Promise<ListedReminder[]>;
  /** Moves a pending reminder's send time (after a settings change). */
  reschedule(triageId: number, sendAt: number | null): Promise<void>;
  /** The invitation's text and what the user said of the inviter: the words a deferral's time is read from. */
  words(triageId: number): Promise<string>;
  /** Frees claims taken before `staleBefore` by a process presumed dead; how many. */
  releaseStale(staleBefore: number): Promise<number>;
  /**
   * Pending reminders with send_at at or before `now`, of users on one of `providers`, after the (sendAt,
   * triageId) cursor, soonest first: only where each is and whose it is, the cheap part of a tick.
   */
  dueRefs(now: number, providers: readonly string[], after: DueRef, limit: number): Promise<DueRef[]>;
  /** Claims those still pending and due, and returns them with what sending needs (attempts counting this one). */
  take(triageIds: readonly number[], by: string, now: number): Promise<DueReminderRow[]>;
  markSent(triageIds: readonly number[], by: string, now: number): Promise<number>;
  /**
   * A tick is about to write a burst of claims and records: the store may put off its upkeep until
   * releaseUpkeep (SQLite: the log's checkpoints, each of which waits on the disk). Calls nest.
   */
  holdUpkeep(): Promise<void>;
  /** Ends a holdUpkeep: the put-off upkeep is done now (SQLite: one checkpoint) and then as usual again. */
  releaseUpkeep(): Promise<void>;
  /** A failed send: pending again at `next`, or failed for good when `next` is null. */
  markFailed(triageIds: readonly number[], by: string, error: string, next: number | null): Promise<number>;
}

/** The ports, bound either to the database or to one transaction. */
export interface TxStores {
  users: UserPort;
  triages: TriagePort;
  records: RecordPort;
  policies: PolicyPort;
  time: TimePort;
  digest: DigestPort;
  claims: ClaimPort;
  seenEvents: SeenEventPort;
  installations: InstallationPort;
  pacing: PacingPort;
  reminders: ReminderPort;
  workspaces: WorkspacePort;
}

/** What opening the database did to its schema, where the store reports it (SQLite). */
export interface MigrationReport {
  path: string;
  /** The file did not exist before. */
  created: boolean;
  /** Migrations run by this open. */
  applied: number;
  /** Migrations the database now has. */
  total: number;
}

/** The ports over one database, built once by the composition root. */
export interface Stores extends TxStores {
  readonly dialect: 'sqlite' | 'postgres';
  readonly migrations?: MigrationReport;
  /**
   * Runs fn in one transaction: committed when it resolves, rolled back when it throws. fn must use only the
   * stores it is handed (bound to the transaction), never the outer ones. On SQLite, transactions of one
   * process run one at a time; a lock held by another process is awaited without blocking the event loop.
   */
  tx<T>(fn: (s: TxStores) => Promise<T>): Promise<T>;
  /** Named locks for choosing a leader among instances (see leadership.ts). */
  locks: LockPort;
  /**
   * Makes deleted rows unreadable on disk, after a deletion has committed (forget, an uninstall purge). SQLite
   * overwrites deleted content as it goes (secure_delete); this empties the write-ahead log that still holds
   * the old pages. PostgreSQL keeps dead rows until VACUUM, which is the operator's (see the README).
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
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
