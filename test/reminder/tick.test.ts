import { describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS } from '../../src/core/digest/claims.js';
import { whenLabel } from '../../src/core/reminder-view.js';
import { runReminderTick } from '../../src/scheduler/reminder-tick.js';
import { FIRST_RETRY_MS, MAX_ATTEMPTS } from '../../src/scheduler/tick.js';
import type { Service } from '../../src/service/index.js';
import { recordingNotifier, slackUser } from '../digest/world.js';
import { aService } from '../helpers/builders.js';
import { servicesOnOneFile } from '../helpers/one-file.js';
import { deferWith, reminderDeps } from './world.js';

// Wednesday 5 March 2025, 10:00 UTC (11:00 in Berlin).
const WED = Date.parse('2025-03-05T10:00:00Z');
// Friday 7 March, 17:00 in Berlin.
const FRI_1700_BERLIN = Date.parse('2025-03-07T16:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const { clock, connect, closeAll } = servicesOnOneFile(WED);

async function berliner(service: Service, id: string) {
  const u = slackUser(id);
  await service.settings.update(u, { timezone: 'Europe/Berlin' });
  return u;
}

describe('a deferral with a planned call', () => {
  it('GIVEN "after our call on Friday" THEN it is asked about again on Friday after the call, once', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    const id = await deferWith(service, u, 'LinkedIn request from Dana Kim, after our call on Friday');
    const listed = await service.reminders.list(u);
    expect(listed.items.map((i) => [i.triageId, i.kind, whenLabel(i.sendAt ?? 0, 'Europe/Berlin')])).toEqual([
      [id, 'deferred', 'Fri 7 Mar, 17:00'],
    ]);
    const slack = recordingNotifier('slack', clock);
    clock.set(FRI_1700_BERLIN - MINUTE);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    clock.set(FRI_1700_BERLIN);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
    clock.advance(15 * MINUTE);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    expect(slack.sent).toHaveLength(1);
    const m = slack.sent[0]?.message;
    expect(m?.summary).toContain('Dana Kim');
    expect(m?.actions.map((a) => [a.action, a.snooze ?? null, a.triageId])).toEqual([
      ['revise', null, id],
      ['snooze', 'tomorrow', id],
      ['snooze', 'week', id],
      ['snooze', 'monday', id],
      ['drop', null, id],
    ]);
    expect((await service.reminders.list(u)).items).toEqual([]);
  });

  it('GIVEN a restart and a second process THEN neither sends it again', async () => {
    const first = connect();
    const u = await berliner(first, 'U1');
    await deferWith(first, u, 'LinkedIn request from Dana Kim, after our call on Friday');
    const slack = recordingNotifier('slack', clock, { delayMs: 20 });
    clock.set(FRI_1700_BERLIN);
    const second = connect();
    const [a, b] = await Promise.all([
      runReminderTick(reminderDeps(first, clock, [slack], 'a'), clock.now()),
      runReminderTick(reminderDeps(second, clock, [slack], 'b'), clock.now()),
    ]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(1);
    closeAll();
    const third = connect();
    clock.advance(CLAIM_STALE_MS + HOUR);
    expect(await runReminderTick(reminderDeps(third, clock, [slack], 'c'), clock.now())).toMatchObject({ due: 0 });
    expect(slack.sent).toHaveLength(1);
  });

  it('GIVEN a failed delivery THEN it is retried with backoff, and another user is served meanwhile', async () => {
    const service = connect();
    const bad = await berliner(service, 'BAD');
    const good = await berliner(service, 'GOOD');
    await deferWith(service, bad, 'LinkedIn request from Dana Kim, after our call on Friday');
    await deferWith(service, good, 'LinkedIn request from Dana Kim, after our call on Friday');
    const slack = recordingNotifier('slack', clock, { failures: { BAD: 2 } });
    clock.set(FRI_1700_BERLIN);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({
      sent: 1,
      failed: 1,
    });
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['GOOD']);
    clock.advance(FIRST_RETRY_MS - MINUTE);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    clock.advance(2 * MINUTE);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ failed: 1 });
    // The second retry waits twice as long.
    clock.advance(FIRST_RETRY_MS + MINUTE);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    clock.advance(FIRST_RETRY_MS);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['GOOD', 'BAD']);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });

  it('GIVEN a process claimed and died THEN the claim is taken over once stale, and sent once', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    const id = await deferWith(service, u, 'after our call on Friday');
    clock.set(FRI_1700_BERLIN);
    expect((await service.reminders.take([id], 'dead', clock.now())).map((r) => r.triageId)).toEqual([id]);
    const slack = recordingNotifier('slack', clock);
    clock.advance(HOUR);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    clock.advance(CLAIM_STALE_MS);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
    expect(slack.sent).toHaveLength(1);
  });
});

describe('unfinished triages', () => {
  it('GIVEN a triage left half-answered THEN one nudge after 24 hours, never another', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    const v = await service.triage.startFromText(u, 'Facebook friend request from Sam Lee', { platform: 'facebook' });
    if (v.step.kind !== 'question') throw new Error('expected a question');
    const q = v.step.question;
    await service.triage.answer(u, v.id, { questionId: q.id, choice: 'no' });
    const slack = recordingNotifier('slack', clock);
    clock.advance(23 * HOUR);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    clock.advance(HOUR);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
    expect(slack.sent[0]?.message.sections[0]?.lines[0]).toContain('did not finish');
    // Touched again and left again: no second nudge.
    await service.triage.undo(u, v.id);
    clock.advance(48 * HOUR);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    expect(slack.sent).toHaveLength(1);
  });

  it('GIVEN the triage was finished in time THEN no nudge', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    const v = await service.triage.startFromText(u, 'LinkedIn request from Dana Kim', { platform: 'linkedin' });
    if (v.step.kind !== 'question') throw new Error('expected a question');
    await service.triage.answer(u, v.id, { questionId: v.step.question.id, choice: 'no' });
    const slack = recordingNotifier('slack', clock);
    clock.advance(30 * HOUR);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
  });
});

describe('each user rhythm', () => {
  it('GIVEN light THEN everything due goes in one message at the digest hour', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    await service.reminders.updateSettings(u, { mode: 'light' });
    await deferWith(service, u, 'Dana, after our call on Friday');
    await deferWith(service, u, 'Lee, after the call on Friday');
    const slack = recordingNotifier('slack', clock);
    clock.set(FRI_1700_BERLIN);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    clock.set(Date.parse('2025-03-08T08:00:00Z')); // Saturday 09:00 Berlin
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({
      sent: 2,
      messages: 1,
    });
    expect(slack.sent[0]?.message.title).toBe('Reminders (2)');
  });

  it('GIVEN off THEN nothing is sent; turned back on THEN it comes', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    await service.reminders.updateSettings(u, { mode: 'off' });
    await deferWith(service, u, 'after our call on Friday');
    const slack = recordingNotifier('slack', clock);
    clock.set(FRI_1700_BERLIN + HOUR);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    await service.reminders.updateSettings(u, { mode: 'standard' });
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1 });
  });

  it('GIVEN quiet hours from 12 to 20 THEN the Friday 17:00 reminder waits until 20:00', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    await service.reminders.updateSettings(u, { quietStart: 12, quietEnd: 20 });
    await deferWith(service, u, 'after our call on Friday');
    expect(whenLabel((await service.reminders.list(u)).items[0]?.sendAt ?? 0, 'Europe/Berlin')).toBe(
      'Fri 7 Mar, 20:00',
    );
  });

  it('GIVEN guidance says networking at work is not OK THEN a Friday 11:00 reminder waits until after work', async () => {
    const service = connect();
    // A workspace outside any Enterprise Grid org, whose users take its guidance without naming it first.
    const u = { provider: 'slack' as const, workspace: ':T1', userId: 'U1' };
    await service.settings.update(u, { timezone: 'Europe/Berlin' });
    await service.time.setGuidelines({ provider: 'slack', workspace: ':T1' }, { workHoursOk: false, note: '' });
    await deferWith(service, u, 'ask me on 2025-03-07');
    expect(whenLabel((await service.reminders.list(u)).items[0]?.sendAt ?? 0, 'Europe/Berlin')).toBe(
      'Fri 7 Mar, 17:00',
    );
  });
});

describe('changing one', () => {
  it('snooze, a time of its own, off, drop; someone else cannot', async () => {
    const service = connect();
    const u = await berliner(service, 'U1');
    const id = await deferWith(service, u, 'after our call on Friday');
    const label = async () => whenLabel((await service.reminders.list(u)).items[0]?.sendAt ?? 0, 'Europe/Berlin');
    await service.reminders.snooze(u, id, 'monday');
    expect(await label()).toBe('Mon 10 Mar, 09:00');
    await service.reminders.change(u, id, 'in 3d');
    expect(await label()).toBe('Sat 8 Mar, 09:00');
    await service.reminders.change(u, id, 'on 2027-01-15');
    expect(await label()).toBe('Fri 15 Jan, 09:00');
    await expect(service.reminders.change(u, id, 'whenever')).rejects.toThrow('is not a time I can read');
    await expect(service.reminders.change(slackUser('U2'), id, 'in 3d')).rejects.toThrow('belongs to someone else');
    await service.reminders.drop(u, id);
    expect((await service.reminders.list(u)).items.map((i) => i.sendAt)).toEqual([null]);
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const slack = recordingNotifier('slack', clock);
    expect(await runReminderTick(reminderDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
  });
});

describe("the tick's burst of writes", () => {
  it('GIVEN a tick whose sends fail THEN SQLite checkpoints were held while it wrote, and are back afterwards', async () => {
    const { db, service } = aService(clock);
    const autocheckpoint = () => db.$client.pragma('wal_autocheckpoint', { simple: true });
    const u = await berliner(service, 'U1');
    await deferWith(service, u, 'after our call on Friday');
    clock.set(FRI_1700_BERLIN);
    const during: unknown[] = [];
    const failing = recordingNotifier('slack', clock);
    failing.send = async () => {
      during.push(autocheckpoint());
      throw new Error('down');
    };
    expect(await runReminderTick(reminderDeps(service, clock, [failing]), clock.now())).toMatchObject({ failed: 1 });
    expect(during).toEqual([0]);
    expect(autocheckpoint()).toBe(1000);
    db.$client.close();
  });
});
