import type { HeldLock, LockPort } from '../../src/service/ports.js';

/**
 * Named locks in memory, shared by the adapters of one test as a database's advisory locks are shared by
 * instances. `kill` is what the server does when the holder's connection dies: the lock is free at once and
 * the holder learns it lost it.
 */
export class MemoryLocks implements LockPort {
  private readonly held = new Map<string, () => void>();

  async tryHold(name: string): Promise<HeldLock | null> {
    if (this.held.has(name)) return null;
    let markLost: () => void = () => undefined;
    const lost = new Promise<void>((resolve) => {
      markLost = resolve;
    });
    const free = () => {
      if (this.held.get(name) === free) this.held.delete(name);
      markLost();
    };
    this.held.set(name, free);
    return { lost, release: async () => free() };
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  kill(name: string): void {
    this.held.get(name)?.();
  }
}
