import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { campaign, soleLeader } from '../src/service/leadership.js';
import { MemoryLocks } from './helpers/memory-locks.js';

const quiet = createLogger('error', () => {});

describe('a leadership campaign', () => {
  it('GIVEN the sole leader THEN it is elected at once, and stop deposes it and returns', async () => {
    const seen: string[] = [];
    const run = campaign(soleLeader, 'x', {
      onElected: async () => void seen.push('elected'),
      onDeposed: async () => void seen.push('deposed'),
      log: quiet,
    });
    await run.ready;
    await run.stop();
    expect(seen).toEqual(['elected', 'deposed']);
  });

  it('GIVEN the first term fails to start THEN ready rejects with why, and the lock is free for another instance', async () => {
    const locks = new MemoryLocks();
    const run = campaign(locks, 'x', {
      onElected: async () => {
        throw new Error('An invalid token was provided.');
      },
      onDeposed: async () => {},
      log: quiet,
      retryMs: 10_000,
    });
    await expect(run.ready).rejects.toThrow('An invalid token was provided.');
    expect(locks.isHeld('x')).toBe(false);
    await run.stop();
  });

  it('GIVEN another holds the lock THEN ready resolves as a follower, and it is elected once the lock is free', async () => {
    const locks = new MemoryLocks();
    const other = await locks.tryHold('x');
    let elected: () => void = () => {};
    const won = new Promise<void>((resolve) => {
      elected = resolve;
    });
    const run = campaign(locks, 'x', {
      onElected: async () => elected(),
      onDeposed: async () => {},
      log: quiet,
      retryMs: 10,
    });
    await run.ready;
    await other?.release();
    await won;
    expect(locks.isHeld('x')).toBe(true);
    await run.stop();
    expect(locks.isHeld('x')).toBe(false);
  });
});
