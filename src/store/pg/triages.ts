import { and, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { NewDecision, NewInvitation, TriagePort, TriageRow } from '../../service/ports.js';
import { type Handle, num } from './handle.js';
import { answers, decisions, invitations, triages } from './schema.js';

/** Invitations, triages, answers and decisions, on PostgreSQL. */
export class PgTriageStore implements TriagePort {
  constructor(private readonly h: Handle) {}

  /** The invitation and its triage in one statement: one round trip on the hot path. */
  async create(inv: NewInvitation, state: string, status: string, outcome: string | null): Promise<number> {
    const { rows } = await this.h.q.execute<{ id: number }>(sql`
      WITH i AS (
        INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at)
        VALUES (${inv.userId}, ${inv.platform}, ${inv.inviter}, ${inv.context}, ${inv.text}, ${inv.source},
                ${inv.createdAt})
        RETURNING id
      )
      INSERT INTO triages (user_id, invitation_id, status, state, outcome, created_at, updated_at)
      SELECT ${inv.userId}::int, i.id, ${status}::text, ${state}::text, ${outcome}::text, ${inv.createdAt}::bigint,
             ${inv.createdAt}::bigint
      FROM i
      RETURNING id`);
    const row = rows[0];
    if (!row) throw new Error('triage insert failed');
    return num(row.id);
  }

  async get(id: number): Promise<TriageRow | undefined> {
    const [row] = await this.h.q.select().from(triages).where(eq(triages.id, id));
    return row;
  }

  async save(id: number, state: string, status: string, outcome: string | null, updatedAt: number): Promise<void> {
    await this.h.q
      .update(triages)
      .set({ state, status, outcome, updatedAt, version: sql`${triages.version} + 1` })
      .where(eq(triages.id, id));
  }

  /** Records an answer; false when it was already recorded. */
  async recordAnswer(triageId: number, questionId: string, choice: string, createdAt: number): Promise<boolean> {
    const r = await this.h.q.insert(answers).values({ triageId, questionId, choice, createdAt }).onConflictDoNothing();
    return (r.rowCount ?? 0) > 0;
  }

  async forgetAnswer(triageId: number, questionId: string): Promise<void> {
    await this.h.q.delete(answers).where(and(eq(answers.triageId, triageId), eq(answers.questionId, questionId)));
  }

  /** Forgets the criteria answers of a triage, keeping what identified the invitation. */
  async forgetCriteriaAnswers(triageId: number): Promise<void> {
    await this.h.q
      .delete(answers)
      .where(and(eq(answers.triageId, triageId), notInArray(answers.questionId, ['platform', 'inviter'])));
  }

  async recordDecision(d: NewDecision): Promise<void> {
    await this.h.q.insert(decisions).values({ ...d });
  }

  async supersedeDecision(triageId: number, at: number): Promise<void> {
    await this.h.q
      .update(decisions)
      .set({ supersededAt: at })
      .where(and(eq(decisions.triageId, triageId), isNull(decisions.supersededAt)));
  }

  async updateInvitation(id: number, patch: { platform?: string | null; inviter?: string | null }): Promise<void> {
    if (Object.values(patch).every((v) => v === undefined)) return;
    await this.h.q.update(invitations).set(patch).where(eq(invitations.id, id));
  }

  async latestOpen(userId: number): Promise<TriageRow | undefined> {
    const [row] = await this.h.q
      .select()
      .from(triages)
      .where(and(eq(triages.userId, userId), eq(triages.status, 'open')))
      .orderBy(desc(triages.updatedAt), desc(triages.id))
      .limit(1);
    return row;
  }
}
