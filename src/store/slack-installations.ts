import { desc, eq, sql } from 'drizzle-orm';
import type { InstallationPort } from '../service/ports.js';
import type { Db } from './db.js';
import { slackInstallations } from './schema.js';
import type { Sync } from './sync.js';

/** Slack OAuth installations as JSON, one row per enterprise or team key. */
export class SlackInstallationRows implements Sync<InstallationPort> {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    return this.db
      .select({ data: slackInstallations.data })
      .from(slackInstallations)
      .where(eq(slackInstallations.key, key))
      .get()?.data;
  }

  put(key: string, data: string, at: number): void {
    this.db
      .insert(slackInstallations)
      .values({ key, data, updatedAt: at })
      .onConflictDoUpdate({ target: slackInstallations.key, set: { data, updatedAt: at } })
      .run();
  }

  delete(key: string): void {
    this.db.delete(slackInstallations).where(eq(slackInstallations.key, key)).run();
  }

  firstWithPrefix(prefix: string): string | undefined {
    return this.db
      .select({ data: slackInstallations.data })
      .from(slackInstallations)
      .where(sql`substr(${slackInstallations.key}, 1, ${prefix.length}) = ${prefix}`)
      .orderBy(desc(slackInstallations.updatedAt))
      .limit(1)
      .get()?.data;
  }
}
