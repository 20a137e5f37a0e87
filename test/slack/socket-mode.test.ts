import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import type { Service } from '../../src/service/index.js';
import { openDatabase } from '../../src/store/db.js';
import { type FakeSlack, startFakeSlack } from '../helpers/slack-fake-api.js';
import { FakeSlackSocket } from '../helpers/slack-fake-socket.js';
import { tickingClock } from '../helpers/slack-harness.js';

const FORM = fileURLToPath(new URL('../fixtures/slack/slash_command.form', import.meta.url));

let fake: FakeSlack;
let socket: FakeSlackSocket;
let adapter: SlackAdapter;
let service: Service;
afterEach(async () => {
  await adapter.stop();
  await socket.close();
  await fake.close();
});

async function startInSocketMode(): Promise<void> {
  fake = await startFakeSlack();
  socket = new FakeSlackSocket();
  fake.socketUrl = await socket.listen();
  service = serviceOver(openDatabase(':memory:'), tickingClock());
  const log = createLogger('warn', () => {});
  adapter = createSlackAdapter(
    { appToken: 'xapp-test-token', botToken: 'xoxb-test-token', apiUrl: fake.apiUrl, port: 0 },
    { service, log },
  );
  await adapter.start();
}

/** The slash command fixture, as Socket Mode carries it: the same fields, as JSON. */
function slashCommand(text: string): Record<string, unknown> {
  const form = Object.fromEntries(new URLSearchParams(readFileSync(FORM, 'utf8')));
  return { ...form, text, response_url: fake.responseUrl() };
}

describe('Socket Mode', () => {
  it('GIVEN an app token THEN the app opens its socket through the configured API, and a /triage there is answered in its ack', async () => {
    await startInSocketMode();
    const opened = fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(opened?.token).toBe('xapp-test-token');
    expect(adapter.url()).toBeNull();

    const ack = await socket.send('slash_commands', slashCommand('LinkedIn request from Dana Kim, recruiter at Acme'));
    expect(JSON.stringify(ack)).toContain('in person or on the phone');
    const user = { provider: 'slack' as const, workspace: 'E0001:T0001', userId: 'U2147483697' };
    expect(await service.records.pending(user)).toHaveLength(1);
  });
});
