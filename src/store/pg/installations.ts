import { desc, eq, sql } from 'drizzle-orm';
import type { InstallationPort } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { slackInstallations as si } from './schema.js';

/** Slack OAuth installations as JSON, one row per enterprise or team key, on PostgreSQL. */
export class PgInstallationStore implements InstallationPort {
  constructor(private readonly h: Handle) {}

  async get(key: string): Promise<string | undefined> {
    const [row] = await this.h.q.select({ data: si.data }).from(si).where(eq(si.key, key));
    return row?.data;
  }

  async put(key: string, data: string, at: number): Promise<void> {
    await this.h.q
      .insert(si)
      .values({ key, data, updatedAt: at })
      .onConflictDoUpdate({ target: si.key, set: { data, updatedAt: at } });
  }

  async delete(key: string): Promise<void> {
    await this.h.q.delete(si).where(eq(si.key, key));
  }

  async firstWithPrefix(prefix: string): Promise<string | undefined> {
    const [row] = await this.h.q
      .select({ data: si.data })
      .from(si)
      .where(sql`substr(${si.key}, 1, ${prefix.length}) = ${prefix}`)
      .orderBy(desc(si.updatedAt))
      .limit(1);
    return row?.data;
  }
}
