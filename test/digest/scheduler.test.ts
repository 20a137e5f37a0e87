import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { startDigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { aService } from '../helpers/builders.js';
import { recordingNotifier, slackUser } from './world.js';

describe('the digest scheduler', () => {
  it('catches up as soon as it starts, then stops cleanly', async () => {
    const { service, clock } = aService();
    await service.settings.update(slackUser('U1'), { timezone: 'Europe/Berlin' });
    await service.time.log(slackUser('U1'), 'linkedin 10m');
    clock.set(Date.parse('2025-01-14T12:00:00Z'));
    const slack = recordingNotifier('slack', clock);
    // A cron that fires once a year, so only the start-up tick can send within the test.
    const cron = '0 0 1 1 *';
    const scheduler = startDigestScheduler({ service, notifiers: [slack], log: silentLogger, clock, cron });
    await vi.waitFor(() => expect(slack.sent.map((d) => d.user.userId)).toEqual(['U1']), { timeout: 15_000 });
    // A later tick finds the week's digest claimed and sends nothing more.
    await scheduler.tick();
    await scheduler.stop();
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['U1']);
  });
});
