import { lt } from 'drizzle-orm';
import type { SeenEventPort } from '../../service/ports.js';
import type { Handle } from './handle.js';
import { seenEvents } from './schema.js';

/** Keys of events already handled, shared by every instance on the database, so a retry does nothing twice. */
export class PgSeenEventStore implements SeenEventPort {
  constructor(private readonly h: Handle) {}

  /** Records the key; true the first time it is seen, false for a repeat (on whichever instance saw it). */
  async firstTime(key: string, at: number): Promise<boolean> {
    const r = await this.h.q.insert(seenEvents).values({ key, seenAt: at }).onConflictDoNothing();
    return r.rowCount === 1;
  }

  /** Drops keys older than `before`: platforms stop retrying within minutes. */
  async prune(before: number): Promise<number> {
    const r = await this.h.q.delete(seenEvents).where(lt(seenEvents.seenAt, before));
    return r.rowCount ?? 0;
  }
}
