import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Outcome } from '../../src/core/criteria.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Notifier, OutboundMessage, OutboundTag } from '../../src/core/message.js';
import type { Provider, UserRef } from '../../src/core/user.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import type { TickDeps } from '../../src/scheduler/tick.js';
import type { Service } from '../../src/service/index.js';
import type { FakeClock } from '../helpers/builders.js';

/** A database file of its own, and a way to delete it with its WAL files. */
export function tempDbFile(): { path: string; remove: () => void } {
  const path = join(tmpdir(), `digest-test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  return {
    path,
    remove: () => {
      for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
    },
  };
}

/** Triages an invitation through the real flow until it ends in `outcome`. */
export async function decide(
  service: Service,
  user: UserRef,
  platform: string,
  outcome: Outcome,
  inviter = 'Dana Kim',
): Promise<number> {
  // `again`: the same person may be decided more than once here, where a user would be offered the repeat.
  let v = await service.triage.startFromText(user, `${platform} invitation from ${inviter}`, {
    platform: platform as never,
    inviter,
    again: true,
  });
  while (v.step.kind === 'question') {
    const q = v.step.question;
    const pick =
      q.choices.find((c) => c.result === outcome) ?? q.choices.find((c) => c.result === 'pass') ?? q.choices[0];
    v = await service.triage.answer(user, v.id, { questionId: q.id, choice: pick?.id ?? 'yes' });
  }
  if (v.step.decision.outcome !== outcome) throw new Error(`wanted ${outcome}, got ${v.step.decision.outcome}`);
  return v.id;
}

export interface Delivery {
  user: UserRef;
  message: OutboundMessage;
  tag?: OutboundTag;
  at: number;
}

/**
 * A notifier that records what it delivers, and answers `delivered` from that record as a platform's DM history
 * would. `failures` says how many times to fail per user id first; `beforeSend` runs at the start of each send.
 */
export function recordingNotifier(
  provider: Provider,
  clock: FakeClock,
  opts: {
    failures?: Record<string, number>;
    delayMs?: number;
    beforeSend?: (user: UserRef) => unknown;
  } = {},
): Notifier & { sent: Delivery[]; attempts: number; checks: number } {
  const left = { ...(opts.failures ?? {}) };
  const n = {
    provider,
    sent: [] as Delivery[],
    attempts: 0,
    checks: 0,
    async delivered(user: UserRef, tag: OutboundTag) {
      n.checks++;
      const tags = n.sent.filter((d) => d.user.userId === user.userId).map((d) => d.tag);
      if ('week' in tag) return tags.some((t) => t && 'week' in t && t.week === tag.week);
      const keys = new Set(tags.flatMap((t) => (t && 'reminders' in t ? t.reminders : [])));
      return tag.reminders.every((k) => keys.has(k));
    },
    async send(user: UserRef, message: OutboundMessage, tag?: OutboundTag) {
      n.attempts++;
      await opts.beforeSend?.(user);
      // A real wait lets two schedulers interleave, as two processes would.
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if ((left[user.userId] ?? 0) > 0) {
        left[user.userId] = (left[user.userId] ?? 0) - 1;
        throw new Error('platform said no');
      }
      n.sent.push({ user, message, ...(tag ? { tag } : {}), at: clock.now() });
    },
  };
  return n;
}

/** Tick dependencies with a fake clock whose sleep just moves time on. */
export function tickDeps(service: Service, clock: FakeClock, notifiers: Notifier[], instance = 'test'): TickDeps {
  const sleep = async (ms: number) => clock.advance(ms);
  return {
    digest: service.digest,
    notifiers,
    log: silentLogger,
    clock,
    instance,
    defaultTimeZone: 'UTC',
    pacer: createPacer(clock, sleep),
  };
}

export const slackUser = (id: string): UserRef => ({ provider: 'slack', workspace: 'E1:T1', userId: id });
