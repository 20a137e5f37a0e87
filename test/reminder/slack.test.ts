import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAIM_STALE_MS } from '../../src/core/digest/claims.js';
import { createLogger } from '../../src/core/logger.js';
import { reminderMessage, reminderTag } from '../../src/core/reminder-view.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import { runReminderTick } from '../../src/scheduler/reminder-tick.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { eventBody, STEVE } from '../helpers/slack-payloads.js';
import { deferWith } from './world.js';

const WED = Date.parse('2025-03-05T10:00:00Z');
const FRI_1700_BERLIN = Date.parse('2025-03-07T16:00:00Z');
const MINUTE = 60_000;
const DM = 'D2147483697';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
  h.clock.set(WED);
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const tick = () =>
  runReminderTick(
    {
      reminders: h.service.reminders,
      notifiers: [h.adapter.notifier],
      log: createLogger('debug', (l) => h.logs.push(l)),
      clock: h.clock,
      instance: 'test',
      pacer: createPacer(h.clock, async () => {}, { slack: 0 }),
    },
    h.clock.now(),
  );

/** Clicks, and returns the message the app then posts (a DM reply opens the DM first). */
async function clickFor(shown: RecordedCall, label: string): Promise<RecordedCall> {
  const mark = h.fake.calls.length;
  await h.click(shown, label);
  return h.fake.waitFor((c) => c.method === 'chat.postMessage' || c.method === 'response_url', mark);
}

describe('reminders in Slack', () => {
  it('GIVEN a deferral "after our call on Friday" THEN the card says Friday, the DM reminder comes then, once, and its buttons work', async () => {
    await h.service.settings.update(h.userRef(), { timezone: 'Europe/Berlin' });
    const start = await h.command('LinkedIn request from <Dana Kim>, after our call on Friday');
    const card = await h.click(start, 'Not yet, a call is planned');
    expect(visibleText(card)).toContain("I'll ask again Fri 7 Mar, 17:00.");

    h.clock.set(FRI_1700_BERLIN - 60_000);
    expect(await tick()).toMatchObject({ due: 0 });
    h.clock.set(FRI_1700_BERLIN);
    const from = h.fake.calls.length;
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(await tick()).toMatchObject({ due: 0 });
    const sent = h.fake.calls.slice(from);
    expect(sent.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
    const reminder = sent[1]!;
    expect(sent[0]?.body.users).toBe(STEVE.userId);
    expect(visibleText(reminder)).toContain('You deferred this until you had talked.');
    // The inviter's name is escaped in the DM as everywhere else.
    expect(visibleText(reminder)).toContain('&lt;Dana Kim&gt;');
    expect(buttons(reminder)).toEqual([
      'Decide <Dana Kim> now',
      'Snooze: tomorrow',
      'Snooze: in a week',
      'Snooze: next monday',
      'Drop',
    ]);

    const snoozed = await clickFor(reminder, 'Snooze: next monday');
    expect(visibleText(snoozed)).toContain("Snoozed. I'll ask again Mon 10 Mar, 09:00.");

    const mark = h.fake.calls.length;
    await h.send(eventBody('app_home_opened.json', {}, 'Ev0REMHOME1'), 'application/json');
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', mark);
    expect(visibleText(home)).toContain('*Upcoming reminders* (1)');
    expect(visibleText(home)).toContain('LinkedIn · &lt;Dana Kim&gt; · deferred · Mon 10 Mar, 09:00');

    const reopened = await clickFor(reminder, 'Decide <Dana Kim> now');
    expect(visibleText(reopened)).toContain('Have you connected with');
    expect(buttons(reopened)).toEqual(['Yes', 'No', 'Not yet, a call is planned', 'Discard']);

    const again = await h.click(reopened, 'Not yet, a call is planned');
    expect(visibleText(again)).toContain("I'll ask again");
    const dropped = await clickFor(reminder, 'Drop');
    expect(visibleText(dropped)).toContain('No more reminders about &lt;Dana Kim&gt;.');
    h.clock.set(FRI_1700_BERLIN + 30 * 86_400_000);
    expect(await tick()).toMatchObject({ due: 0 });
  });

  it('App Home changes the rhythm: off, then quiet hours', async () => {
    const mark = h.fake.calls.length;
    await h.act(
      {
        action_id: 'home_reminder_mode',
        type: 'static_select',
        selected_option: { value: 'off', text: { type: 'plain_text', text: 'Off' } },
      },
      { kind: 'home' },
    );
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', mark);
    expect(visibleText(home)).toContain('*Reminders*: Reminders: off, quiet 21:00–08:00');
    await h.act(
      {
        action_id: 'home_quiet_start',
        type: 'static_select',
        selected_option: { value: '22', text: { type: 'plain_text', text: '22:00' } },
      },
      { kind: 'home' },
    );
    expect((await h.service.reminders.settings(h.userRef())).quietStart).toBe(22);
    await h.act(
      {
        action_id: 'home_quiet_end',
        type: 'static_select',
        selected_option: { value: '99', text: { type: 'plain_text', text: 'bad' } },
      },
      { kind: 'home' },
    );
    expect((await h.service.reminders.settings(h.userRef())).quietEnd).toBe(8);
  });
});

describe('a Slack reminder goes out once', () => {
  const posts = (from = 0) => h.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
  const rows = () => h.db.$client.prepare('SELECT triage_id, status, attempts FROM reminders').all();

  /** A deferral due Friday 17:00 in Berlin; its reminder as the scheduler lists it. */
  async function deferred() {
    const user = h.userRef();
    await h.service.settings.update(user, { timezone: 'Europe/Berlin' });
    const id = await deferWith(h.service, user, 'LinkedIn request from Dana Kim, after our call on Friday');
    const [item] = (await h.service.reminders.list(user)).items;
    if (!item) throw new Error('expected a reminder');
    return { user, id, item };
  }

  it('carries message metadata naming the reminder by its triage and due time', async () => {
    const { id, item } = await deferred();
    h.clock.set(FRI_1700_BERLIN);
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(posts()[0]?.body.metadata).toEqual({
      event_type: 'invite_triage_reminder',
      event_payload: { reminders: `${id}@${item.dueAt}` },
    });
  });

  it('GIVEN a process died after Slack accepted the reminder THEN the takeover finds it in the DM and posts nothing', async () => {
    const { user, id, item } = await deferred();
    h.clock.set(FRI_1700_BERLIN);
    expect((await h.service.reminders.take([id], 'dead', h.clock.now())).map((r) => r.attempts)).toEqual([1]);
    await h.adapter.notifier.send(user, reminderMessage([item]), reminderTag([item]));
    expect(h.fake.history(DM)).toHaveLength(1);
    h.clock.set(FRI_1700_BERLIN + CLAIM_STALE_MS + MINUTE);
    const from = h.fake.calls.length;
    expect(await tick()).toMatchObject({ due: 1, sent: 0, found: 1 });
    const looked = h.fake.calls.slice(from).find((c) => c.method === 'conversations.history');
    expect(looked?.body).toMatchObject({ channel: DM, include_all_metadata: 'true' });
    expect(posts(from)).toEqual([]);
    expect(rows()).toEqual([{ triage_id: id, status: 'sent', attempts: 2 }]);
  });

  it('GIVEN marking it sent fails THEN the takeover finds it, and a snoozed reminder (a new one) still comes after a failed try', async () => {
    const { user, id } = await deferred();
    h.db.$client.exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON reminders WHEN NEW.status = 'sent'
      BEGIN SELECT RAISE(ABORT, 'database is locked'); END`);
    h.clock.set(FRI_1700_BERLIN);
    expect(await tick()).toMatchObject({ due: 1, sent: 0, messages: 1 });
    expect(h.logs.some((l) => l.includes('delivered but not recorded') && l.includes('database is locked'))).toBe(true);
    h.db.$client.exec('DROP TRIGGER refuse_sent');
    h.clock.set(FRI_1700_BERLIN + CLAIM_STALE_MS + MINUTE);
    expect(await tick()).toMatchObject({ due: 1, sent: 0, found: 1 });
    expect(posts()).toHaveLength(1);

    // Snoozed to Monday: a new reminder, which the Friday one in the DM does not stand for, even on a retry.
    await h.service.reminders.snooze(user, id, 'monday');
    h.clock.set(Date.parse('2025-03-10T08:00:00Z'));
    h.fake.fail('chat.postMessage', 'not_in_channel');
    expect(await tick()).toMatchObject({ due: 1, failed: 1 });
    h.clock.set(Date.parse('2025-03-10T08:00:00Z') + 16 * MINUTE);
    expect(await tick()).toMatchObject({ due: 1, sent: 1, found: 0 });
    expect(h.fake.history(DM)).toHaveLength(2);
    expect(h.fake.history(DM)[0]?.metadata).not.toEqual(h.fake.history(DM)[1]?.metadata);
    expect(rows()).toEqual([{ triage_id: id, status: 'sent', attempts: 2 }]);
  });
});
