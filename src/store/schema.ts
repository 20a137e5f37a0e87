import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(unixepoch() * 1000)`;

/** A person, keyed by chat provider, workspace and the provider's user id, so providers never collide. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    provider: text('provider').notNull(),
    workspace: text('workspace').notNull(),
    externalId: text('external_id').notNull(),
    timezone: text('timezone'),
    /** JSON: digest day/hour/off, quiet weeks and the like. */
    prefs: text('prefs').notNull().default('{}'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('users_identity').on(t.provider, t.workspace, t.externalId)],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform'),
    inviter: text('inviter'),
    /** JSON InviterContext. */
    context: text('context').notNull().default('{}'),
    text: text('text').notNull(),
    source: text('source').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The inviter's name, normalized, and their handle, lower case: how a repeat invitation is recognized. */
    nameKey: text('name_key'),
    handleKey: text('handle_key'),
  },
  (t) => [
    index('invitations_user').on(t.userId),
    index('invitations_person').on(t.userId, t.platform, t.nameKey),
    index('invitations_handle').on(t.userId, t.platform, t.handleKey),
  ],
);

export const triages = sqliteTable(
  'triages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitationId: integer('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    /** open: questions remain; decided: a current decision exists. */
    status: text('status').notNull(),
    /** JSON FlowState: the pure flow's state, so a restart resumes where it stopped. */
    state: text('state').notNull(),
    outcome: text('outcome'),
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('triages_user_status').on(t.userId, t.status),
    index('triages_user_updated').on(t.userId, t.updatedAt),
    // Deleting an invitation (so forgetting a user) cascades through this key; unindexed, it scanned every triage.
    index('triages_invitation').on(t.invitationId),
    // The digest's deferred list, read per user without visiting every triage. Status and outcome are in its
    // WHERE, so queries compare them with triageIs(), not with a bound value.
    index('triages_deferred')
      .on(t.userId, t.updatedAt, t.id)
      .where(sql`${t.status} = 'decided' AND ${t.outcome} = 'defer'`),
  ],
);

/** Each answer given; the unique step makes a double click or a retried request record once. */
export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    triageId: integer('triage_id')
      .notNull()
      .references(() => triages.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    choice: text('choice').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('answers_once').on(t.triageId, t.questionId)],
);

export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    triageId: integer('triage_id')
      .notNull()
      .references(() => triages.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    outcome: text('outcome').notNull(),
    decidedBy: text('decided_by'),
    /** JSON Reason[]. */
    reasons: text('reasons').notNull(),
    explanation: text('explanation').notNull(),
    decidedAt: integer('decided_at').notNull(),
    /** Set when a revision or undo replaced this decision. */
    supersededAt: integer('superseded_at'),
  },
  (t) => [
    index('decisions_user_decided').on(t.userId, t.decidedAt),
    index('decisions_triage').on(t.triageId),
    // Covers the digest's counts, so they are read from the index alone.
    index('decisions_current').on(t.userId, t.decidedAt, t.platform, t.outcome).where(sql`${t.supersededAt} IS NULL`),
  ],
);

/** A platform's criteria overridden for a team (scope 'team', owner 'provider:workspace') or a user (owner = user id). */
export const policyOverrides = sqliteTable(
  'policy_overrides',
  {
    scope: text('scope').notNull(),
    owner: text('owner').notNull(),
    platform: text('platform').notNull(),
    /** JSON Criterion[]. */
    criteria: text('criteria').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.owner, t.platform] })],
);

export const timeLogs = sqliteTable(
  'time_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    minutes: integer('minutes').notNull(),
    /** 'work', 'home' or null when not said. */
    place: text('place'),
    loggedAt: integer('logged_at').notNull(),
  },
  // Covers the digest's sums, so they are read from the index alone.
  (t) => [index('time_logs_user_logged').on(t.userId, t.loggedAt, t.platform, t.place, t.minutes)],
);

export const budgets = sqliteTable(
  'budgets',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    weeklyMinutes: integer('weekly_minutes').notNull(),
    /** 'leads', 'contacts', 'friends' or null. */
    expectation: text('expectation'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.platform] })],
);

/** A team's guidance on social networking at work, keyed 'provider:workspace'. */
export const teamGuidance = sqliteTable('team_guidance', {
  team: text('team').primaryKey(),
  workHoursOk: integer('work_hours_ok', { mode: 'boolean' }).notNull().default(true),
  note: text('note').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
});

/** One row per user and local week, claimed before sending, so a digest goes out exactly once. */
export const digestClaims = sqliteTable(
  'digest_claims',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The local week's Monday, YYYY-MM-DD. */
    week: text('week').notNull(),
    /** claimed, sent, failed or skipped. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at').notNull(),
    nextAttemptAt: integer('next_attempt_at'),
    sentAt: integer('sent_at'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.week] })],
);

/** Slack OAuth installations, one per enterprise/team. */
export const slackInstallations = sqliteTable('slack_installations', {
  key: text('key').primaryKey(),
  /** JSON Installation as Bolt hands it over. */
  data: text('data').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Keys of events already handled (Slack event ids, Discord interaction ids), so a retry does nothing twice. */
export const seenEvents = sqliteTable(
  'seen_events',
  {
    key: text('key').primaryKey(),
    seenAt: integer('seen_at').notNull(),
  },
  // prune deletes by age.
  (t) => [index('seen_events_seen').on(t.seenAt)],
);

/** The next free send slot per provider and workspace, shared by every process, so K instances send no faster. */
export const sendPacing = sqliteTable('send_pacing', {
  key: text('key').primaryKey(),
  nextAt: integer('next_at').notNull(),
});

/**
 * One reminder per triage: a deferral's "ask me again", or the one nudge a half-answered triage gets. The row
 * is its own claim: taken (status 'claimed') before sending, so a reminder goes out once across processes.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    triageId: integer('triage_id')
      .primaryKey()
      .references(() => triages.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** deferred or unfinished. */
    kind: text('kind').notNull(),
    /** When the user asked to be asked again. */
    dueAt: integer('due_at').notNull(),
    /** When it goes out in the user's rhythm; null while their reminders are off. */
    sendAt: integer('send_at'),
    /** pending, claimed, sent or failed (attempts ran out). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at'),
    sentAt: integer('sent_at'),
    /** The triage had its one unfinished nudge: it never gets another. */
    nudged: integer('nudged', { mode: 'boolean' }).notNull().default(false),
    error: text('error'),
  },
  // Partial: a tick's claim only removes a row from the pending index and its record only from the claimed one,
  // and sent rows, most of the table in time, are in neither.
  (t) => [
    index('reminders_pending').on(t.sendAt).where(sql`${t.status} = 'pending'`),
    index('reminders_claimed').on(t.claimedAt).where(sql`${t.status} = 'claimed'`),
    index('reminders_user').on(t.userId),
  ],
);
