import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { BudgetRow, GuidanceRow, NewTimeLog, RemovedTimeLog, TimePort } from '../service/ports.js';
import type { Db } from './db.js';
import { budgets, teamGuidance, timeLogs } from './schema.js';
import type { Sync } from './sync.js';

export type { BudgetRow, GuidanceRow, NewTimeLog } from '../service/ports.js';

/** Time logs, weekly budgets per platform, and each team's guidance on networking at work. */
export class TimeStore implements Sync<TimePort> {
  // Prepared once: every triage step reads its team's guidance to time the reminder.
  private readonly selectGuidance;

  constructor(private readonly db: Db) {
    this.selectGuidance = db
      .select({ workHoursOk: teamGuidance.workHoursOk, note: teamGuidance.note, updatedAt: teamGuidance.updatedAt })
      .from(teamGuidance)
      .where(eq(teamGuidance.team, sql.placeholder('team')))
      .prepare();
  }

  log(entry: NewTimeLog): number {
    return Number(this.db.insert(timeLogs).values(entry).run().lastInsertRowid);
  }

  removeLast(userId: number): RemovedTimeLog | undefined {
    const last = this.db
      .select()
      .from(timeLogs)
      .where(eq(timeLogs.userId, userId))
      .orderBy(desc(timeLogs.loggedAt), desc(timeLogs.id))
      .limit(1)
      .get();
    if (!last) return undefined;
    this.db.delete(timeLogs).where(eq(timeLogs.id, last.id)).run();
    return { platform: last.platform, minutes: last.minutes, place: last.place, loggedAt: last.loggedAt };
  }

  /** Minutes per platform logged in [start, end). */
  totals(userId: number, start: number, end: number): { platform: string; minutes: number }[] {
    return this.db
      .select({ platform: timeLogs.platform, minutes: sql<number>`sum(${timeLogs.minutes})` })
      .from(timeLogs)
      .where(and(eq(timeLogs.userId, userId), gte(timeLogs.loggedAt, start), lt(timeLogs.loggedAt, end)))
      .groupBy(timeLogs.platform)
      .all();
  }

  budgets(userId: number): BudgetRow[] {
    return this.db
      .select({ platform: budgets.platform, weeklyMinutes: budgets.weeklyMinutes, expectation: budgets.expectation })
      .from(budgets)
      .where(eq(budgets.userId, userId))
      .all();
  }

  setBudget(userId: number, platform: string, weeklyMinutes: number, expectation: string | null, now: number): void {
    this.db
      .insert(budgets)
      .values({ userId, platform, weeklyMinutes, expectation, updatedAt: now })
      .onConflictDoUpdate({
        target: [budgets.userId, budgets.platform],
        // Keep the stated expectation when only the amount changes.
        set: { weeklyMinutes, updatedAt: now, ...(expectation ? { expectation } : {}) },
      })
      .run();
  }

  clearBudget(userId: number, platform: string): boolean {
    const r = this.db
      .delete(budgets)
      .where(and(eq(budgets.userId, userId), eq(budgets.platform, platform)))
      .run();
    return r.changes > 0;
  }

  guidance(team: string): GuidanceRow | undefined {
    return this.selectGuidance.get({ team });
  }

  setGuidance(team: string, workHoursOk: boolean, note: string, now: number): void {
    this.db
      .insert(teamGuidance)
      .values({ team, workHoursOk, note, updatedAt: now })
      .onConflictDoUpdate({ target: teamGuidance.team, set: { workHoursOk, note, updatedAt: now } })
      .run();
  }
}
