import { and, eq } from 'drizzle-orm';
import type { UserBrief, UserKey, UserPort, UserRow } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { users } from './schema.js';

const byKey = (key: UserKey) =>
  and(eq(users.provider, key.provider), eq(users.workspace, key.workspace), eq(users.externalId, key.externalId));

/** Users by identity, on PostgreSQL. Ids are not cached: another instance may forget a user at any time. */
export class PgUserStore implements UserPort {
  /** `now` dates new users, so a digest never reports on a week before the user existed. */
  constructor(
    private readonly h: Handle,
    private readonly now: () => number,
  ) {}

  async ensure(key: UserKey): Promise<number> {
    return (await this.ensureWithPrefs(key)).id;
  }

  /** The user's id, preferences (JSON) and time zone, creating the user on first sight. */
  async ensureWithPrefs(key: UserKey): Promise<UserBrief> {
    const found = await this.identity(key);
    if (found) return found;
    // Another instance may create the same user at the same moment: the unique identity lets one insert win.
    const [made] = await this.h.q
      .insert(users)
      .values({ ...key, createdAt: this.now() })
      .onConflictDoNothing()
      .returning({ id: users.id, prefs: users.prefs, timezone: users.timezone });
    const row = made ?? (await this.identity(key));
    if (!row) throw new Error('user insert failed');
    return row;
  }

  /** Read on every call into the service, so a prepared statement. */
  private async identity(key: UserKey): Promise<UserBrief | undefined> {
    const { rows } = await this.h.raw<UserBrief>(
      'users_brief',
      'SELECT id, prefs, timezone FROM users WHERE provider = $1 AND workspace = $2 AND external_id = $3',
      [key.provider, key.workspace, key.externalId],
    );
    return rows[0];
  }

  async find(key: UserKey): Promise<UserRow | undefined> {
    const [row] = await this.h.q.select().from(users).where(byKey(key));
    return row;
  }

  async get(id: number): Promise<UserRow | undefined> {
    const [row] = await this.h.q.select().from(users).where(eq(users.id, id));
    return row;
  }

  async update(id: number, patch: { timezone?: string | null; prefs?: string }): Promise<void> {
    if (Object.values(patch).every((v) => v === undefined)) return;
    await this.h.q.update(users).set(patch).where(eq(users.id, id));
  }

  /** Deletes the user; foreign keys cascade to everything they own. */
  async delete(id: number): Promise<void> {
    await this.h.q.delete(users).where(eq(users.id, id));
  }
}
