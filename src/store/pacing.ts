import { sql } from 'drizzle-orm';
import type { PacingPort } from '../service/ports.js';
import type { Db } from './db.js';
import { sendPacing } from './schema.js';
import type { Sync } from './sync.js';

/** Send slots in one row per key, moved forward atomically, so every process sharing the file keeps one pace. */
export class PacingStore implements Sync<PacingPort> {
  constructor(private readonly db: Db) {}

  reserve(key: string, gapMs: number, now: number): number {
    const row = this.db
      .insert(sendPacing)
      .values({ key, nextAt: now + gapMs })
      .onConflictDoUpdate({
        target: sendPacing.key,
        set: { nextAt: sql`max(${sendPacing.nextAt}, ${now}) + ${gapMs}` },
      })
      .returning({ nextAt: sendPacing.nextAt })
      .get();
    return (row?.nextAt ?? now + gapMs) - gapMs;
  }
}
