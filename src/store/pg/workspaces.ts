import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { WorkspacePort, WorkspacePurge } from '../../service/ports.js';
import { type KeyMatch, workspaceKeys } from '../workspace-keys.js';
import type { Handle } from './handle.js';
import { policyOverrides, seenEvents, sendPacing, slackInstallations, teamGuidance, users } from './schema.js';

const match = (col: PgColumn, key: KeyMatch): SQL =>
  key.prefix ? sql`substr(${col}, 1, ${key.value.length}) = ${key.value}` : eq(col, key.value);

/** Deletes one chat workspace's data (an uninstall) on PostgreSQL: its users with all they own, and its team rows. */
export class PgWorkspaceStore implements WorkspacePort {
  constructor(private readonly h: Handle) {}

  async purge(p: WorkspacePurge): Promise<{ users: number }> {
    const k = workspaceKeys(p);
    const q = this.h.q;
    const whose = and(eq(users.provider, p.provider), match(users.workspace, k.users));
    const gone = (await q.select({ id: users.id }).from(users).where(whose)).map((r) => String(r.id));
    const own = gone.length ? and(eq(policyOverrides.scope, 'user'), inArray(policyOverrides.owner, gone)) : sql`false`;
    const team = and(eq(policyOverrides.scope, 'team'), match(policyOverrides.owner, k.team));
    await q.delete(policyOverrides).where(or(own, team));
    await q.delete(teamGuidance).where(match(teamGuidance.team, k.team));
    await q.delete(sendPacing).where(match(sendPacing.key, k.team));
    await q.delete(seenEvents).where(match(seenEvents.key, k.events));
    if (k.installations) await q.delete(slackInstallations).where(match(slackInstallations.key, k.installations));
    // Foreign keys cascade from users to invitations, triages, answers, decisions, time, budgets and claims.
    const removed = await q.delete(users).where(whose).returning({ id: users.id });
    return { users: removed.length };
  }
}
