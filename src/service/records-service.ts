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

  async history(user: UserRef, page: { limit?: number; offset?: number } = {}): Promise<HistoryPage> {
    const limit = clamp(page.limit ?? 10, 1, MAX_PAGE);
    const offset = clamp(page.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const userId = await this.stores.users.ensure(toKey(user));
    const { rows, total } = await this.stores.records.history(userId, limit, offset);
    return { items: rows.map(fromDecision), total, offset, limit };
  }

  /** Deferred invitations, then triages left unanswered: everything still waiting on the user. */
  async pending(user: UserRef): Promise<HistoryItem[]> {
    const userId = await this.stores.users.ensure(toKey(user));
    const deferred = (await this.stores.records.deferred(userId)).map(fromDecision);
    const open = (await this.stores.records.open(userId)).map((r) => ({
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

  async export(user: UserRef, format: string): Promise<ExportFile> {
    if (format !== 'csv' && format !== 'json') {
      throw new TriageError('bad_argument', 'Export as csv or json.');
    }
    // One transaction, so the tables are read as of one moment.
    const { data, row } = await this.stores.tx(async (s) => {
      const id = await s.users.ensure(toKey(user));
      return { data: await s.records.everything(id), row: await s.users.get(id) };
    });
    const identity = { provider: user.provider, workspace: user.workspace, user: user.userId };
    return format === 'csv'
      ? { filename: 'invite-triage.csv', contentType: 'text/csv', body: toCsv(data) }
      : { filename: 'invite-triage.json', contentType: 'application/json', body: toJson({ identity, row }, data) };
  }

  /**
   * Deletes the user and everything they own, in one transaction, then scrubs the files so none of it stays
   * readable on disk. Returns how many triages went.
   */
  async forget(user: UserRef): Promise<{ triages: number }> {
    const gone = await this.stores.tx(async (s) => {
      const existing = await s.users.find(toKey(user));
      if (!existing) return { triages: 0 };
      const triages = await s.records.triageCount(existing.id);
      await s.policies.clearOwner('user', String(existing.id));
      await s.users.delete(existing.id);
      return { triages };
    });
    await this.stores.scrub();
    return gone;
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
