import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import { openDatabase } from '../../src/store/db.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA, slash } from '../helpers/discord-payloads.js';
import { type FakeSlack, startFakeSlack } from '../helpers/slack-fake-api.js';
import { FakeSlackSocket } from '../helpers/slack-fake-socket.js';
import { tickingClock } from '../helpers/slack-harness.js';

let fake: FakeSlack;
let socket: FakeSlackSocket;
let slack: SlackAdapter;
let discord: DiscordHarness;
afterEach(async () => {
  await discord.close();
  await slack.stop();
  await socket.close();
  await fake.close();
});

/**
 * One process running Slack in Socket Mode and Discord: Socket Mode's WebSocket comes from undici 7, which installs
 * its dispatcher as the process's global one, and a Discord multipart send through that dispatcher used to fail.
 */
describe('Discord beside Slack Socket Mode in one process', () => {
  it('GIVEN the Slack socket is open WHEN a Discord user exports THEN the file still arrives in their DM', async () => {
    fake = await startFakeSlack();
    socket = new FakeSlackSocket();
    fake.socketUrl = await socket.listen();
    const log = createLogger('warn', () => {});
    slack = createSlackAdapter(
      { appToken: 'xapp-test-token', botToken: 'xoxb-test-token', apiUrl: fake.apiUrl, port: 0 },
      { service: serviceOver(openDatabase(':memory:'), tickingClock()), log },
    );
    await slack.start();
    expect(fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);

    discord = await startDiscordHarness();
    await discord.interact(slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Dana Kim' }]));
    await discord.interact(slash('export', [], DANA, 'guild'));
    const file = await discord.rest.waitFor((c) => /^\/channels\/\d+\/messages$/.test(c.route) && c.files.length > 0);
    expect(file.files[0]?.name).toMatch(/^invite-triage\./);
    expect(file.files[0]?.text).toContain('Dana Kim');
  });
});
