import type { Clock } from '../core/ports.js';
import type { Provider } from '../core/user.js';

/** Spaces sends per provider, so a Monday morning burst stays within the platforms' rate limits. */
export interface Pacer {
  wait(provider: Provider): Promise<void>;
}

/**
 * Slack allows about one message per second per channel and Discord limits DM creation,
 * so both get a second between sends; the terminal needs none.
 */
export const DEFAULT_PACE_MS: Record<Provider, number> = { slack: 1000, discord: 1000, console: 0 };

export function createPacer(
  clock: Clock,
  sleep: (ms: number) => Promise<void>,
  intervals: Partial<Record<Provider, number>> = {},
): Pacer {
  const last = new Map<Provider, number>();
  return {
    async wait(provider) {
      const gap = intervals[provider] ?? DEFAULT_PACE_MS[provider];
      const previous = last.get(provider);
      if (gap > 0 && previous !== undefined) {
        const wait = previous + gap - clock.now();
        if (wait > 0) await sleep(wait);
      }
      last.set(provider, clock.now());
    },
  };
}
