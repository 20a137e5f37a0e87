import type { Outcome } from '../core/criteria.js';
import type { BudgetRecord, DigestRecords, Guidance, MinutesLogged } from '../core/digest/types.js';
import type { Expectation, Place } from '../core/time-command.js';
import type { DigestPort, RecordsRequest, ScheduleRow } from '../service/ports.js';
import type { Db } from './db.js';
import type { Sync } from './sync.js';

export type { RecordsRequest, ScheduleRow } from '../service/ports.js';

/** Deferred invitations listed per user; the rest are only counted. */
export const PENDING_LISTED = 10;

const WINDOWS = `(SELECT value->>0 AS u, value->>1 AS p, value->>2 AS s, value->>3 AS e FROM json_each(?)) w`;

/**
 * Reads what digests need for many users at once: five grouped queries per batch, whatever its size,
 * so 100,000 users cost a few hundred queries, not half a million. The decisions and the deferred triages are
 * read through their partial indexes by name: left to itself, SQLite took the wider ones on (user, time) and
 * (user, status), and read each row from the table to filter it, five times slower over 5 million rows.
 */
export class DigestStore implements Sync<DigestPort> {
  private readonly decisions;
  private readonly time;
  private readonly pending;
  private readonly budgets;
  private readonly guidance;
  private readonly users;

  constructor(db: Db) {
    const c = db.$client;
    this.users = c.prepare<[number, number], ScheduleRow>(
      `SELECT id, provider, workspace, external_id AS externalId, timezone, prefs, created_at AS createdAt
       FROM users WHERE id > ? ORDER BY id LIMIT ?`,
    );
    this.decisions = c.prepare<[string], { u: number; platform: string; outcome: string; cur: number; n: number }>(
      `SELECT w.u AS u, d.platform AS platform, d.outcome AS outcome, d.decided_at >= w.s AS cur, count(*) AS n
       FROM ${WINDOWS} CROSS JOIN decisions d INDEXED BY decisions_current
       WHERE d.user_id = w.u AND d.decided_at >= w.p AND d.decided_at < w.e AND d.superseded_at IS NULL
       GROUP BY 1, 2, 3, 4`,
    );
    this.time = c.prepare<[string], { u: number; platform: string; place: string | null; cur: number; n: number }>(
      `SELECT w.u AS u, l.platform AS platform, l.place AS place, l.logged_at >= w.s AS cur, sum(l.minutes) AS n
       FROM ${WINDOWS} CROSS JOIN time_logs l
       WHERE l.user_id = w.u AND l.logged_at >= w.p AND l.logged_at < w.e
       GROUP BY 1, 2, 3, 4`,
    );
    this.pending = c.prepare<
      [string],
      {
        u: number;
        triageId: number;
        platform: string | null;
        inviter: string | null;
        at: number;
        next: number | null;
        reminded: number | null;
      }
    >(
      `SELECT t.user_id AS u, t.id AS triageId, i.platform AS platform, i.inviter AS inviter, t.updated_at AS at,
         CASE WHEN r.status IN ('pending', 'claimed') THEN r.send_at END AS next, r.sent_at AS reminded
       FROM json_each(?) j CROSS JOIN triages t INDEXED BY triages_deferred JOIN invitations i ON i.id = t.invitation_id
       LEFT JOIN reminders r ON r.triage_id = t.id
       WHERE t.user_id = j.value AND t.status = 'decided' AND t.outcome = 'defer'
       ORDER BY t.user_id, t.updated_at`,
    );
    this.budgets = c.prepare<[string], { u: number; platform: string; minutes: number; expectation: string | null }>(
      `SELECT b.user_id AS u, b.platform AS platform, b.weekly_minutes AS minutes, b.expectation AS expectation
       FROM json_each(?) j CROSS JOIN budgets b WHERE b.user_id = j.value`,
    );
    this.guidance = c.prepare<[string], { team: string; ok: number; note: string }>(
      `SELECT team, work_hours_ok AS ok, note FROM team_guidance WHERE team IN (SELECT value FROM json_each(?))`,
    );
  }

  /**
   * One page of users, in id order, with what scheduling needs. Pages rather than one long iteration: an open
   * better-sqlite3 iterator would keep the connection from writing the claims made between pages.
   */
  schedulePage(afterId: number, limit: number): ScheduleRow[] {
    return this.users.all(afterId, limit);
  }

  /** Records for each requested user; every user gets an entry, empty when they did nothing. */
  load(requests: readonly RecordsRequest[]): Map<number, DigestRecords> {
    const out = new Map<number, DigestRecords>();
    const teamOf = new Map<number, string>();
    for (const r of requests) {
      out.set(r.userId, emptyRecords());
      teamOf.set(r.userId, r.team);
    }
    if (requests.length === 0) return out;
    const windows = JSON.stringify(requests.map((r) => [r.userId, r.lastStart, r.start, r.end]));
    const ids = JSON.stringify(requests.map((r) => r.userId));
    for (const row of this.decisions.iterate(windows)) {
      const rec = out.get(row.u);
      const week = row.cur ? rec?.thisWeek : rec?.lastWeek;
      week?.decisions.push({ platform: row.platform, outcome: row.outcome as Outcome, count: row.n });
    }
    for (const row of this.time.iterate(windows)) {
      const rec = out.get(row.u);
      const week = row.cur ? rec?.thisWeek : rec?.lastWeek;
      week?.time.push({ platform: row.platform, place: placeOf(row.place), minutes: row.n } satisfies MinutesLogged);
    }
    for (const row of this.pending.iterate(ids)) {
      const rec = out.get(row.u);
      if (!rec) continue;
      rec.pendingTotal++;
      if (rec.pending.length < PENDING_LISTED) {
        rec.pending.push({
          triageId: row.triageId,
          platform: row.platform,
          inviter: row.inviter,
          deferredAt: row.at,
          // Only when there is one: a deferral with no reminder reads as before.
          ...(row.next != null ? { nextReminderAt: row.next } : {}),
          ...(row.reminded != null ? { remindedAt: row.reminded } : {}),
        });
      }
    }
    for (const row of this.budgets.iterate(ids)) {
      out.get(row.u)?.budgets.push({
        platform: row.platform,
        weeklyMinutes: row.minutes,
        expectation: row.expectation as Expectation | null,
      } satisfies BudgetRecord);
    }
    const guidance = new Map<string, Guidance>();
    for (const g of this.guidance.iterate(JSON.stringify([...new Set(teamOf.values())]))) {
      guidance.set(g.team, { workHoursOk: g.ok === 1, note: g.note });
    }
    for (const [userId, team] of teamOf) {
      const rec = out.get(userId);
      if (rec) rec.guidance = guidance.get(team) ?? null;
    }
    return out;
  }
}

export function emptyRecords(): DigestRecords {
  return {
    thisWeek: { decisions: [], time: [] },
    lastWeek: { decisions: [], time: [] },
    pending: [],
    pendingTotal: 0,
    budgets: [],
    guidance: null,
  };
}

function placeOf(place: string | null): Place | null {
  return place === 'work' || place === 'home' ? place : null;
}
