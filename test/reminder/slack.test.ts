import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import { runReminderTick } from '../../src/scheduler/reminder-tick.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { eventBody, STEVE } from '../helpers/slack-payloads.js';

const WED = Date.parse('2025-03-05T10:00:00Z');
const FRI_1700_BERLIN = Date.parse('2025-03-07T16:00:00Z');

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
