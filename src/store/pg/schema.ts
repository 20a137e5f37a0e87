import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL twin of ../schema.ts: the same tables, columns, indexes and cascades under the same names
 * (test/store/schema-parity.test.ts holds the two together). Epoch-millisecond columns are bigint read as
 * JavaScript numbers, which hold them exactly for the next quarter of a million years.
 */

const now = sql`(extract(epoch from now()) * 1000)::bigint`;
const millis = (name: string) => bigint(name, { mode: 'number' });
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const users = pgTable(
  'users',
  {
    id: id(),
    provider: text('provider').notNull(),
    workspace: text('workspace').notNull(),
    externalId: text('external_id').notNull(),
    timezone: text('timezone'),
    prefs: text('prefs').notNull().default('{}'),
    createdAt: millis('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('users_identity').on(t.provider, t.workspace, t.externalId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform'),
    inviter: text('inviter'),
    context: text('context').notNull().default('{}'),
    text: text('text').notNull(),
    source: text('source').notNull(),
    createdAt: millis('created_at').notNull(),
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

export const triages = pgTable(
  'triages',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitationId: integer('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    state: text('state').notNull(),
    outcome: text('outcome'),
    version: integer('version').notNull().default(0),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    index('triages_user_status').on(t.userId, t.status),
    index('triages_user_updated').on(t.userId, t.updatedAt),
    index('triages_invitation').on(t.invitationId),
    // The digest's deferred list, read per user without visiting every triage.
    index('triages_deferred')
      .on(t.userId, t.updatedAt, t.id)
      .where(sql`${t.status} = 'decided' AND ${t.outcome} = 'defer'`),
  ],
);

export const answers = pgTable(
  'answers',
  {
    id: id(),
    triageId: integer('triage_id')
      .notNull()
      .references(() => triages.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    choice: text('choice').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [uniqueIndex('answers_once').on(t.triageId, t.questionId)],
);

export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    triageId: integer('triage_id')
      .notNull()
      .references(() => triages.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    outcome: text('outcome').notNull(),
    decidedBy: text('decided_by'),
    reasons: text('reasons').notNull(),
    explanation: text('explanation').notNull(),
    decidedAt: millis('decided_at').notNull(),
    supersededAt: millis('superseded_at'),
  },
  (t) => [
    index('decisions_user_decided').on(t.userId, t.decidedAt),
    index('decisions_triage').on(t.triageId),
    // Covers the digest's counts, so they are read from the index alone.
    index('decisions_current').on(t.userId, t.decidedAt, t.platform, t.outcome).where(sql`${t.supersededAt} IS NULL`),
  ],
);

export const policyOverrides = pgTable(
  'policy_overrides',
  {
    scope: text('scope').notNull(),
    owner: text('owner').notNull(),
    platform: text('platform').notNull(),
    criteria: text('criteria').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.owner, t.platform] })],
);

export const timeLogs = pgTable(
  'time_logs',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    minutes: integer('minutes').notNull(),
    place: text('place'),
    loggedAt: millis('logged_at').notNull(),
  },
  // Covers the digest's sums, so they are read from the index alone.
  (t) => [index('time_logs_user_logged').on(t.userId, t.loggedAt, t.platform, t.place, t.minutes)],
);

export const budgets = pgTable(
  'budgets',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    weeklyMinutes: integer('weekly_minutes').notNull(),
    expectation: text('expectation'),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.platform] })],
);

export const teamGuidance = pgTable('team_guidance', {
  team: text('team').primaryKey(),
  workHoursOk: boolean('work_hours_ok').notNull().default(true),
  note: text('note').notNull().default(''),
  updatedAt: millis('updated_at').notNull(),
});

export const digestClaims = pgTable(
  'digest_claims',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    week: text('week').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedAt: millis('claimed_at').notNull(),
    nextAttemptAt: millis('next_attempt_at'),
    sentAt: millis('sent_at'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.week] })],
);

export const slackInstallations = pgTable('slack_installations', {
  key: text('key').primaryKey(),
  data: text('data').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export const seenEvents = pgTable(
  'seen_events',
  {
    key: text('key').primaryKey(),
    seenAt: millis('seen_at').notNull(),
  },
  (t) => [index('seen_events_seen').on(t.seenAt)],
);

export const sendPacing = pgTable('send_pacing', {
  key: text('key').primaryKey(),
  nextAt: millis('next_at').notNull(),
});

export const reminders = pgTable(
  'reminders',
  {
    triageId: integer('triage_id')
      .primaryKey()
      .references(() => triages.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    dueAt: millis('due_at').notNull(),
    sendAt: millis('send_at'),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    claimedAt: millis('claimed_at'),
    sentAt: millis('sent_at'),
    nudged: boolean('nudged').notNull().default(false),
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
