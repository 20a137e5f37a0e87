import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PolicyPort, PolicyRow, PolicyScope } from '../service/ports.js';
import type { Db } from './db.js';
import { policyOverrides } from './schema.js';
import type { Sync } from './sync.js';

export type { PolicyScope } from '../service/ports.js';

const ROW = {
  scope: policyOverrides.scope,
  owner: policyOverrides.owner,
  platform: policyOverrides.platform,
  criteria: policyOverrides.criteria,
};

/** Policy overrides per scope, owner and platform, stored as JSON criteria. */
export class PolicyStore implements Sync<PolicyPort> {
  /** Read on every triage start, so prepared once. */
  private readonly byKey;
  /** A user's and their team's overrides: loaded before every flow step, so prepared once. */
  private readonly ofTwo;

  constructor(private readonly db: Db) {
    this.byKey = db
      .select({ criteria: policyOverrides.criteria })
      .from(policyOverrides)
      .where(
        and(
          eq(policyOverrides.scope, sql.placeholder('scope')),
          eq(policyOverrides.owner, sql.placeholder('owner')),
          eq(policyOverrides.platform, sql.placeholder('platform')),
        ),
      )
      .prepare();
    const owner = (n: number) =>
      and(eq(policyOverrides.scope, sql.placeholder(`s${n}`)), eq(policyOverrides.owner, sql.placeholder(`o${n}`)));
    this.ofTwo = db
      .select(ROW)
      .from(policyOverrides)
      .where(or(owner(0), owner(1)))
      .prepare();
  }

  forOwners(owners: readonly { scope: PolicyScope; owner: string }[]): PolicyRow[] {
    const [a, b] = owners;
    if (owners.length === 2 && a && b) {
      return this.ofTwo.all({ s0: a.scope, o0: a.owner, s1: b.scope, o1: b.owner }) as PolicyRow[];
    }
    if (owners.length === 0) return [];
    const match: SQL[] = owners.map(
      (o) => and(eq(policyOverrides.scope, o.scope), eq(policyOverrides.owner, o.owner)) as SQL,
    );
    return this.db
      .select(ROW)
      .from(policyOverrides)
      .where(or(...match))
      .all() as PolicyRow[];
  }

  get(scope: PolicyScope, owner: string, platform: string): string | undefined {
    return this.byKey.get({ scope, owner, platform })?.criteria;
  }

  set(scope: PolicyScope, owner: string, platform: string, criteria: string, at: number): void {
    this.db
      .insert(policyOverrides)
      .values({ scope, owner, platform, criteria, updatedAt: at })
      .onConflictDoUpdate({
        target: [policyOverrides.scope, policyOverrides.owner, policyOverrides.platform],
        set: { criteria, updatedAt: at },
      })
      .run();
  }

  clear(scope: PolicyScope, owner: string, platform: string): void {
    this.db
      .delete(policyOverrides)
      .where(
        and(eq(policyOverrides.scope, scope), eq(policyOverrides.owner, owner), eq(policyOverrides.platform, platform)),
      )
      .run();
  }

  /** A user's overrides go with the user: policy rows are keyed by owner, not by a foreign key. */
  clearOwner(scope: PolicyScope, owner: string): void {
    this.db
      .delete(policyOverrides)
      .where(and(eq(policyOverrides.scope, scope), eq(policyOverrides.owner, owner)))
      .run();
  }
}
