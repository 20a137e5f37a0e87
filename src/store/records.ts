import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DecisionRecord, Everything, OpenTriageRow, RecordPort } from '../service/ports.js';
import type { Db } from './db.js';
import {
  answers,
  budgets,
  decisions,
  digestClaims,
  invitations,
  policyOverrides,
  timeLogs,
  triages,
} from './schema.js';
import type { Sync } from './sync.js';
import { triageIs } from './triage-is.js';

export type { DecisionRecord } from '../service/ports.js';

const current = {
  triageId: decisions.triageId,
  platform: decisions.platform,
  inviter: invitations.inviter,
  outcome: decisions.outcome,
  decidedBy: decisions.decidedBy,
  explanation: decisions.explanation,
  decidedAt: decisions.decidedAt,
};

/** Read-side queries over one user's records: history, pending, export. */
export class RecordStore implements Sync<RecordPort> {
  constructor(private readonly db: Db) {}

  /** Current (not superseded) decisions, newest first. */
  history(userId: number, limit: number, offset: number): { rows: DecisionRecord[]; total: number } {
    const where = and(eq(decisions.userId, userId), isNull(decisions.supersededAt));
    const rows = this.db
      .select(current)
      .from(decisions)
      .innerJoin(triages, eq(triages.id, decisions.triageId))
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(where)
      .orderBy(desc(decisions.decidedAt), desc(decisions.id))
      .limit(limit)
      .offset(offset)
      .all();
    const total = this.db.select({ n: count() }).from(decisions).where(where).get()?.n ?? 0;
    return { rows, total };
  }

  /** Deferred decisions still standing, oldest first. */
  deferred(userId: number): DecisionRecord[] {
    return this.db
      .select(current)
      .from(decisions)
      .innerJoin(triages, eq(triages.id, decisions.triageId))
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(and(eq(decisions.userId, userId), isNull(decisions.supersededAt), eq(decisions.outcome, 'defer')))
      .orderBy(asc(decisions.decidedAt))
      .all();
  }

  /** Triages still waiting for answers, oldest first. */
  open(userId: number): OpenTriageRow[] {
    return this.db
      .select({
        triageId: triages.id,
        platform: invitations.platform,
        inviter: invitations.inviter,
        updatedAt: triages.updatedAt,
      })
      .from(triages)
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(and(eq(triages.userId, userId), triageIs('open')))
      .orderBy(asc(triages.createdAt))
      .all();
  }

  triageCount(userId: number): number {
    return this.db.select({ n: count() }).from(triages).where(eq(triages.userId, userId)).get()?.n ?? 0;
  }

  /** Everything the user owns, for export. */
  everything(userId: number): Everything {
    const where = (t: { userId: SQLiteColumn }) => eq(t.userId, userId);
    return {
      invitations: this.db.select().from(invitations).where(where(invitations)).orderBy(asc(invitations.id)).all(),
      triages: this.db.select().from(triages).where(where(triages)).orderBy(asc(triages.id)).all(),
      answers: this.db
        .select({
          triageId: answers.triageId,
          questionId: answers.questionId,
          choice: answers.choice,
          createdAt: answers.createdAt,
        })
        .from(answers)
        .innerJoin(triages, eq(triages.id, answers.triageId))
        .where(eq(triages.userId, userId))
        .orderBy(asc(answers.id))
        .all(),
      decisions: this.db.select().from(decisions).where(where(decisions)).orderBy(asc(decisions.id)).all(),
      policies: this.db
        .select()
        .from(policyOverrides)
        .where(and(eq(policyOverrides.scope, 'user'), eq(policyOverrides.owner, String(userId))))
        .all(),
      timeLogs: this.db.select().from(timeLogs).where(where(timeLogs)).orderBy(asc(timeLogs.id)).all(),
      budgets: this.db.select().from(budgets).where(where(budgets)).all(),
      digestClaims: this.db
        .select({
          week: digestClaims.week,
          status: digestClaims.status,
          attempts: digestClaims.attempts,
          claimedAt: digestClaims.claimedAt,
          nextAttemptAt: digestClaims.nextAttemptAt,
          sentAt: digestClaims.sentAt,
          error: digestClaims.error,
        })
        .from(digestClaims)
        .where(where(digestClaims))
        .orderBy(asc(digestClaims.week))
        .all(),
    };
  }
}
