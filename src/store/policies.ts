import { and, eq, sql } from 'drizzle-orm';
import type { PolicyPort, PolicyScope } from '../service/ports.js';
import type { Db } from './db.js';
import { policyOverrides } from './schema.js';

export type { PolicyScope } from '../service/ports.js';

/** Policy overrides per scope, owner and platform, stored as JSON criteria. */
export class PolicyStore implements PolicyPort {
  /** Read on every triage start, so prepared once. */
  private readonly byKey;

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
