import { sql } from 'drizzle-orm';
import type { Outcome } from '../../core/criteria.js';
import type { DigestRecords, Guidance } from '../../core/digest/types.js';
import type { Expectation, Place } from '../../core/time-command.js';
import type { DigestPort, RecordsRequest, ScheduleRow } from '../../service/ports.js';
import { emptyRecords, PENDING_LISTED } from '../digest.js';
import { type Handle, num, numOrNull } from './handle.js';

const list = (values: unknown[]) => sql.param(values);

/**
 * Reads what digests need for many users at once, on PostgreSQL: five grouped queries per batch, whatever its
 * size. The batch's users and week windows go in as parallel arrays, unnested into a table the rows join on.
 */
export class PgDigestStore implements DigestPort {
  constructor(private readonly h: Handle) {}

  /** One page of users, in id order, with what scheduling needs. */
  async schedulePage(afterId: number, limit: number): Promise<ScheduleRow[]> {
    const { rows } = await this.h.q.execute<Record<string, unknown>>(sql`
      SELECT id, provider, workspace, external_id, timezone, prefs, created_at
      FROM users WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`);
    return rows.map((r) => ({
      id: num(r.id),
      provider: String(r.provider),
      workspace: String(r.workspace),
      externalId: String(r.external_id),
      timezone: (r.timezone as string | null) ?? null,
      prefs: String(r.prefs),
      createdAt: num(r.created_at),
    }));
  }

  /** Records for each requested user; every user gets an entry, empty when they did nothing. */
  async load(requests: readonly RecordsRequest[]): Promise<Map<number, DigestRecords>> {
    const out = new Map<number, DigestRecords>();
    const teamOf = new Map<number, string>();
    for (const r of requests) {
      out.set(r.userId, emptyRecords());
      teamOf.set(r.userId, r.team);
    }
    if (requests.length === 0) return out;
    const windows = sql`unnest(
      ${list(requests.map((r) => r.userId))}::int[], ${list(requests.map((r) => r.lastStart))}::bigint[],
      ${list(requests.map((r) => r.start))}::bigint[], ${list(requests.map((r) => r.end))}::bigint[]) AS w(u, p, s, e)`;
    const ids = list([...out.keys()]);
    const q = this.h.q;
    // Outside a transaction these run side by side on the pool's connections; inside one they queue on it.
    const [decided, logged, pending, budgets, guidance] = await Promise.all([
      q.execute<{ u: number; platform: string; outcome: string; cur: boolean; n: number }>(sql`
        SELECT w.u AS u, d.platform AS platform, d.outcome AS outcome, d.decided_at >= w.s AS cur, count(*)::int AS n
        FROM ${windows} JOIN decisions d
          ON d.user_id = w.u AND d.decided_at >= w.p AND d.decided_at < w.e AND d.superseded_at IS NULL
        GROUP BY 1, 2, 3, 4`),
      q.execute<{ u: number; platform: string; place: string | null; cur: boolean; n: string }>(sql`
        SELECT w.u AS u, l.platform AS platform, l.place AS place, l.logged_at >= w.s AS cur, sum(l.minutes) AS n
        FROM ${windows} JOIN time_logs l ON l.user_id = w.u AND l.logged_at >= w.p AND l.logged_at < w.e
        GROUP BY 1, 2, 3, 4`),
      // Per user through the index, in one pass that also counts, and only the first few listed cross the
      // wire: a join over the whole batch let the planner, blind to the array's length, scan every triage.
      q.execute<{
        u: number;
        id: number;
        platform: string | null;
        inviter: string | null;
        at: string;
        total: string;
        next: string | null;
        reminded: string | null;
      }>(sql`
        SELECT j.u AS u, p.id AS id, p.platform AS platform, p.inviter AS inviter, p.at AS at, p.total AS total,
               p.next AS next, p.reminded AS reminded
        FROM unnest(${ids}::int[]) AS j(u)
        CROSS JOIN LATERAL (
          SELECT t.id AS id, i.platform AS platform, i.inviter AS inviter, t.updated_at AS at,
                 count(*) OVER () AS total,
                 CASE WHEN r.status IN ('pending', 'claimed') THEN r.send_at END AS next, r.sent_at AS reminded
          FROM triages t JOIN invitations i ON i.id = t.invitation_id
          LEFT JOIN reminders r ON r.triage_id = t.id
          WHERE t.user_id = j.u AND t.status = 'decided' AND t.outcome = 'defer'
          ORDER BY t.updated_at, t.id LIMIT ${PENDING_LISTED}) p
        ORDER BY j.u, p.at, p.id`),
      q.execute<{ u: number; platform: string; minutes: number; expectation: string | null }>(sql`
        SELECT b.user_id AS u, b.platform AS platform, b.weekly_minutes AS minutes, b.expectation AS expectation
        FROM unnest(${ids}::int[]) AS j(u) JOIN budgets b ON b.user_id = j.u ORDER BY b.user_id, b.platform`),
      q.execute<{ team: string; ok: boolean; note: string }>(sql`
        SELECT team, work_hours_ok AS ok, note FROM team_guidance
        WHERE team = ANY(${list([...new Set(teamOf.values())])}::text[])`),
    ]);
    for (const row of decided.rows) {
      const rec = out.get(row.u);
      const week = row.cur ? rec?.thisWeek : rec?.lastWeek;
      week?.decisions.push({ platform: row.platform, outcome: row.outcome as Outcome, count: num(row.n) });
    }
    for (const row of logged.rows) {
      const rec = out.get(row.u);
      const week = row.cur ? rec?.thisWeek : rec?.lastWeek;
      week?.time.push({ platform: row.platform, place: placeOf(row.place), minutes: num(row.n) });
    }
    for (const row of pending.rows) {
      const rec = out.get(row.u);
      if (!rec) continue;
      rec.pendingTotal = num(row.total);
      rec.pending.push({
        triageId: row.id,
        platform: row.platform,
        inviter: row.inviter,
        deferredAt: num(row.at),
        ...(row.next != null ? { nextReminderAt: numOrNull(row.next) } : {}),
        ...(row.reminded != null ? { remindedAt: numOrNull(row.reminded) } : {}),
      });
    }
    for (const row of budgets.rows) {
      out.get(row.u)?.budgets.push({
        platform: row.platform,
        weeklyMinutes: row.minutes,
        expectation: row.expectation as Expectation | null,
      });
    }
    const byTeam = new Map<string, Guidance>();
    for (const g of guidance.rows) byTeam.set(g.team, { workHoursOk: g.ok, note: g.note });
    for (const [userId, team] of teamOf) {
      const rec = out.get(userId);
      if (rec) rec.guidance = byTeam.get(team) ?? null;
    }
    return out;
  }
}

function placeOf(place: string | null): Place | null {
  return place === 'work' || place === 'home' ? place : null;
}
