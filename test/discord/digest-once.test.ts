import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestFooter } from '../../adapters/discord/notifier.js';
import { serviceOver } from '../../src/compose.js';
import { digestMessage } from '../../src/core/digest/message.js';
import { createLogger } from '../../src/core/logger.js';
import { createPacer, MAX_ATTEMPTS, runDigestTick } from '../../src/scheduler/tick.js';
import { openDatabase } from '../../src/store/db.js';
import { CLAIM_STALE_MS } from '../../src/store/digest-claims.js';
import { dmChannelOf } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';

/** Wednesday of the reported week; its digest is due Monday 23 November 2026, 09:00 in Berlin (08:00 UTC). */
const WEDNESDAY = Date.UTC(2026, 10, 18, 12);
const DUE = Date.UTC(2026, 10, 23, 8);
const WEEK = '2026-11-16';
const MINUTE = 60_000;
const ids = ['1150000000000000011', '1150000000000000012', '1150000000000000013'];
const ref = (userId: string) => ({ provider: 'discord' as const, workspace: '', userId });

let h: DiscordHarness;
const clock = { t: WEDNESDAY, now: () => clock.t };
const logs: string[] = [];
beforeEach(async () => {
  clock.t = WEDNESDAY;
  logs.length = 0;
  h = await startDiscordHarness({ service: serviceOver(openDatabase(':memory:'), clock) });
});
afterEach(async () => {
  await h.close();
});

const db = () => h.service.stores.db.$client;
const tick = (at: number) => {
  clock.t = at;
  const deps = {
    digest: h.service.digest,
    notifiers: [h.adapter.notifier],
    log: createLogger('info', (l) => logs.push(l)),
    clock,
    instance: 'live',
    defaultTimeZone: 'UTC',
    pacer: createPacer(clock, async () => {}),
  };
  return runDigestTick(deps, at);
};
const claims = () => db().prepare('select user_id, status, attempts from digest_claims').all();
const posts = (userId: string, from = 0) =>
  h.rest.calls
    .slice(from)
    .filter((c) => c.method === 'POST' && c.route === `/channels/${dmChannelOf(userId)}/messages`);

/** Users in Berlin who logged time last week. */
async function activeUsers(n = 1) {
  const users = [];
  for (const id of ids.slice(0, n)) {
    await h.service.settings.update(ref(id), { timezone: 'Europe/Berlin' });
    await h.service.time.log(ref(id), 'linkedin 50m');
    users.push(ref(id));
  }
  return users;
}

describe('the Discord digest goes out once', () => {
  it('carries a nonce per user and week, enforced, and a footer naming the week', async () => {
    const [u] = await activeUsers();
    expect(await tick(DUE)).toMatchObject({ sent: 1 });
    const [post] = posts(u!.userId);
    expect(post?.body.enforce_nonce).toBe(true);
    expect(post?.body.nonce).toHaveLength(25);
    expect(post?.body.embeds[0].footer.text).toBe(digestFooter({ week: WEEK }));
  });

  it('GIVEN a process died after Discord accepted the digest THEN the takeover finds it in the DM and sends nothing', async () => {
    const [u] = await activeUsers();
    clock.t = DUE;
    const [due] = await h.service.digest.due(DUE, 'UTC');
    if (!due || !u) throw new Error('expected a due digest');
    expect(await h.service.digest.claim(due, 'dead', DUE, MAX_ATTEMPTS)).toBe(1);
    const [digest] = (await h.service.digest.build([due], DUE)).values();
    await h.adapter.notifier.send(due.user, digestMessage(digest!), { week: due.week.key });
    const from = h.rest.calls.length;
    expect(await tick(DUE + CLAIM_STALE_MS + MINUTE)).toMatchObject({ due: 1, sent: 0, found: 1 });
    const looked = h.rest.calls.slice(from).find((c) => c.method === 'GET');
    expect(looked?.route).toBe(`/channels/${dmChannelOf(u.userId)}/messages`);
    expect(posts(u.userId, from)).toEqual([]);
    expect(claims()).toEqual([{ user_id: 1, status: 'sent', attempts: 2 }]);
  });

  it('GIVEN a process died after claiming, before sending THEN the takeover sends once', async () => {
    const [u] = await activeUsers();
    const [due] = await h.service.digest.due(DUE, 'UTC');
    if (!due || !u) throw new Error('expected a due digest');
    await h.service.digest.claim(due, 'dead', DUE, MAX_ATTEMPTS);
    expect(await tick(DUE + CLAIM_STALE_MS + MINUTE)).toMatchObject({ due: 1, sent: 1, found: 0 });
    expect(posts(u.userId)).toHaveLength(1);
    expect(claims()).toEqual([{ user_id: 1, status: 'sent', attempts: 2 }]);
  });

  it('GIVEN marking the claim sent fails THEN the claim is not failed and no later tick sends it again', async () => {
    const [u] = await activeUsers();
    db().exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON digest_claims WHEN NEW.status = 'sent'
      BEGIN SELECT RAISE(ABORT, 'database is locked'); END`);
    expect(await tick(DUE)).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(claims()).toEqual([{ user_id: 1, status: 'claimed', attempts: 1 }]);
    expect(logs.join('\n')).toMatch(/delivered but not recorded/);
    expect(await tick(DUE + 16 * MINUTE)).toMatchObject({ due: 0 });
    db().exec('DROP TRIGGER refuse_sent');
    expect(await tick(DUE + CLAIM_STALE_MS + MINUTE)).toMatchObject({ due: 1, sent: 0, found: 1 });
    expect(posts(u!.userId)).toHaveLength(1);
  });

  it('GIVEN a user runs forget while the run is sending THEN that user is skipped and later users still get theirs', async () => {
    const [first, second, third] = await activeUsers(3);
    void h.rest
      .waitFor((c) => c.method === 'POST' && c.route === `/channels/${dmChannelOf(first!.userId)}/messages`)
      .then(() => h.service.records.forget(second!));
    expect(await tick(DUE)).toMatchObject({ due: 3, sent: 2, skipped: 1, failed: 0 });
    expect(posts(first!.userId)).toHaveLength(1);
    expect(posts(second!.userId)).toHaveLength(0);
    expect(posts(third!.userId)).toHaveLength(1);
  });
});
