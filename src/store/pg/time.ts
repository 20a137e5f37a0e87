import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { BudgetRow, GuidanceRow, NewTimeLog, RemovedTimeLog, TimePort } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { budgets, teamGuidance, timeLogs } from './schema.js';

/** Time logs, weekly budgets per platform, and each team's guidance on networking at work, on PostgreSQL. */
export class PgTimeStore implements TimePort {
  constructor(private readonly h: Handle) {}

  async log(entry: NewTimeLog): Promise<number> {
    const [row] = await this.h.q.insert(timeLogs).values(entry).returning({ id: timeLogs.id });
    if (!row) throw new Error('time log insert failed');
    return row.id;
  }

  async removeLast(userId: number): Promise<RemovedTimeLog | undefined> {
    const [last] = await this.h.q
      .select()
      .from(timeLogs)
      .where(eq(timeLogs.userId, userId))
      .orderBy(desc(timeLogs.loggedAt), desc(timeLogs.id))
      .limit(1);
    if (!last) return undefined;
    await this.h.q.delete(timeLogs).where(eq(timeLogs.id, last.id));
    return { platform: last.platform, minutes: last.minutes, place: last.place, loggedAt: last.loggedAt };
  }

  /** Minutes per platform logged in [start, end). */
  async totals(userId: number, start: number, end: number): Promise<{ platform: string; minutes: number }[]> {
    return this.h.q
      .select({ platform: timeLogs.platform, minutes: sql<number>`sum(${timeLogs.minutes})`.mapWith(Number) })
      .from(timeLogs)
      .where(and(eq(timeLogs.userId, userId), gte(timeLogs.loggedAt, start), lt(timeLogs.loggedAt, end)))
      .groupBy(timeLogs.platform);
  }

  async budgets(userId: number): Promise<BudgetRow[]> {
    return this.h.q
      .select({ platform: budgets.platform, weeklyMinutes: budgets.weeklyMinutes, expectation: budgets.expectation })
      .from(budgets)
      .where(eq(budgets.userId, userId));
  }

  async setBudget(
    userId: number,
    platform: string,
    weeklyMinutes: number,
    expectation: string | null,
    now: number,
  ): Promise<void> {
    await this.h.q
      .insert(budgets)
      .values({ userId, platform, weeklyMinutes, expectation, updatedAt: now })
      .onConflictDoUpdate({
        target: [budgets.userId, budgets.platform],
        // Keep the stated expectation when only the amount changes.
        set: { weeklyMinutes, updatedAt: now, ...(expectation ? { expectation } : {}) },
      });
  }

  async clearBudget(userId: number, platform: string): Promise<boolean> {
    const r = await this.h.q.delete(budgets).where(and(eq(budgets.userId, userId), eq(budgets.platform, platform)));
    return (r.rowCount ?? 0) > 0;
  }

  async guidance(team: string): Promise<GuidanceRow | undefined> {
    const [row] = await this.h.q
      .select({ workHoursOk: teamGuidance.workHoursOk, note: teamGuidance.note, updatedAt: teamGuidance.updatedAt })
      .from(teamGuidance)
      .where(eq(teamGuidance.team, team));
    return row;
  }

  async setGuidance(team: string, workHoursOk: boolean, note: string, now: number): Promise<void> {
    await this.h.q
      .insert(teamGuidance)
      .values({ team, workHoursOk, note, updatedAt: now })
      .onConflictDoUpdate({ target: teamGuidance.team, set: { workHoursOk, note, updatedAt: now } });
  }
}
