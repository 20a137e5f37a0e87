import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../console/build.js';
import { freePort, type Instance, startInstance } from '../helpers/instances.js';
import { type SharedDb, sharedDatabases } from '../helpers/shared-db.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/slack-fake-api.js';
import { findButton, visibleText } from '../helpers/slack-harness.js';
import { blockActionsForm, eventBody, slashCommandForm } from '../helpers/slack-payloads.js';
import { SIGNING_SECRET, sendSigned } from '../helpers/slack-sign.js';

const FORM = 'application/x-www-form-urlencoded';

const databases = await sharedDatabases();

/** Two real processes of the bot in Slack HTTP mode on one database, behind a "load balancer" that alternates. */
describe.each(databases)('two Slack instances on one $name database', ({ open }) => {
  let fake: FakeSlack;
  let shared: SharedDb;
  const instances: { instance: Instance; url: string }[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    fake = await startFakeSlack();
    shared = await open();
    const database = shared.env;
    for (const name of ['A', 'B']) {
      const port = await freePort();
      const instance = await startInstance(name, {
        ...database,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        DIGEST_ENABLED: 'false',
      });
      instances.push({ instance, url: `http://127.0.0.1:${port}` });
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map(({ instance }) => instance.kill()));
    await fake?.close();
    await shared?.drop();
  });

  const at = (i: number) => instances[i]?.url ?? '';

  it('a triage started through instance A is answered through instance B', async () => {
    const responseUrl = fake.responseUrl();
    const res = await sendSigned(at(0), slashCommandForm('LinkedIn request from Dana Kim', responseUrl), FORM);
    expect(res.status).toBe(200);
    const card: RecordedCall = {
      method: 'ack',
      path: '',
      body: (await res.json()) as Record<string, unknown>,
      raw: '',
    };
    expect(visibleText(card)).toContain('Dana Kim');
    const no = findButton(card, 'No');
    const from = fake.calls.length;
    const click = await sendSigned(
      at(1),
      blockActionsForm(
        { action_id: no.action_id, value: no.value, block_id: no.block_id },
        { kind: 'ephemeral', responseUrl: fake.responseUrl() },
      ),
      FORM,
    );
    expect(click.status).toBe(200);
    const decided = await fake.waitFor((c) => c.method === 'response_url', from);
    expect(visibleText(decided)).toMatch(/Decline/);
    expect(visibleText(decided)).not.toMatch(/belongs to someone else|no longer exists/);
  });

  it('an event Slack delivers to both instances (a retry) is handled once', async () => {
    const body = eventBody('message_im.json', { text: 'Facebook friend request from Jenny Wu' }, 'Ev0SHARED01');
    const from = fake.calls.length;
    const [a, b] = await Promise.all([
      sendSigned(at(0), body, 'application/json'),
      sendSigned(at(1), body, 'application/json'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.body).includes('Jenny Wu'), from);
    // Give the slower instance every chance to post a second card before counting.
    await new Promise((r) => setTimeout(r, 500));
    const cards = fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.body).includes('Jenny Wu'));
    expect(cards).toHaveLength(1);
  });
});
