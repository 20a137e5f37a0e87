import { describe, expect, it } from 'vitest';
import { FakeDiscordRest, type Json } from '../helpers/discord-fake-rest.js';
import { APP_ID } from '../helpers/discord-payloads.js';
import { runTs } from '../helpers/run-process.js';

/** A Discord REST fake of the test's own, so the tests (each a real process start) can run side by side. */
async function withFake(test: (rest: FakeDiscordRest) => Promise<void>): Promise<void> {
  const rest = new FakeDiscordRest(APP_ID);
  await rest.listen();
  try {
    await test(rest);
  } finally {
    await rest.close();
  }
}

const register = (rest: FakeDiscordRest, env: Record<string, string>) =>
  runTs('adapters/discord/register.ts', [], '', { DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: rest.api, ...env });

describe.concurrent('npm run discord:register', () => {
  it('GIVEN only a token THEN it asks Discord for the application and registers both commands globally', () =>
    withFake(async (rest) => {
      const run = await register(rest, {});
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Registered 2 commands globally for application ${APP_ID}.`);
      expect(rest.calls.map((c) => `${c.method} ${c.route}`)).toEqual([
        'GET /applications/@me',
        `PUT /applications/${APP_ID}/commands`,
      ]);
      const put = rest.calls.find((c) => c.method === 'PUT');
      expect(put?.body.map((c: Json) => c.name)).toEqual(['triage', 'Triage invitation']);
    }));

  it('GIVEN an application and a guild THEN it registers in that guild, at once', () =>
    withFake(async (rest) => {
      const run = await register(rest, { DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '1140000000000000001' });
      expect(run.code).toBe(0);
      expect(rest.calls.map((c) => `${c.method} ${c.route}`)).toEqual([
        `PUT /applications/${APP_ID}/guilds/1140000000000000001/commands`,
      ]);
    }));

  it('GIVEN Discord refuses the token THEN it says so and exits non-zero', () =>
    withFake(async (rest) => {
      rest.failNext('GET', /^\/applications\/@me$/, 401, { message: '401: Unauthorized', code: 0 });
      const run = await register(rest, {});
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Unauthorized/);
    }));

  it('GIVEN no token THEN it says what to set', async () => {
    const run = await runTs('adapters/discord/register.ts', [], '', {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Set DISCORD_TOKEN/);
  });
});
