import { sql } from 'drizzle-orm';
import type { PacingPort } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { sendPacing } from './schema.js';

/** Send slots in one row per key, moved forward atomically, so every instance on the database keeps one pace. */
export class PgPacingStore implements PacingPort {
  constructor(private readonly h: Handle) {}

  async reserve(key: string, gapMs: number, now: number): Promise<number> {
    const [row] = await this.h.q
      .insert(sendPacing)
      .values({ key, nextAt: now + gapMs })
      .onConflictDoUpdate({
        target: sendPacing.key,
        set: { nextAt: sql`greatest(${sendPacing.nextAt}, ${now}::bigint) + ${gapMs}::bigint` },
      })
      .returning({ nextAt: sendPacing.nextAt });
    return (row?.nextAt ?? now + gapMs) - gapMs;
  }
}
