import type { Logger } from '../core/logger.js';
import type { HeldLock, LockPort } from './ports.js';

export type { HeldLock, LockPort };

export interface CampaignOptions {
  /** Called once this process holds the lock: start what only one instance may run. */
  onElected: () => Promise<void>;
  /** Called when the lock is lost or the campaign stops: stop it, another instance will take over. */
  onDeposed: () => Promise<void>;
  log: Logger;
  /** How often a follower tries again. */
  retryMs?: number;
}

export interface Campaign {
  /**
   * Settles after the first try: once onElected has finished when this process won, at once when another holds
   * the lock. Rejects when the first onElected failed (a bad token, say), so a start can fail loudly.
   */
  ready: Promise<void>;
  /** Stops what onElected started (onDeposed), then lets go of the lock. */
  stop(): Promise<void>;
}

/**
 * Keeps trying to hold `name`; while held, the work started by onElected runs here and nowhere else.
 * A follower retries every few seconds, so when the leader dies another instance takes over within that.
 */
export function campaign(locks: LockPort, name: string, opts: CampaignOptions): Campaign {
  const retryMs = opts.retryMs ?? 5_000;
  const { log } = opts;
  let stopped = false;
  let leading: HeldLock | null = null;
  let wake: () => void = () => undefined;
  let signalStop: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => {
    signalStop = resolve;
  });
  let first = true;
  let settle: (err?: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = (err) => {
      if (!first) return;
      first = false;
      if (err) reject(err);
      else resolve();
    };
  });

  const depose = async () => {
    await opts.onDeposed().catch((err: unknown) => log.error('leadership: could not stop', { name, error: why(err) }));
  };

  /** One term as leader: until the lock is lost or the campaign stops. */
  const lead = async (lock: HeldLock) => {
    leading = lock;
    log.info('leadership: elected', { name });
    try {
      await opts.onElected();
    } catch (err) {
      log.error('leadership: could not start as leader', { name, error: why(err) });
      leading = null;
      await depose();
      await lock.release().catch(() => undefined);
      settle(err instanceof Error ? err : new Error(why(err)));
      return;
    }
    settle();
    await Promise.race([lock.lost, stopping]);
    // On stop, stop() itself deposes and releases.
    if (stopped) return;
    leading = null;
    log.warn('leadership: lost the lock', { name });
    await depose();
  };

  const loop = async () => {
    while (!stopped) {
      let lock: HeldLock | null = null;
      try {
        lock = await locks.tryHold(name);
      } catch (err) {
        log.warn('leadership: could not ask for the lock', { name, error: why(err) });
      }
      if (lock && stopped) await lock.release();
      else if (lock) await lead(lock);
      else settle();
      if (!stopped) await Promise.race([nap(), stopping]);
    }
  };
  const nap = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, retryMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const running = loop().catch((err: unknown) => log.error('leadership: stopped', { name, error: why(err) }));

  return {
    ready,
    async stop() {
      stopped = true;
      signalStop();
      wake();
      await running;
      settle();
      const lock = leading;
      leading = null;
      if (!lock) return;
      await depose();
      await lock.release().catch(() => undefined);
    },
  };
}

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** One process on an embedded database: always the leader. */
export const soleLeader: LockPort = {
  async tryHold() {
    return { lost: new Promise<void>(() => {}), release: async () => {} };
  },
};
