import { and, eq } from 'drizzle-orm';
import type { PolicyPort, PolicyRow, PolicyScope } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { policyOverrides as po } from './schema.js';

/** Policy overrides per scope, owner and platform, stored as JSON criteria, on PostgreSQL. */
export class PgPolicyStore implements PolicyPort {
  constructor(private readonly h: Handle) {}

  async get(scope: PolicyScope, owner: string, platform: string): Promise<string | undefined> {
    const [row] = await this.h.q
      .select({ criteria: po.criteria })
      .from(po)
      .where(and(eq(po.scope, scope), eq(po.owner, owner), eq(po.platform, platform)));
    return row?.criteria;
  }

  async set(scope: PolicyScope, owner: string, platform: string, criteria: string, at: number): Promise<void> {
    await this.h.q
      .insert(po)
      .values({ scope, owner, platform, criteria, updatedAt: at })
      .onConflictDoUpdate({ target: [po.scope, po.owner, po.platform], set: { criteria, updatedAt: at } });
  }

  async clear(scope: PolicyScope, owner: string, platform: string): Promise<void> {
    await this.h.q.delete(po).where(and(eq(po.scope, scope), eq(po.owner, owner), eq(po.platform, platform)));
  }

  /** A user's overrides go with the user: policy rows are keyed by owner, not by a foreign key. */
  async clearOwner(scope: PolicyScope, owner: string): Promise<void> {
    await this.h.q.delete(po).where(and(eq(po.scope, scope), eq(po.owner, owner)));
  }

  /** Read on every triage step: one prepared statement, the owners as two parallel arrays. */
  async forOwners(owners: readonly { scope: PolicyScope; owner: string }[]): Promise<PolicyRow[]> {
    if (owners.length === 0) return [];
    const { rows } = await this.h.raw<PolicyRow>(
      'policies_for_owners',
      `SELECT p.scope, p.owner, p.platform, p.criteria
       FROM unnest($1::text[], $2::text[]) AS o(scope, owner)
       JOIN policy_overrides p ON p.scope = o.scope AND p.owner = o.owner`,
      [owners.map((o) => o.scope), owners.map((o) => o.owner)],
    );
    return rows;
  }
}
