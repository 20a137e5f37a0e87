import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../console/build.js';
import { FakeDiscordGateway } from '../helpers/discord-fake-gateway.js';
import { FakeDiscordRest } from '../helpers/discord-fake-rest.js';
import { type Instance, startInstance } from '../helpers/instances.js';
import { type FreshDatabase, freshDatabase, postgres } from '../helpers/pg.js';

const server = await postgres();
const APP_ID = '1190000000000000001';

/** Two real bot processes on one PostgreSQL: one holds Discord's gateway; when it is killed, the other takes it. */
describe.skipIf(!server.ok)('two Discord instances on one PostgreSQL', () => {
  let fresh: FreshDatabase;
  let rest: FakeDiscordRest;
  let gateway: FakeDiscordGateway;
  const instances: Instance[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    if (!server.ok) return;
    fresh = await freshDatabase(server.url, 'discord_instances');
    rest = new FakeDiscordRest(APP_ID);
    await rest.listen();
    gateway = new FakeDiscordGateway(APP_ID);
    await gateway.listen();
    rest.gatewayUrl = gateway.url;
    const env = {
      DATABASE_URL: fresh.url,
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: rest.api,
      DIGEST_ENABLED: 'false',
    };
    // One after the other, so the first is sure to be the one holding the lock.
    instances.push(await startInstance('A', env));
    await gateway.whenIdentified(1);
    instances.push(await startInstance('B', env));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    await gateway?.close();
    await rest?.close();
    await fresh?.drop();
  });

  it('exactly one holds the gateway, and the other connects once the holder is killed', async () => {
    const [a, b] = instances;
    await b?.waitForLine(/another instance holds the gateway/);
    expect(gateway.identified).toBe(1);
    expect(a?.lines.some((l) => / INFO discord: connected/.test(l))).toBe(true);
    expect(b?.lines.some((l) => / INFO discord: connected/.test(l))).toBe(false);
    await a?.kill('SIGKILL');
    await b?.waitForLine(/ INFO discord: connected/, 30_000);
    expect(gateway.identified).toBe(2);
    expect(gateway.connected).toBe(1);
  });
});
