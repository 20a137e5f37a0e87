import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DecisionRecord, Everything, OpenTriageRow, RecordPort } from '../../service/ports.js';
import type { Handle } from './handle.js';
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

const current = {
  triageId: decisions.triageId,
  platform: decisions.platform,
  inviter: invitations.inviter,
  outcome: decisions.outcome,
  decidedBy: decisions.decidedBy,
  explanation: decisions.explanation,
  decidedAt: decisions.decidedAt,
};

/** Read-side queries over one user's records, on PostgreSQL: history, pending, export. */
export class PgRecordStore implements RecordPort {
  constructor(private readonly h: Handle) {}

  /** Current (not superseded) decisions, newest first. */
  async history(userId: number, limit: number, offset: number): Promise<{ rows: DecisionRecord[]; total: number }> {
    const where = and(eq(decisions.userId, userId), isNull(decisions.supersededAt));
    const rows = await this.h.q
      .select(current)
      .from(decisions)
      .innerJoin(triages, eq(triages.id, decisions.triageId))
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(where)
      .orderBy(desc(decisions.decidedAt), desc(decisions.id))
      .limit(limit)
      .offset(offset);
    const [total] = await this.h.q.select({ n: count() }).from(decisions).where(where);
    return { rows, total: total?.n ?? 0 };
  }

  /** Deferred decisions still standing, oldest first. */
  async deferred(userId: number): Promise<DecisionRecord[]> {
    return this.h.q
      .select(current)
      .from(decisions)
      .innerJoin(triages, eq(triages.id, decisions.triageId))
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(and(eq(decisions.userId, userId), isNull(decisions.supersededAt), eq(decisions.outcome, 'defer')))
      .orderBy(asc(decisions.decidedAt), asc(decisions.id));
  }

  /** Triages still waiting for answers, oldest first. */
  async open(userId: number): Promise<OpenTriageRow[]> {
    return this.h.q
      .select({
        triageId: triages.id,
        platform: invitations.platform,
        inviter: invitations.inviter,
        updatedAt: triages.updatedAt,
      })
      .from(triages)
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(and(eq(triages.userId, userId), eq(triages.status, 'open')))
      .orderBy(asc(triages.createdAt), asc(triages.id));
  }

  /** How many triages the user has, counted by the database. */
  async triageCount(userId: number): Promise<number> {
    const [row] = await this.h.q.select({ n: count() }).from(triages).where(eq(triages.userId, userId));
    return row?.n ?? 0;
  }

  /** Everything the user owns, for export. */
  async everything(userId: number): Promise<Everything> {
    const q = this.h.q;
    const where = (t: { userId: PgColumn }) => eq(t.userId, userId);
    // One after another: inside a transaction the queries share one connection anyway.
    return {
      invitations: await q.select().from(invitations).where(where(invitations)).orderBy(asc(invitations.id)),
      triages: await q.select().from(triages).where(where(triages)).orderBy(asc(triages.id)),
      answers: await q
        .select({
          triageId: answers.triageId,
          questionId: answers.questionId,
          choice: answers.choice,
          createdAt: answers.createdAt,
        })
        .from(answers)
        .innerJoin(triages, eq(triages.id, answers.triageId))
        .where(eq(triages.userId, userId))
        .orderBy(asc(answers.id)),
      decisions: await q.select().from(decisions).where(where(decisions)).orderBy(asc(decisions.id)),
      policies: await q
        .select()
        .from(policyOverrides)
        .where(and(eq(policyOverrides.scope, 'user'), eq(policyOverrides.owner, String(userId))))
        .orderBy(asc(policyOverrides.platform)),
      timeLogs: await q.select().from(timeLogs).where(where(timeLogs)).orderBy(asc(timeLogs.id)),
      budgets: await q.select().from(budgets).where(where(budgets)).orderBy(asc(budgets.platform)),
      digestClaims: await q
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
        .orderBy(asc(digestClaims.week)),
    };
  }
}
