import { silentLogger } from '../../src/core/logger.js';
import type { Notifier } from '../../src/core/message.js';
import type { UserRef } from '../../src/core/user.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import type { ReminderTickDeps } from '../../src/scheduler/reminder-tick.js';
import type { Service } from '../../src/service/index.js';
import type { FakeClock } from '../helpers/builders.js';

/** Reminder tick dependencies with a fake clock whose sleep just moves time on. */
export function reminderDeps(
  service: Service,
  clock: FakeClock,
  notifiers: Notifier[],
  instance = 'test',
): ReminderTickDeps {
  return {
    reminders: service.reminders,
    notifiers,
    log: silentLogger,
    clock,
    instance,
    pacer: createPacer(clock, async (ms) => clock.advance(ms)),
  };
}

/** Defers a LinkedIn invitation through the real flow ("Not yet, a call is planned"); its triage id. */
export async function deferWith(service: Service, user: UserRef, text: string): Promise<number> {
  // Several deferrals of one person: each a new triage, not the repeat notice.
  const v = await service.triage.startFromText(user, text, { platform: 'linkedin', inviter: 'Dana Kim', again: true });
  if (v.step.kind !== 'question') throw new Error('expected a question');
  const done = await service.triage.answer(user, v.id, { questionId: v.step.question.id, choice: 'planned' });
  if (done.step.kind !== 'decision' || done.step.decision.outcome !== 'defer') throw new Error('expected a deferral');
  return v.id;
}
