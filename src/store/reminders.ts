import type {
  DueRef,
  DueReminderRow,
  ListedReminder,
  NewReminder,
  ReminderPort,
  ReminderRow,
} from '../service/ports.js';
import type { Db } from './db.js';
import type { Sync } from './sync.js';

const ROW = `r.triage_id AS triageId, r.user_id AS userId, r.kind, r.due_at AS dueAt, r.send_at AS sendAt, r.status,
  r.attempts, r.sent_at AS sentAt, r.nudged`;

type Raw = Omit<ReminderRow, 'nudged'> & { nudged: number };
const fromRaw = <T extends Raw>(r: T) => ({ ...r, nudged: r.nudged === 1 });

/**
 * Held checkpoints, per connection (several store sets may share one): a tick's claims and records each commit,
 * and the default checkpoint every 1,000 pages of log would wait on the disk some fifty times in a large tick.
 */
const holds = new WeakMap<Db['$client'], { depth: number; every: number }>();

/**
 * The reminders table: one row per triage, which is also the reminder's claim. A row is taken (claimed) by an
 * update that succeeds only while it is still pending, in an immediate transaction, so restarts and several
 * processes on one database file send each reminder once.
 */
export class ReminderStore implements Sync<ReminderPort> {
  private readonly upsert;
  private readonly one;
  private readonly drop;
  private readonly off;
  private readonly listed;
  private readonly move;
  private readonly text;
  private readonly release;
  private readonly refs;
  private readonly taken;
  private readonly grab;
  private readonly sent;
  private readonly failed;

  constructor(private readonly db: Db) {
    const c = db.$client;
    this.upsert = c.prepare(
      `INSERT INTO reminders (triage_id, user_id, kind, due_at, send_at, status, attempts)
       VALUES (@triageId, @userId, @kind, @dueAt, @sendAt, 'pending', 0)
       ON CONFLICT (triage_id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at,
         send_at = excluded.send_at, status = 'pending', attempts = 0, claimed_by = NULL, claimed_at = NULL,
         error = NULL`,
    );
    this.one = c.prepare<[number], Raw>(`SELECT ${ROW} FROM reminders r WHERE r.triage_id = ?`);
    this.drop = c.prepare<[number]>('DELETE FROM reminders WHERE triage_id = ?');
    this.off = c.prepare<[number]>(
      `UPDATE reminders SET status = 'off', nudged = 1, claimed_by = NULL WHERE triage_id = ?`,
    );
    this.listed = c.prepare<[number], Raw & { platform: string | null; inviter: string | null }>(
      `SELECT ${ROW}, i.platform, i.inviter FROM reminders r
       JOIN triages t ON t.id = r.triage_id JOIN invitations i ON i.id = t.invitation_id
       WHERE r.user_id = ? AND r.status IN ('pending', 'claimed', 'off')
       ORDER BY r.status = 'off', coalesce(r.send_at, r.due_at), r.triage_id`,
    );
    this.move = c.prepare<[number | null, number]>(
      `UPDATE reminders SET send_at = ? WHERE triage_id = ? AND status = 'pending'`,
    );
    this.text = c.prepare<[number], { text: string; context: string }>(
      `SELECT i.text, i.context FROM triages t JOIN invitations i ON i.id = t.invitation_id WHERE t.id = ?`,
    );
    this.release = c.prepare<[number]>(
      `UPDATE reminders SET status = 'pending', claimed_by = NULL WHERE status = 'claimed' AND claimed_at <= ?`,
    );
    this.refs = c.prepare<[number, number, number, string, number], DueRef>(
      `SELECT r.triage_id AS triageId, r.user_id AS userId, r.send_at AS sendAt
       FROM reminders r INDEXED BY reminders_pending JOIN users u ON u.id = r.user_id
       WHERE r.status = 'pending' AND r.send_at <= ? AND (r.send_at, r.triage_id) > (?, ?)
         AND u.provider IN (SELECT value FROM json_each(?))
       ORDER BY r.send_at, r.triage_id LIMIT ?`,
    );
    this.taken = c.prepare<[string], DueRaw>(
      `SELECT ${ROW}, i.platform, i.inviter, u.provider, u.workspace, u.external_id AS externalId
       FROM reminders r JOIN users u ON u.id = r.user_id
       JOIN triages t ON t.id = r.triage_id JOIN invitations i ON i.id = t.invitation_id
       WHERE r.triage_id IN (SELECT value FROM json_each(?)) ORDER BY r.send_at, r.triage_id`,
    );
    this.grab = c.prepare<[{ by: string; now: number; ids: string }], { triageId: number; attempts: number }>(
      `UPDATE reminders SET status = 'claimed', attempts = attempts + 1, claimed_by = @by, claimed_at = @now
       WHERE triage_id IN (SELECT value FROM json_each(@ids)) AND status = 'pending' AND send_at <= @now
       RETURNING triage_id AS triageId, attempts`,
    );
    this.sent = c.prepare(
      `UPDATE reminders SET status = 'sent', sent_at = @now, error = NULL,
         nudged = CASE WHEN kind = 'unfinished' THEN 1 ELSE nudged END
       WHERE triage_id IN (SELECT value FROM json_each(@ids)) AND status = 'claimed' AND claimed_by = @by`,
    );
    this.failed = c.prepare(
      `UPDATE reminders SET status = CASE WHEN @next IS NULL THEN 'failed' ELSE 'pending' END,
         send_at = coalesce(@next, send_at), error = @error, claimed_by = NULL
       WHERE triage_id IN (SELECT value FROM json_each(@ids)) AND status = 'claimed' AND claimed_by = @by`,
    );
  }

  set(r: NewReminder): void {
    this.upsert.run(r);
  }

  get(triageId: number): ReminderRow | undefined {
    const r = this.one.get(triageId);
    return r && fromRaw(r);
  }

  remove(triageId: number): void {
    this.drop.run(triageId);
  }

  turnOff(triageId: number): void {
    this.off.run(triageId);
  }

  forUser(userId: number): ListedReminder[] {
    return this.listed.all(userId).map(fromRaw);
  }

  reschedule(triageId: number, sendAt: number | null): void {
    this.move.run(sendAt, triageId);
  }

  words(triageId: number): string {
    const r = this.text.get(triageId);
    if (!r) return '';
    let relation = '';
    try {
      relation = String((JSON.parse(r.context) as { relation?: unknown }).relation ?? '');
    } catch {
      relation = '';
    }
    return `${r.text}\n${relation}`;
  }

  releaseStale(staleBefore: number): number {
    return this.release.run(staleBefore).changes;
  }

  dueRefs(now: number, providers: readonly string[], after: DueRef, limit: number): DueRef[] {
    return this.refs.all(now, after.sendAt, after.triageId, JSON.stringify(providers), limit);
  }

  take(triageIds: readonly number[], by: string, now: number): DueReminderRow[] {
    if (triageIds.length === 0) return [];
    // The rows are read inside the claim's transaction: exactly those this claim took, as they are now.
    return this.db.$client
      .transaction(() => {
        const won = this.grab.all({ by, now, ids: JSON.stringify(triageIds) });
        return won.length === 0 ? [] : this.taken.all(JSON.stringify(won.map((r) => r.triageId)));
      })
      .immediate()
      .map(fromRaw);
  }

  markSent(triageIds: readonly number[], by: string, now: number): number {
    return this.sent.run({ ids: JSON.stringify(triageIds), by, now }).changes;
  }

  holdUpkeep(): void {
    const c = this.db.$client;
    const held = holds.get(c) ?? { depth: 0, every: 0 };
    if (held.depth === 0) {
      held.every = c.pragma('wal_autocheckpoint', { simple: true }) as number;
      c.pragma('wal_autocheckpoint = 0');
    }
    held.depth++;
    holds.set(c, held);
  }

  releaseUpkeep(): void {
    const c = this.db.$client;
    const held = holds.get(c);
    if (!held || held.depth === 0) return;
    held.depth--;
    if (held.depth > 0) return;
    c.pragma(`wal_autocheckpoint = ${held.every}`);
    // Passive: readers in other processes are not waited for; what they still use goes at the next checkpoint.
    c.pragma('wal_checkpoint(PASSIVE)');
  }

  markFailed(triageIds: readonly number[], by: string, error: string, next: number | null): number {
    return this.failed.run({ ids: JSON.stringify(triageIds), by, error: error.slice(0, 500), next }).changes;
  }
}

type DueRaw = Raw & { platform: string | null; inviter: string | null } & {
  provider: string;
  workspace: string;
  externalId: string;
};
