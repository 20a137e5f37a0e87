import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { WorkspacePort, WorkspacePurge } from '../service/ports.js';
import type { Db } from './db.js';
import { policyOverrides, seenEvents, sendPacing, slackInstallations, teamGuidance, users } from './schema.js';
import type { Sync } from './sync.js';
import { type KeyMatch, workspaceKeys } from './workspace-keys.js';

/** Deletes one chat workspace's data (an uninstall): its users with all they own, and its team-level rows. */
export class WorkspaceStore implements Sync<WorkspacePort> {
  constructor(private readonly db: Db) {}

  purge(p: WorkspacePurge): { users: number } {
    const k = workspaceKeys(p);
    const match = (col: SQLiteColumn, key: KeyMatch): SQL =>
      key.prefix ? sql`substr(${col}, 1, ${key.value.length}) = ${key.value}` : eq(col, key.value);
    const gone = this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.provider, p.provider), match(users.workspace, k.users)))
      .all()
      .map((r) => String(r.id));
    const own = gone.length ? and(eq(policyOverrides.scope, 'user'), inArray(policyOverrides.owner, gone)) : sql`0`;
    const team = and(eq(policyOverrides.scope, 'team'), match(policyOverrides.owner, k.team));
    this.db.delete(policyOverrides).where(or(own, team)).run();
    this.db.delete(teamGuidance).where(match(teamGuidance.team, k.team)).run();
    this.db.delete(sendPacing).where(match(sendPacing.key, k.team)).run();
    this.db.delete(seenEvents).where(match(seenEvents.key, k.events)).run();
    if (k.installations) this.db.delete(slackInstallations).where(match(slackInstallations.key, k.installations)).run();
    // Foreign keys cascade from users to invitations, triages, answers, decisions, time, budgets and claims.
    const removed = this.db
      .delete(users)
      .where(and(eq(users.provider, p.provider), match(users.workspace, k.users)))
      .run().changes;
    return { users: removed };
  }
}
