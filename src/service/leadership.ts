import type { Logger } from '../core/logger.js';
import type { HeldLock, LockPort } from './ports.js';

export type { HeldLock, LockPort };

export interface CampaignOptions {
  /** Called once this process holds the lock: start what only one instance may run. */
  onElected: () => Promise<void>;
  /** Called when the lock is lost: stop it, another instance will take over. */
  onDeposed: () => Promise<void>;
  log: Logger;
  /** How often a follower tries again. */
  retryMs?: number;
}

export interface Campaign {
  stop(): Promise<void>;
}

/**
 * Keeps trying to hold `name`; while held, the work started by onElected runs here and nowhere else.
 * A follower retries every few seconds, so when the leader dies another instance takes over within that.
 */
export function campaign(locks: LockPort, name: string, opts: CampaignOptions): Campaign {
  const retryMs = opts.retryMs ?? 5_000;
  let stopped = false;
  let held: HeldLock | null = null;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;

  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, retryMs);
    });

  const loop = async () => {
    while (!stopped) {
      try {
        held = await locks.tryHold(name);
      } catch (err) {
        opts.log.warn('leadership: could not ask for the lock', { name, error: String(err) });
        held = null;
      }
      if (held && !stopped) {
        opts.log.info('leadership: elected', { name });
        await opts.onElected();
        await held.lost;
        if (stopped) return;
        held = null;
        opts.log.warn('leadership: lost the lock', { name });
        await opts.onDeposed();
      }
      if (!stopped) await sleep();
    }
  };
  const running = loop().catch((err: unknown) => opts.log.error('leadership: stopped', { name, error: String(err) }));

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      const lock = held as HeldLock | null;
      held = null;
      await lock?.release();
      await running;
    },
  };
}

/** One process on an embedded database: always the leader. */
export const soleLeader: LockPort = {
  async tryHold() {
    return { lost: new Promise<void>(() => {}), release: async () => {} };
  },
};
