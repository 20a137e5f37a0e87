import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { startDigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { aService } from '../helpers/builders.js';
import { recordingNotifier, slackUser } from './world.js';

describe('the digest scheduler', () => {
  it('catches up as soon as it starts, then stops cleanly', async () => {
    const { service, clock } = aService();
    service.settings.update(slackUser('U1'), { timezone: 'Europe/Berlin' });
    service.time.log(slackUser('U1'), 'linkedin 10m');
    clock.set(Date.parse('2025-01-14T12:00:00Z'));
    const slack = recordingNotifier('slack', clock);
    const scheduler = startDigestScheduler({ service, notifiers: [slack], log: silentLogger, clock });
    await scheduler.tick();
    await scheduler.tick();
    await scheduler.stop();
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['U1']);
  });
});
