import { and, eq, sql } from 'drizzle-orm';
import type { UserBrief, UserKey, UserPort, UserRow } from '../service/ports.js';
import type { Db } from './db.js';
import { users } from './schema.js';
import type { Sync } from './sync.js';

export type { UserKey, UserRow } from '../service/ports.js';

/** Users by identity. Ids are not cached: another process may forget a user at any time. */
export class UserStore implements Sync<UserPort> {
  private readonly upsert;
  private readonly byIdentity;
  private readonly wholeByIdentity;
  private readonly byId;

  /** `now` dates new users, so a digest never reports on a week before the user existed. */
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.upsert = db
      .insert(users)
      .values({
        provider: sql.placeholder('provider'),
        workspace: sql.placeholder('workspace'),
        externalId: sql.placeholder('externalId'),
        createdAt: sql.placeholder('createdAt'),
      })
      .onConflictDoNothing()
      .prepare();
    this.byIdentity = db
      .select({ id: users.id, prefs: users.prefs, timezone: users.timezone })
      .from(users)
      .where(
        and(
          eq(users.provider, sql.placeholder('provider')),
          eq(users.workspace, sql.placeholder('workspace')),
          eq(users.externalId, sql.placeholder('externalId')),
        ),
      )
      .prepare();
    // Prepared once: these run on every command, and preparing costs more than running them.
    this.wholeByIdentity = db
      .select()
      .from(users)
      .where(
        and(
          eq(users.provider, sql.placeholder('provider')),
          eq(users.workspace, sql.placeholder('workspace')),
          eq(users.externalId, sql.placeholder('externalId')),
        ),
      )
      .prepare();
    this.byId = db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare();
  }

  /** The user's id, creating the user on first sight. */
  ensure(key: UserKey): number {
    return this.ensureWithPrefs(key).id;
  }

  /** The user's id, preferences (JSON) and time zone, creating the user on first sight. */
  ensureWithPrefs(key: UserKey): UserBrief {
    let row = this.byIdentity.get({ ...key });
    if (!row) {
      this.upsert.run({ ...key, createdAt: this.now() });
      row = this.byIdentity.get({ ...key });
    }
    if (!row) throw new Error('user insert failed');
    return row;
  }

  find(key: UserKey): UserRow | undefined {
    return this.wholeByIdentity.get({ ...key });
  }

  get(id: number): UserRow | undefined {
    return this.byId.get({ id });
  }

  all(): UserRow[] {
    return this.db.select().from(users).all();
  }

  update(id: number, patch: { timezone?: string | null; prefs?: string }): void {
    this.db.update(users).set(patch).where(eq(users.id, id)).run();
  }

  /** Deletes the user; foreign keys cascade to everything they own. */
  delete(id: number): void {
    this.db.delete(users).where(eq(users.id, id)).run();
  }
}
