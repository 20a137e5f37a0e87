import { lt } from 'drizzle-orm';
import type { SeenEventPort } from '../service/ports.js';
import type { Db } from './db.js';
import { seenEvents } from './schema.js';
import type { Sync } from './sync.js';

/** Keys of events already handled, so a platform's retry does nothing twice. */
export class SeenEventStore implements Sync<SeenEventPort> {
  constructor(private readonly db: Db) {}

  /** Records the key; true the first time it is seen, false for a repeat. */
  firstTime(key: string, at: number): boolean {
    const result = this.db.insert(seenEvents).values({ key, seenAt: at }).onConflictDoNothing().run();
    return result.changes === 1;
  }

  /** Drops keys older than `before`: platforms stop retrying within minutes. */
  prune(before: number): number {
    return this.db.delete(seenEvents).where(lt(seenEvents.seenAt, before)).run().changes;
  }
}
