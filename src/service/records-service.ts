import type { Outcome } from '../core/criteria.js';
import { TriageError } from '../core/errors.js';
import { getPlatform, isPlatformId } from '../core/platforms.js';
import { toCsv, toJson } from './export.js';
import type { DecisionRecord, Stores } from './ports.js';
import type { ExportFile, HistoryItem, HistoryPage, UserRef } from './types.js';
import { toKey } from './user-key.js';

export const MAX_PAGE = 50;

/** Looking back over one user's records, exporting them, and deleting them all. */
export class RecordsService {
  constructor(private readonly stores: Stores) {}

  history(user: UserRef, page: { limit?: number; offset?: number } = {}): HistoryPage {
    const limit = clamp(page.limit ?? 10, 1, MAX_PAGE);
    const offset = clamp(page.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const userId = this.stores.users.ensure(toKey(user));
    const { rows, total } = this.stores.records.history(userId, limit, offset);
    return { items: rows.map(fromDecision), total, offset, limit };
  }

  /** Deferred invitations, then triages left unanswered: everything still waiting on the user. */
  pending(user: UserRef): HistoryItem[] {
    const userId = this.stores.users.ensure(toKey(user));
    const deferred = this.stores.records.deferred(userId).map(fromDecision);
    const open = this.stores.records.open(userId).map((r) => ({
      triageId: r.triageId,
      platform: r.platform && isPlatformId(r.platform) ? r.platform : null,
      platformName: r.platform && isPlatformId(r.platform) ? getPlatform(r.platform).name : 'Unknown network',
      inviter: r.inviter,
      outcome: null,
      decidedBy: null,
      explanation: null,
      at: r.updatedAt,
    }));
    return [...deferred, ...open];
  }

  export(user: UserRef, format: string): ExportFile {
    if (format !== 'csv' && format !== 'json') {
      throw new TriageError('bad_argument', 'Export as csv or json.');
    }
    const userId = this.stores.users.ensure(toKey(user));
    const data = this.stores.records.everything(userId);
    const identity = { provider: user.provider, workspace: user.workspace, user: user.userId };
    return format === 'csv'
      ? { filename: 'invite-triage.csv', contentType: 'text/csv', body: toCsv(data) }
      : { filename: 'invite-triage.json', contentType: 'application/json', body: toJson(identity, data) };
  }

  /** Deletes the user and everything they own, in one transaction. Returns how many triages went. */
  forget(user: UserRef): { triages: number } {
    const existing = this.stores.users.find(toKey(user));
    if (!existing) return { triages: 0 };
    return this.stores.triages.tx(() => {
      const triages = this.stores.records.everything(existing.id).triages.length;
      this.stores.policies.clearOwner('user', String(existing.id));
      this.stores.users.delete(existing.id);
      return { triages };
    });
  }
}

function fromDecision(r: DecisionRecord): HistoryItem {
  const platform = r.platform && isPlatformId(r.platform) ? r.platform : null;
  return {
    triageId: r.triageId,
    platform,
    platformName: platform ? getPlatform(platform).name : 'Unknown network',
    inviter: r.inviter,
    outcome: r.outcome as Outcome,
    decidedBy: r.decidedBy,
    explanation: r.explanation,
    at: r.decidedAt,
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
