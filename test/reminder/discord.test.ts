import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderFooter } from '../../adapters/discord/notifier.js';
import { serviceOver } from '../../src/compose.js';
import { CLAIM_STALE_MS } from '../../src/core/digest/claims.js';
import { createLogger } from '../../src/core/logger.js';
import { reminderMessage, reminderTag } from '../../src/core/reminder-view.js';
import { createPacer } from '../../src/scheduler/pacer.js';
import { runReminderTick } from '../../src/scheduler/reminder-tick.js';
import { openDatabase } from '../../src/store/db.js';
import { dmChannelOf, type Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { button, DANA, SAM, slash } from '../helpers/discord-payloads.js';
import { deferWith } from './world.js';

// Wednesday 18 November 2026, 12:00 UTC; Friday 20 November, 17:00 in Berlin is 16:00 UTC.
const WEDNESDAY = Date.UTC(2026, 10, 18, 12);
const FRIDAY_1700_BERLIN = Date.UTC(2026, 10, 20, 16);

let h: DiscordHarness;
const clock = { t: WEDNESDAY, now: () => clock.t };
const logs: string[] = [];
beforeEach(async () => {
  clock.t = WEDNESDAY;
  h = await startDiscordHarness({ service: serviceOver(openDatabase(':memory:'), clock) });
});
afterEach(async () => {
  await h.close();
});

type Opt = { name: string; type: number; value: string | number | boolean };
const str = (name: string, value: string): Opt => ({ name, type: 3, value });
const tick = (at: number) => {
  clock.t = at;
  return runReminderTick(
    {
      reminders: h.service.reminders,
      notifiers: [h.adapter.notifier],
      log: createLogger('info', (l) => logs.push(l)),
      clock,
      instance: 'test-tick',
      pacer: createPacer(clock, async () => {}),
    },
    at,
  );
};
const posts = () =>
  h.rest.calls.filter((c) => c.method === 'POST' && c.route === `/channels/${dmChannelOf(DANA.id)}/messages`);

describe('reminders in Discord', () => {
  it('GIVEN a deferral after a Friday call THEN the DM reminder comes on Friday, once, pinging nobody; Snooze, Decide and Drop work', async () => {
    await h.interact(slash('settings', [str('timezone', 'Europe/Berlin')]));
    await h.interact(slash('start', [str('text', 'LinkedIn invitation from @everyone, after our call on Friday')]));
    await answerAll(h, { inviter: '@everyone', serves_professionally: 'no', met_in_person_or_phone: 'planned' });
    const card = h.shown().embeds[0];
    expect(card.title).toMatch(/^Defer/);
    expect(card.fields.find((f: Json) => f.name === 'Reminder')?.value).toBe("I'll ask again Fri 20 Nov, 17:00.");

    expect(await tick(FRIDAY_1700_BERLIN - 60_000)).toMatchObject({ due: 0 });
    expect(await tick(FRIDAY_1700_BERLIN)).toMatchObject({ sent: 1 });
    expect(await tick(FRIDAY_1700_BERLIN + 15 * 60_000)).toMatchObject({ due: 0 });
    const [sent] = posts().filter((c) => c.body.embeds?.[0]?.title === 'Reminder');
    expect(posts().filter((c) => c.body.embeds?.[0]?.title === 'Reminder')).toHaveLength(1);
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
    const labels = sent?.body.components.flatMap((r: Json) => r.components.map((b: Json) => b.label));
    expect(labels).toEqual([
      'Decide @everyone now',
      'Snooze: tomorrow',
      'Snooze: in a week',
      'Snooze: next monday',
      'Drop',
    ]);

    const snoozed = await h.click('Snooze: in a week');
    expect(snoozed.body.data.content).toBe("Snoozed. I'll ask again Fri 27 Nov, 09:00.");
    const ids = sent?.body.components.flatMap((r: Json) => r.components.map((b: Json) => b.custom_id));
    const reminder = h.rest.message('1160000000000000001', sent?.body) as Json;
    const theirs = await h.interact(button(ids[4], reminder, SAM));
    expect(JSON.stringify(theirs.body)).toMatch(/belongs to someone else/);

    const reopened = await h.interact(button(ids[0], reminder));
    expect(reopened.body.data.embeds[0].description).toMatch(/Question 1 of/);
    await answerAll(h, { met_in_person_or_phone: 'planned', serves_professionally: 'no' });
    const dropped = await h.interact(button(ids[4], reminder));
    expect(dropped.body.data.content).toBe('No more reminders about @everyone. It stays deferred in your history.');
    expect(dropped.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(await tick(FRIDAY_1700_BERLIN + 30 * 86_400_000)).toMatchObject({ due: 0 });
  });

  it('/triage settings sets the rhythm, and refuses bad quiet hours privately', async () => {
    const set = await h.interact(
      slash('settings', [str('reminders', 'light'), str('quiet', '22-7'), { name: 'defer_days', type: 4, value: 3 }]),
    );
    const field = set.body.data.embeds[0].fields.find((f: Json) => f.name === 'Reminders');
    expect(field.value).toBe(
      'Reminders: light, quiet 22:00–07:00, a deferral is asked about again after 3 days unless you say when.',
    );
    const bad = await h.interact(slash('settings', [str('quiet', 'late')], DANA, 'guild'));
    expect(JSON.stringify(bad.body)).toMatch(/Quiet hours are two hours from 0 to 23/);
    expect(bad.body.data.flags).toBe(64);
    expect(
      (await h.service.reminders.settings({ provider: 'discord', workspace: '', userId: DANA.id })).quietStart,
    ).toBe(22);
  });
});

describe('a Discord reminder goes out once', () => {
  const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
  const db = () => h.service.stores.db.$client;
  const rows = () => db().prepare('SELECT triage_id, status, attempts FROM reminders').all();

  /** Two deferrals due Friday 17:00 in Berlin, batched into one message; their reminders as listed. */
  async function deferred() {
    await h.service.settings.update(dana, { timezone: 'Europe/Berlin' });
    await deferWith(h.service, dana, 'LinkedIn request from Dana Kim, after our call on Friday');
    await deferWith(h.service, dana, 'LinkedIn request from Lee Park, after the call on Friday');
    return (await h.service.reminders.list(dana)).items;
  }

  it('carries an enforced nonce and a footer naming its reminders', async () => {
    const items = await deferred();
    expect(await tick(FRIDAY_1700_BERLIN)).toMatchObject({ sent: 2, messages: 1 });
    const [post] = posts();
    expect(post?.body.enforce_nonce).toBe(true);
    expect(post?.body.nonce).toHaveLength(25);
    const keys = items.map((i) => `${i.triageId}@${i.dueAt}`);
    expect(post?.body.embeds[0].footer.text).toBe(`Reminder · ref ${keys.join(' ')}`);
  });

  it('GIVEN a process died after Discord accepted the reminders THEN the takeover finds them in the DM and sends nothing', async () => {
    const items = await deferred();
    clock.t = FRIDAY_1700_BERLIN;
    const ids = items.map((i) => i.triageId);
    expect((await h.service.reminders.take(ids, 'dead', clock.t)).map((r) => r.attempts)).toEqual([1, 1]);
    await h.adapter.notifier.send(dana, reminderMessage(items), reminderTag(items));
    expect(posts()).toHaveLength(1);
    const from = h.rest.calls.length;
    expect(await tick(FRIDAY_1700_BERLIN + CLAIM_STALE_MS + 60_000)).toMatchObject({ due: 2, sent: 0, found: 2 });
    const looked = h.rest.calls.slice(from).find((c) => c.method === 'GET');
    expect(looked?.route).toBe(`/channels/${dmChannelOf(DANA.id)}/messages`);
    expect(posts()).toHaveLength(1);
    expect(rows()).toEqual(ids.map((triage_id) => ({ triage_id, status: 'sent', attempts: 2 })));
  });

  it('GIVEN only one of two was in the DM THEN the takeover sends both rather than lose one', async () => {
    const [first, second] = await deferred();
    if (!first || !second) throw new Error('expected two reminders');
    clock.t = FRIDAY_1700_BERLIN;
    // The first was sent and never recorded; the second only claimed when the process died.
    await h.service.reminders.take([first.triageId, second.triageId], 'dead', clock.t);
    await h.adapter.notifier.send(dana, reminderMessage([first]), reminderTag([first]));
    expect(await tick(FRIDAY_1700_BERLIN + CLAIM_STALE_MS + 60_000)).toMatchObject({ due: 2, sent: 2, found: 0 });
    // Asked together, the two were not both there: both go again rather than one being lost.
    expect(posts()).toHaveLength(2);
    expect(posts()[1]?.body.embeds[0].footer.text).toBe(reminderFooter(reminderTag([first, second])));
  });
});
