import { describe, expect, it } from 'vitest';
import { DECLARATIONS } from '../../adapters/discord/declarations.js';
import { registerCommands } from '../../adapters/discord/register-commands.js';
import { SUBCOMMANDS } from '../../adapters/discord/subcommands.js';
import { FakeDiscordRest, type Json } from '../helpers/discord-fake-rest.js';
import { APP_ID } from '../helpers/discord-payloads.js';

/** A Discord REST fake of the test's own, so the tests can run side by side. */
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
  registerCommands({ DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: rest.api, ...env });

describe.concurrent('npm run discord:register', () => {
  it('GIVEN only a token THEN it asks Discord for the application and registers both commands globally', () =>
    withFake(async (rest) => {
      await expect(register(rest, {})).resolves.toBe(`Registered 2 commands globally for application ${APP_ID}.`);
      expect(rest.calls.map((c) => `${c.method} ${c.route}`)).toEqual([
        'GET /applications/@me',
        `PUT /applications/${APP_ID}/commands`,
      ]);
      const put = rest.calls.find((c) => c.method === 'PUT');
      expect(put?.body.map((c: Json) => c.name)).toEqual(['triage', 'Triage invitation']);
    }));

  it('GIVEN an application and a guild THEN it registers in that guild, at once', () =>
    withFake(async (rest) => {
      const guild = '1140000000000000001';
      await expect(register(rest, { DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: guild })).resolves.toBe(
        `Registered 2 commands guild ${guild} for application ${APP_ID}.`,
      );
      expect(rest.calls.map((c) => `${c.method} ${c.route}`)).toEqual([
        `PUT /applications/${APP_ID}/guilds/${guild}/commands`,
      ]);
    }));

  it('GIVEN Discord refuses the token THEN it says so and registers nothing', () =>
    withFake(async (rest) => {
      rest.failNext('GET', /^\/applications\/@me$/, 401, { message: '401: Unauthorized', code: 0 });
      await expect(register(rest, {})).rejects.toThrow(/Unauthorized/);
      expect(rest.calls.filter((c) => c.method === 'PUT')).toEqual([]);
    }));

  it('GIVEN no token THEN it says what to set', async () => {
    await expect(registerCommands({})).rejects.toThrow(/Set DISCORD_TOKEN/);
  });

  it('declares exactly the subcommands that have a handler, so none answers "not available yet"', () => {
    expect(Object.keys(SUBCOMMANDS)).toEqual(Object.keys(DECLARATIONS));
  });
});
