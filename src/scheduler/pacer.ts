import type { Clock } from '../core/ports.js';
import type { Provider } from '../core/user.js';

/** Spaces sends per provider and workspace, so a Monday morning burst stays within the platforms' rate limits. */
export interface Pacer {
  wait(provider: Provider, workspace: string): Promise<void>;
}

/**
 * Slack allows about one message per second per channel and Discord limits DM creation,
 * so both get a second between sends; the terminal needs none.
 */
export const DEFAULT_PACE_MS: Record<Provider, number> = { slack: 1000, discord: 1000, console: 0 };

/** Takes the next send slot for a key, shared by every instance on the database; returns when it is. */
export type SlotTaker = (key: string, gapMs: number, now: number) => Promise<number>;

/** Slack's limits are per workspace; Discord's DM limits are per bot, whatever server a user came from. */
export function paceKey(provider: Provider, workspace: string): string {
  return provider === 'slack' ? `slack:${workspace}` : provider;
}

/**
 * With `slots`, the pace is kept in the database, so K instances together send no faster than one; without it
 * (a single process, or tests), in memory.
 */
export function createPacer(
  clock: Clock,
  sleep: (ms: number) => Promise<void>,
  intervals: Partial<Record<Provider, number>> = {},
  slots: SlotTaker = memorySlots(),
): Pacer {
  return {
    async wait(provider, workspace) {
      const gap = intervals[provider] ?? DEFAULT_PACE_MS[provider];
      if (gap <= 0) return;
      const now = clock.now();
      const at = await slots(paceKey(provider, workspace), gap, now);
      if (at > now) await sleep(at - now);
    },
  };
}

/** The same slots, in this process only. */
export function memorySlots(): SlotTaker {
  const next = new Map<string, number>();
  return async (key, gap, now) => {
    const at = Math.max(next.get(key) ?? now, now);
    next.set(key, at + gap);
    return at;
  };
}
