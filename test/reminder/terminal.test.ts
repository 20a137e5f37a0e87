import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/index.js';
import { serviceOver } from '../../src/compose.js';
import { silentLogger } from '../../src/core/logger.js';
import { type DigestScheduler, startDigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { Terminal } from '../contract/console-driver.js';
import { fakeClock } from '../helpers/builders.js';

const WED = Date.parse('2025-03-05T10:00:00Z');
const FRI_1700_BERLIN = Date.parse('2025-03-07T16:00:00Z');
const MON_1000_BERLIN = Date.parse('2025-03-10T09:00:00Z');
const user = { provider: 'console' as const, workspace: 'local', userId: 'me' };

let db: Db;
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
  db.$client.close();
});

describe('reminders in the terminal', () => {
  it('a deferral with a planned call: the card and pending say Friday; the reminder shows while running and at start', async () => {
    db = openDatabase(':memory:');
    const clock = fakeClock(WED);
    const service = serviceOver(db, clock);
    await service.settings.update(user, { timezone: 'Europe/Berlin' });
    const open = async () => {
      const t = new Terminal();
      t.adapter = createConsoleAdapter({ input: t.input, output: t.output, user }, { service, log: silentLogger });
      running.push(t.adapter);
      await t.adapter.start();
      return t;
    };
    // A yearly cron: only the start-up tick and the ones the test asks for run.
    const scheduler = (t: Terminal): DigestScheduler => {
      const s = startDigestScheduler({
        service,
        notifiers: [t.adapter.notifier],
        log: silentLogger,
        clock,
        cron: '0 0 1 1 *',
        defaultTimeZone: 'Europe/Berlin',
      });
      running.push(s);
      return s;
    };

    const t = await open();
    await t.type('LinkedIn request from Dana Kim, after our call on Friday');
    await t.type('3');
    expect(t.screen).toContain('Decision: Defer.');
    expect(t.screen).toContain("I'll ask again Fri 7 Mar, 17:00.");
    const id = /\[#(\d+)\]/.exec(t.screen)?.[1];
    await t.type('pending');
    expect(t.screen).toMatch(new RegExp(`#${id} .*Dana Kim: Defer · ask again Fri 7 Mar, 17:00`));

    const s = scheduler(t);
    await s.tick();
    expect(t.screen).not.toContain('== Reminder ==');
    clock.set(FRI_1700_BERLIN);
    t.screen = '';
    await s.tick();
    expect(t.screen).toContain('== Reminder ==');
    expect(t.screen).toContain(`"revise ${id}": Decide Dana Kim now`);
    expect(t.screen).toContain(`"snooze ${id} monday": Snooze: next monday`);
    expect(t.screen).toContain(`"remind ${id} off": Drop`);
    await s.tick();
    expect(t.screen.match(/== Reminder ==/g)).toHaveLength(1);

    await t.type(`snooze ${id} monday`);
    expect(t.screen).toContain(`#${id}: I'll ask again Mon 10 Mar, 09:00.`);
    await t.type(`snooze ${id} someday`);
    expect(t.screen).toContain('Snooze until tomorrow, week or monday');

    // Quit, and come back on Monday: the snoozed reminder is shown at start.
    await t.adapter.stop();
    await s.stop();
    clock.set(MON_1000_BERLIN);
    const again = await open();
    const s2 = scheduler(again);
    await s2.tick();
    expect(again.screen).toContain('== Reminder');
    expect(again.screen).toContain('Dana Kim');
    await again.type(`revise ${id}`);
    expect(again.screen).toMatch(/Question 1 of up to 1: Have you connected with Dana Kim/);
    await again.type('3');
    await again.type(`remind ${id} off`);
    expect(again.screen).toContain(`#${id}: no more reminders about Dana Kim.`);
    await again.type('reminders');
    expect(again.screen).toContain(`#${id} LinkedIn · Dana Kim · deferred · off`);
  });
});
