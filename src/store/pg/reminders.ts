import type {
  DueRef,
  DueReminderRow,
  ListedReminder,
  NewReminder,
  ReminderPort,
  ReminderRow,
} from '../../service/ports.js';
import { type Handle, num, numOrNull } from './handle.js';

const COLS = ['triage_id', 'user_id', 'kind', 'due_at', 'send_at', 'status', 'attempts', 'sent_at', 'nudged'];
const ROW = COLS.map((c) => `r.${c}`).join(', ');

function row(r: Record<string, unknown>): ReminderRow {
  return {
    triageId: num(r.triage_id),
    userId: num(r.user_id),
    kind: r.kind as ReminderRow['kind'],
    dueAt: num(r.due_at),
    sendAt: numOrNull(r.send_at),
    status: r.status as ReminderRow['status'],
    attempts: num(r.attempts),
    sentAt: numOrNull(r.sent_at),
    nudged: r.nudged === true,
  };
}

const listed = (r: Record<string, unknown>): ListedReminder => ({
  ...row(r),
  platform: (r.platform as string | null) ?? null,
  inviter: (r.inviter as string | null) ?? null,
});

/**
 * The reminders table on PostgreSQL: one row per triage, which is also its claim. Claiming is one update that
 * takes only rows still pending; two instances claiming together queue on the rows' locks, and the second
 * then finds them claimed and takes none.
 */
export class PgReminderStore implements ReminderPort {
  constructor(private readonly h: Handle) {}

  async set(r: NewReminder): Promise<void> {
    await this.h.raw(
      'reminders_set',
      `INSERT INTO reminders (triage_id, user_id, kind, due_at, send_at, status, attempts)
       VALUES ($1, $2, $3, $4, $5, 'pending', 0)
       ON CONFLICT (triage_id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at,
         send_at = excluded.send_at, status = 'pending', attempts = 0, claimed_by = NULL, claimed_at = NULL,
         error = NULL`,
      [r.triageId, r.userId, r.kind, r.dueAt, r.sendAt],
    );
  }

  async get(triageId: number): Promise<ReminderRow | undefined> {
    const { rows } = await this.h.raw<Record<string, unknown>>(
      'reminders_get',
      `SELECT ${ROW} FROM reminders r WHERE r.triage_id = $1`,
      [triageId],
    );
    return rows[0] ? row(rows[0]) : undefined;
  }

  async remove(triageId: number): Promise<void> {
    await this.h.raw('reminders_remove', 'DELETE FROM reminders WHERE triage_id = $1', [triageId]);
  }

  async turnOff(triageId: number): Promise<void> {
    await this.h.raw(
      'reminders_off',
      `UPDATE reminders SET status = 'off', nudged = true, claimed_by = NULL WHERE triage_id = $1`,
      [triageId],
    );
  }

  async forUser(userId: number): Promise<ListedReminder[]> {
    const { rows } = await this.h.raw<Record<string, unknown>>(
      'reminders_for_user',
      `SELECT ${ROW}, i.platform, i.inviter FROM reminders r
       JOIN triages t ON t.id = r.triage_id JOIN invitations i ON i.id = t.invitation_id
       WHERE r.user_id = $1 AND r.status IN ('pending', 'claimed', 'off')
       ORDER BY r.status = 'off', coalesce(r.send_at, r.due_at), r.triage_id`,
      [userId],
    );
    return rows.map(listed);
  }

  async reschedule(triageId: number, sendAt: number | null): Promise<void> {
    await this.h.raw(
      'reminders_reschedule',
      `UPDATE reminders SET send_at = $1 WHERE triage_id = $2 AND status = 'pending'`,
      [sendAt, triageId],
    );
  }

  async words(triageId: number): Promise<string> {
    const { rows } = await this.h.raw<{ text: string; context: string }>(
      'reminders_words',
      'SELECT i.text, i.context FROM triages t JOIN invitations i ON i.id = t.invitation_id WHERE t.id = $1',
      [triageId],
    );
    const r = rows[0];
    if (!r) return '';
    let relation = '';
    try {
      relation = String((JSON.parse(r.context) as { relation?: unknown }).relation ?? '');
    } catch {
      relation = '';
    }
    return `${r.text}\n${relation}`;
  }

  async releaseStale(staleBefore: number): Promise<number> {
    const r = await this.h.raw(
      'reminders_release',
      `UPDATE reminders SET status = 'pending', claimed_by = NULL WHERE status = 'claimed' AND claimed_at <= $1`,
      [staleBefore],
    );
    return r.rowCount ?? 0;
  }

  async dueRefs(now: number, providers: readonly string[], after: DueRef, limit: number): Promise<DueRef[]> {
    const { rows } = await this.h.raw<{ triage_id: unknown; user_id: unknown; send_at: unknown }>(
      'reminders_due_refs',
      `SELECT r.triage_id, r.user_id, r.send_at FROM reminders r JOIN users u ON u.id = r.user_id
       WHERE r.status = 'pending' AND r.send_at <= $1 AND (r.send_at, r.triage_id) > ($2, $3)
         AND u.provider = ANY($4::text[])
       ORDER BY r.send_at, r.triage_id LIMIT $5`,
      [now, after.sendAt, after.triageId, providers, limit],
    );
    return rows.map((r) => ({ triageId: num(r.triage_id), userId: num(r.user_id), sendAt: num(r.send_at) }));
  }

  /** One statement: the update claims, and the same statement reads what sending needs of the rows it took. */
  async take(triageIds: readonly number[], by: string, now: number): Promise<DueReminderRow[]> {
    if (triageIds.length === 0) return [];
    const { rows } = await this.h.raw<Record<string, unknown>>(
      'reminders_take',
      `WITH r AS (
         UPDATE reminders SET status = 'claimed', attempts = attempts + 1, claimed_by = $1, claimed_at = $2
         WHERE triage_id = ANY($3::int[]) AND status = 'pending' AND send_at <= $2
         RETURNING ${COLS.join(', ')})
       SELECT ${ROW}, i.platform, i.inviter, u.provider, u.workspace, u.external_id
       FROM r JOIN users u ON u.id = r.user_id
       JOIN triages t ON t.id = r.triage_id JOIN invitations i ON i.id = t.invitation_id
       ORDER BY r.send_at, r.triage_id`,
      [by, now, triageIds],
    );
    return rows.map((r) => ({
      ...listed(r),
      provider: String(r.provider),
      workspace: String(r.workspace),
      externalId: String(r.external_id),
    }));
  }

  async markSent(triageIds: readonly number[], by: string, now: number): Promise<number> {
    const r = await this.h.raw(
      'reminders_sent',
      `UPDATE reminders SET status = 'sent', sent_at = $1, error = NULL,
         nudged = CASE WHEN kind = 'unfinished' THEN true ELSE nudged END
       WHERE triage_id = ANY($2::int[]) AND status = 'claimed' AND claimed_by = $3`,
      [now, triageIds, by],
    );
    return r.rowCount ?? 0;
  }

  /** PostgreSQL's own background writer and checkpointer need no holding back. */
  async holdUpkeep(): Promise<void> {}

  async releaseUpkeep(): Promise<void> {}

  async markFailed(triageIds: readonly number[], by: string, error: string, next: number | null): Promise<number> {
    const r = await this.h.raw(
      'reminders_failed',
      `UPDATE reminders SET status = CASE WHEN $1::bigint IS NULL THEN 'failed' ELSE 'pending' END,
         send_at = coalesce($1::bigint, send_at), error = $2, claimed_by = NULL
       WHERE triage_id = ANY($3::int[]) AND status = 'claimed' AND claimed_by = $4`,
      [next, error.slice(0, 500), triageIds, by],
    );
    return r.rowCount ?? 0;
  }
}
