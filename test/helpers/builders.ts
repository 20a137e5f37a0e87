import { serviceOver } from '../../src/compose.js';
import type { Invitation } from '../../src/core/invitation.js';
import type { PlatformId } from '../../src/core/platforms.js';
import { builtInPolicy } from '../../src/core/policy.js';
import type { Clock } from '../../src/core/ports.js';
import type { UserRef } from '../../src/core/user.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';

/** A clock that only moves when told to, so stored timestamps are predictable. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function fakeClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

/** A console user by default; override provider, workspace or id. */
export function aUser(overrides: Partial<UserRef> = {}): UserRef {
  return { provider: 'console', workspace: 'local', userId: 'u1', ...overrides };
}

/** An invitation as the parser might give it; platform and inviter known unless overridden. */
export function anInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return { platform: 'linkedin', inviter: 'Dana Kim', context: {}, confidence: 1, ...overrides };
}

/** The built-in policies, as the flow's policy lookup. */
export const builtIns = (platform: PlatformId) => builtInPolicy(platform);

/** A service over a fresh in-memory database with the real migrations. */
export function aService(clock: FakeClock = fakeClock()): { db: Db; service: Service; clock: FakeClock } {
  const db = openDatabase(':memory:');
  return { db, service: serviceOver(db, clock), clock };
}

const TABLES = ['users', 'invitations', 'triages', 'answers', 'decisions', 'policy_overrides'] as const;

/** Row counts of the tables a triage touches, to show that a failed call wrote nothing. */
export function rowCounts(db: Db): Record<(typeof TABLES)[number], number> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const t of TABLES) {
    out[t] = (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

/** Runs fn and returns the TriageError code it threw (or rejected with), or fails the test if it did not. */
export async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Error && err.name === 'TriageError') return (err as Error & { code: string }).code;
    throw err;
  }
  throw new Error('expected a TriageError, but the call succeeded');
}
