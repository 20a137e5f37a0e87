import { hostname } from 'node:os';
import cron from 'node-cron';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/message.js';
import { type Clock, systemClock } from '../core/ports.js';
import type { Provider } from '../core/user.js';
import type { Service } from '../service/index.js';
import { machineTimeZone } from '../service/time-service.js';
import { createPacer } from './pacer.js';
import { runReminderTick } from './reminder-tick.js';
import { runDigestTick } from './tick.js';

export interface DigestSchedulerOptions {
  service: Service;
  /** One per running adapter (ChatAdapter.notifier); users of other providers wait until theirs runs. */
  notifiers: readonly Notifier[];
  log: Logger;
  /** Cron expression for the tick; every 15 minutes by default. */
  cron?: string;
  clock?: Clock;
  /** Zone for users who set none: the machine's by default, which is right for the terminal. */
  defaultTimeZone?: string;
  paceMs?: Partial<Record<Provider, number>>;
}

/** The running scheduler; stop() ends the cron task and lets a running tick finish its current send. */
export interface DigestScheduler {
  stop(): Promise<void>;
  /** Runs a tick now (also done once at start, to catch up after downtime). */
  tick(): Promise<void>;
}

/** The only place node-cron is used: a tick every 15 minutes sends the reminders and digests that are due. */
export function startDigestScheduler(opts: DigestSchedulerOptions): DigestScheduler {
  const clock = opts.clock ?? systemClock;
  const sleeps = new Set<() => void>();
  let stopped = false;
  let running: Promise<void> | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleeps.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleeps.add(done);
    });
  const deps = {
    digest: opts.service.digest,
    notifiers: opts.notifiers,
    log: opts.log,
    clock,
    instance: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    defaultTimeZone: opts.defaultTimeZone ?? machineTimeZone(),
    pacer: createPacer(clock, sleep, opts.paceMs, (key, gap, now) => opts.service.digest.sendSlot(key, gap, now)),
    stopped: () => stopped,
  };
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    // Overlapping ticks would be safe (claims), but wasteful: a long run simply continues. Reminders go
    // first, so a digest built in the same tick counts the ones just sent instead of listing them again.
    running ??= runReminderTick({ ...deps, reminders: opts.service.reminders }, clock.now())
      .then(() => undefined)
      .catch((err: unknown) => opts.log.error('reminder tick failed', { error: String(err) }))
      .then(() => runDigestTick(deps, clock.now()))
      .then(() => undefined)
      .catch((err: unknown) => opts.log.error('digest tick failed', { error: String(err) }))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule(opts.cron ?? '*/15 * * * *', () => tick(), { name: 'digest', noOverlap: true });
  setImmediate(() => void tick());
  return {
    tick,
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      for (const wake of [...sleeps]) wake();
      await running;
    },
  };
}
