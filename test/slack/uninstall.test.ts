import { afterEach, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../helpers/slack-harness.js';
import { installViaOAuth, OAUTH } from '../helpers/slack-oauth.js';
import { eventBody } from '../helpers/slack-payloads.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const JSON_BODY = 'application/json';
const OTHER = { provider: 'slack' as const, workspace: ':T0009', userId: 'U0OTHER1' };

/** Steve's records through the app, his workspace's team rows, and one user of another workspace. */
async function someData(s: SlackHarness) {
  await s.command('LinkedIn request from Dana Kim, recruiter at Acme');
  await s.command('time linkedin 25m at work');
  await s.command('budget linkedin 2h leads');
  const team = { provider: 'slack' as const, workspace: s.userRef().workspace };
  await s.service.policies.setTeam(team, 'linkedin', [{ question: 'Did you work together?', onFail: 'decline' }]);
  await s.service.time.setGuidelines(team, { workHoursOk: false, note: 'Not at work' });
  await s.service.time.log(OTHER, 'linkedin 5m');
}

/** Rows in every table of the app's database. */
function rowCounts(db: SlackHarness['db']): Record<string, number> {
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%drizzle%'",
    )
    .all() as { name: string }[];
  const count = (t: string) => (db.$client.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
  return Object.fromEntries(tables.map((t) => [t.name, count(t.name)]));
}

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

const posts = (s: SlackHarness, from: number) =>
  s.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');

describe('app_uninstalled', () => {
  it('removes the installation and all of that workspace’s data, keeps other workspaces’, and no digest goes out', async () => {
    const s = await startSlackHarness(OAUTH);
    h = s;
    await installViaOAuth(s);
    await someData(s);
    expect(rowCounts(s.db)).toMatchObject({ users: 2, triages: 1, time_logs: 2, budgets: 1, policy_overrides: 1 });

    const res = await s.send(eventBody('app_uninstalled.json', {}, 'Ev0UNINST1'), JSON_BODY);
    expect(res.status).toBe(200);
    await until(() => rowCounts(s.db).users === 1);
    expect(rowCounts(s.db)).toEqual({
      ...Object.fromEntries(Object.keys(rowCounts(s.db)).map((t) => [t, 0])),
      users: 1,
      time_logs: 1,
    });
    expect(s.db.$client.prepare('select workspace from users').all()).toEqual([{ workspace: ':T0009' }]);
    expect(s.db.$client.prepare('select count(*) as n from slack_installations').get()).toEqual({ n: 0 });

    const from = s.fake.calls.length;
    await expect(s.adapter.notifier.send(s.userRef(), await s.service.digest.preview(OTHER))).rejects.toThrow(
      /uninstalled or its token revoked/,
    );
    expect(posts(s, from)).toEqual([]);
  });
});

describe('tokens_revoked', () => {
  it('GIVEN an OAuth install WHEN its bot token is revoked THEN the token is removed and the digest is not sent with it', async () => {
    const s = await startSlackHarness(OAUTH);
    h = s;
    await installViaOAuth(s);
    await s.command('time linkedin 25m at work');
    const res = await s.send(eventBody('tokens_revoked.json', {}, 'Ev0REVOKE1'), JSON_BODY);
    expect(res.status).toBe(200);
    const stored = () => s.db.$client.prepare('select data from slack_installations').all() as { data: string }[];
    await until(() => stored().every((r) => !r.data.includes('xoxb-installed-token')));
    // Revoking tokens is not an uninstall: the user's records stay.
    expect(rowCounts(s.db)).toMatchObject({ users: 1, time_logs: 1 });
    const from = s.fake.calls.length;
    await expect(s.adapter.notifier.send(s.userRef(), await s.service.digest.preview(s.userRef()))).rejects.toThrow(
      /uninstalled or its token revoked/,
    );
    expect(posts(s, from)).toEqual([]);
  });

  it('GIVEN the single bot token WHEN it is revoked THEN no digest goes out with it', async () => {
    const s = await startSlackHarness();
    h = s;
    await s.command('time linkedin 25m at work');
    await s.send(eventBody('tokens_revoked.json', {}, 'Ev0REVOKE2'), JSON_BODY);
    const marked = () =>
      (s.db.$client.prepare('select count(*) as n from slack_installations').get() as { n: number }).n;
    await until(() => marked() === 1);
    const from = s.fake.calls.length;
    await expect(s.adapter.notifier.send(s.userRef(), await s.service.digest.preview(s.userRef()))).rejects.toThrow(
      /uninstalled or its token revoked/,
    );
    expect(s.fake.calls.slice(from).filter((c) => c.token === 'xoxb-test-token')).toEqual([]);
  });
});
