import { and, desc, eq, notInArray, or, sql } from 'drizzle-orm';
import type { EarlierTriage, NewDecision, NewInvitation, TriagePort, TriageRow } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { answers, invitations, triages } from './schema.js';

const TRIAGE = `id, user_id AS "userId", invitation_id AS "invitationId", status, state, outcome, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Invitations, triages, answers and decisions, on PostgreSQL. The statements of every triage step are
 * prepared (named) ones; the rarer ones go through drizzle's builder.
 */
export class PgTriageStore implements TriagePort {
  constructor(private readonly h: Handle) {}

  /** The invitation and its triage in one statement: one round trip on the hot path. */
  async create(inv: NewInvitation, state: string, status: string, outcome: string | null): Promise<number> {
    const { rows } = await this.h.raw<{ id: number }>(
      'triages_create',
      `WITH i AS (
         INSERT INTO invitations (user_id, platform, inviter, context, text, source, created_at, name_key, handle_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $11, $12) RETURNING id)
       INSERT INTO triages (user_id, invitation_id, status, state, outcome, created_at, updated_at)
       SELECT $1, i.id, $8, $9, $10, $7, $7 FROM i
       RETURNING id`,
      [
        inv.userId,
        inv.platform,
        inv.inviter,
        inv.context,
        inv.text,
        inv.source,
        inv.createdAt,
        status,
        state,
        outcome,
        inv.nameKey ?? null,
        inv.handleKey ?? null,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('triage insert failed');
    return row.id;
  }

  async get(id: number): Promise<TriageRow | undefined> {
    const { rows } = await this.h.raw<TriageRow>('triages_get', `SELECT ${TRIAGE} FROM triages WHERE id = $1`, [id]);
    return rows[0];
  }

  async save(id: number, state: string, status: string, outcome: string | null, updatedAt: number): Promise<void> {
    await this.h.raw(
      'triages_save',
      `UPDATE triages SET state = $2, status = $3, outcome = $4, updated_at = $5, version = version + 1
       WHERE id = $1`,
      [id, state, status, outcome, updatedAt],
    );
  }

  /** Records an answer; false when it was already recorded. */
  async recordAnswer(triageId: number, questionId: string, choice: string, createdAt: number): Promise<boolean> {
    const r = await this.h.raw(
      'answers_record',
      `INSERT INTO answers (triage_id, question_id, choice, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [triageId, questionId, choice, createdAt],
    );
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
    await this.h.raw(
      'decisions_record',
      `INSERT INTO decisions (triage_id, user_id, platform, outcome, decided_by, reasons, explanation, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [d.triageId, d.userId, d.platform, d.outcome, d.decidedBy, d.reasons, d.explanation, d.decidedAt],
    );
  }

  async supersedeDecision(triageId: number, at: number): Promise<void> {
    await this.h.raw(
      'decisions_supersede',
      'UPDATE decisions SET superseded_at = $2 WHERE triage_id = $1 AND superseded_at IS NULL',
      [triageId, at],
    );
  }

  async updateInvitation(
    id: number,
    patch: { platform?: string | null; inviter?: string | null; nameKey?: string | null },
  ): Promise<void> {
    if (Object.values(patch).every((v) => v === undefined)) return;
    await this.h.q.update(invitations).set(patch).where(eq(invitations.id, id));
  }

  async earlier(
    userId: number,
    platform: string,
    keys: { handle: string | null; name: string | null },
  ): Promise<EarlierTriage | undefined> {
    const byHandle = keys.handle ? eq(invitations.handleKey, keys.handle) : undefined;
    const byName = keys.name ? eq(invitations.nameKey, keys.name) : undefined;
    const match = byHandle && byName ? or(byHandle, byName) : (byHandle ?? byName);
    if (!match) return undefined;
    const [row] = await this.h.q
      .select({ triageId: triages.id, outcome: sql<string>`${triages.outcome}`, decidedAt: triages.updatedAt })
      .from(invitations)
      .innerJoin(triages, eq(triages.invitationId, invitations.id))
      .where(
        and(eq(invitations.userId, userId), eq(invitations.platform, platform), match, eq(triages.status, 'decided')),
      )
      .orderBy(desc(triages.updatedAt), desc(triages.id))
      .limit(1);
    return row;
  }

  async invitationText(triageId: number): Promise<string | undefined> {
    const [row] = await this.h.q
      .select({ text: invitations.text })
      .from(triages)
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(eq(triages.id, triageId));
    return row?.text;
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

  async discard(invitationId: number): Promise<void> {
    await this.h.q.delete(invitations).where(eq(invitations.id, invitationId));
  }
}
