import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const failure = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('GIVEN an empty environment THEN the defaults apply and no chat platform is on', () => {
    expect(loadConfig({})).toEqual({
      databasePath: './data/invite-triage.db',
      database: { kind: 'sqlite', path: './data/invite-triage.db' },
      logLevel: 'info',
      slack: null,
      discord: null,
      digest: { enabled: true, cron: '*/15 * * * *' },
    });
  });

  it('GIVEN empty strings THEN they count as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', SLACK_API_URL: '' })).toMatchObject({
      slack: null,
      discord: null,
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_APP_TOKEN|SLACK_SIGNING_SECRET/],
    [{ SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN/],
    [{ SLACK_CLIENT_ID: 'id', SLACK_SIGNING_SECRET: 's' }, /SLACK_CLIENT_SECRET/],
    [{ SLACK_CLIENT_SECRET: 'secret', SLACK_SIGNING_SECRET: 's' }, /SLACK_CLIENT_ID/],
    [{ SLACK_CLIENT_SECRET: 'secret' }, /SLACK_CLIENT_ID/],
    [{ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'secret', SLACK_SIGNING_SECRET: 's' }, /SLACK_STATE_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong' }, /SLACK_APP_TOKEN.*xapp-/],
  ])('GIVEN partial Slack credentials %o THEN it fails naming the variable to set', (env, message) => {
    expect(failure(env)).toMatch(message);
  });

  it('GIVEN a bad SLACK_API_URL THEN it fails naming it', () => {
    expect(failure({ SLACK_API_URL: 'not a url' })).toMatch(/SLACK_API_URL/);
  });

  it('GIVEN a bad PORT or LOG_LEVEL THEN it fails naming it', () => {
    expect(failure({ PORT: 'eighty' })).toMatch(/PORT/);
    expect(failure({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL/);
  });

  it('GIVEN a Socket Mode Slack app THEN Slack is on with its settings', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(c.slack).toMatchObject({
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9/api/',
      port: 3000,
      host: undefined,
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', HOST: '127.0.0.1' }).slack?.host).toBe(
      '127.0.0.1',
    );
  });

  it('GIVEN DISCORD_TOKEN THEN Discord is on', () => {
    const c = loadConfig({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '123' });
    expect(c.discord).toEqual({ token: 'abc', applicationId: '123', guildId: undefined, apiUrl: undefined });
    expect(c.slack).toBeNull();
  });

  it('GIVEN DATABASE_URL THEN PostgreSQL is the database, and anything else there is refused', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/triage' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://app@db.internal:5432/triage',
    });
    expect(loadConfig({ DATABASE_PATH: '/tmp/x.db' }).database).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
    expect(failure({ DATABASE_URL: 'mysql://root@localhost/x' })).toMatch(/DATABASE_URL.*PostgreSQL URL/);
  });

  it('GIVEN DIGEST_ENABLED=false THEN the digest is off', () => {
    expect(loadConfig({ DIGEST_ENABLED: 'false' }).digest.enabled).toBe(false);
    expect(loadConfig({ DIGEST_ENABLED: '0' }).digest.enabled).toBe(false);
  });
});
