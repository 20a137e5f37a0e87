import { and, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { EarlierTriage, NewDecision, NewInvitation, TriagePort, TriageRow } from '../service/ports.js';
import type { Db } from './db.js';
import { answers, decisions, invitations, triages } from './schema.js';
import type { Sync } from './sync.js';
import { triageIs } from './triage-is.js';

export type { NewDecision, NewInvitation, TriageRow } from '../service/ports.js';

const p = sql.placeholder;

/** Invitations, triages, answers and decisions. The hot statements are prepared once. */
export class TriageStore implements Sync<TriagePort> {
  private readonly insertInvitation;
  private readonly insertTriage;
  private readonly selectTriage;
  private readonly selectEarlierByHandle;
  private readonly selectEarlierByName;
  private readonly updateTriage;
  private readonly insertAnswer;
  private readonly insertDecision;
  private readonly supersede;

  constructor(private readonly db: Db) {
    this.insertInvitation = db
      .insert(invitations)
      .values({
        userId: p('userId'),
        platform: p('platform'),
        inviter: p('inviter'),
        context: p('context'),
        text: p('text'),
        source: p('source'),
        createdAt: p('createdAt'),
        nameKey: p('nameKey'),
        handleKey: p('handleKey'),
      })
      .returning({ id: invitations.id })
      .prepare();
    // One statement per key: an OR across the two keys would make SQLite walk every invitation of that user
    // and network instead of the one index entry it needs. No LIMIT (get() steps once): SQLite prepares a
    // statement again on every run when its LIMIT, or a column a partial index filters on, is a bound value.
    const earlierBy = (key: typeof invitations.handleKey | typeof invitations.nameKey) =>
      db
        .select({ triageId: triages.id, outcome: sql<string>`${triages.outcome}`, decidedAt: triages.updatedAt })
        .from(invitations)
        .innerJoin(triages, eq(triages.invitationId, invitations.id))
        .where(
          and(
            eq(invitations.userId, p('userId')),
            eq(invitations.platform, p('platform')),
            eq(key, p('key')),
            triageIs('decided'),
          ),
        )
        .orderBy(desc(triages.updatedAt), desc(triages.id))
        .prepare();
    this.selectEarlierByHandle = earlierBy(invitations.handleKey);
    this.selectEarlierByName = earlierBy(invitations.nameKey);
    this.insertTriage = db
      .insert(triages)
      .values({
        userId: p('userId'),
        invitationId: p('invitationId'),
        status: p('status'),
        state: p('state'),
        outcome: p('outcome'),
        createdAt: p('createdAt'),
        updatedAt: p('createdAt'),
      })
      .returning({ id: triages.id })
      .prepare();
    this.selectTriage = db
      .select()
      .from(triages)
      .where(eq(triages.id, p('id')))
      .prepare();
    this.updateTriage = db
      .update(triages)
      .set({
        status: sql`${p('status')}`,
        state: sql`${p('state')}`,
        outcome: sql`${p('outcome')}`,
        updatedAt: sql`${p('updatedAt')}`,
        version: sql`${triages.version} + 1`,
      })
      .where(eq(triages.id, p('id')))
      .prepare();
    this.insertAnswer = db
      .insert(answers)
      .values({ triageId: p('triageId'), questionId: p('questionId'), choice: p('choice'), createdAt: p('createdAt') })
      .onConflictDoNothing()
      .prepare();
    this.insertDecision = db
      .insert(decisions)
      .values({
        triageId: p('triageId'),
        userId: p('userId'),
        platform: p('platform'),
        outcome: p('outcome'),
        decidedBy: p('decidedBy'),
        reasons: p('reasons'),
        explanation: p('explanation'),
        decidedAt: p('decidedAt'),
      })
      .prepare();
    this.supersede = db
      .update(decisions)
      .set({ supersededAt: sql`${p('at')}` })
      .where(and(eq(decisions.triageId, p('triageId')), isNull(decisions.supersededAt)))
      .prepare();
  }

  /** Runs fn in one immediate transaction: it holds the write lock from the start, so reads inside are current. */
  tx<T>(fn: () => T): T {
    return this.db.$client.transaction(fn).immediate();
  }

  create(inv: NewInvitation, state: string, status: string, outcome: string | null): number {
    const invitation = this.insertInvitation.get({
      ...inv,
      nameKey: inv.nameKey ?? null,
      handleKey: inv.handleKey ?? null,
    });
    if (!invitation) throw new Error('invitation insert failed');
    const row = this.insertTriage.get({
      userId: inv.userId,
      invitationId: invitation.id,
      status,
      state,
      outcome,
      createdAt: inv.createdAt,
    });
    if (!row) throw new Error('triage insert failed');
    return row.id;
  }

  get(id: number): TriageRow | undefined {
    return this.selectTriage.get({ id });
  }

  save(id: number, state: string, status: string, outcome: string | null, updatedAt: number): void {
    this.updateTriage.run({ id, state, status, outcome, updatedAt });
  }

  /** Records an answer; false when it was already recorded. */
  recordAnswer(triageId: number, questionId: string, choice: string, createdAt: number): boolean {
    return this.insertAnswer.run({ triageId, questionId, choice, createdAt }).changes > 0;
  }

  forgetAnswer(triageId: number, questionId: string): void {
    this.db
      .delete(answers)
      .where(and(eq(answers.triageId, triageId), eq(answers.questionId, questionId)))
      .run();
  }

  /** Forgets the criteria answers of a triage, keeping what identified the invitation. */
  forgetCriteriaAnswers(triageId: number): void {
    this.db
      .delete(answers)
      .where(and(eq(answers.triageId, triageId), notInArray(answers.questionId, ['platform', 'inviter'])))
      .run();
  }

  recordDecision(d: NewDecision): void {
    this.insertDecision.run({ ...d });
  }

  supersedeDecision(triageId: number, at: number): void {
    this.supersede.run({ triageId, at });
  }

  updateInvitation(
    id: number,
    patch: { platform?: string | null; inviter?: string | null; nameKey?: string | null },
  ): void {
    this.db.update(invitations).set(patch).where(eq(invitations.id, id)).run();
  }

  earlier(
    userId: number,
    platform: string,
    keys: { handle: string | null; name: string | null },
  ): EarlierTriage | undefined {
    const byHandle = keys.handle ? this.selectEarlierByHandle.get({ userId, platform, key: keys.handle }) : undefined;
    const byName = keys.name ? this.selectEarlierByName.get({ userId, platform, key: keys.name }) : undefined;
    if (!byHandle || !byName) return byHandle ?? byName;
    const later =
      byHandle.decidedAt !== byName.decidedAt
        ? byHandle.decidedAt > byName.decidedAt
        : byHandle.triageId > byName.triageId;
    return later ? byHandle : byName;
  }

  invitationText(triageId: number): string | undefined {
    return this.db
      .select({ text: invitations.text })
      .from(triages)
      .innerJoin(invitations, eq(invitations.id, triages.invitationId))
      .where(eq(triages.id, triageId))
      .get()?.text;
  }

  latestOpen(userId: number): TriageRow | undefined {
    return this.db
      .select()
      .from(triages)
      .where(and(eq(triages.userId, userId), triageIs('open')))
      .orderBy(desc(triages.updatedAt), desc(triages.id))
      .limit(1)
      .get();
  }

  discard(invitationId: number): void {
    this.db.delete(invitations).where(eq(invitations.id, invitationId)).run();
  }
}
