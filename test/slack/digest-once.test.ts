import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestMessage } from '../../src/core/digest/message.js';
import { createLogger } from '../../src/core/logger.js';
import { createPacer, MAX_ATTEMPTS, runDigestTick, type TickDeps } from '../../src/scheduler/tick.js';
import { CLAIM_STALE_MS } from '../../src/store/digest-claims.js';
import { type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { type Actor, STEVE } from '../helpers/slack-payloads.js';

// A Wednesday in the reported week, and the Monday its digest goes out: 09:00 in Berlin is 08:00 UTC.
const MIDWEEK = Date.parse('2025-03-05T10:00:00Z');
const DUE = Date.parse('2025-03-10T08:00:00Z');
const MINUTE = 60_000;
const WEEK = '2025-03-03';
const actor = (userId: string): Actor => ({ ...STEVE, userId });

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
  h.clock.set(MIDWEEK);
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

function tick(): ReturnType<typeof runDigestTick> {
  const deps: TickDeps = {
    digest: h.service.digest,
    notifiers: [h.adapter.notifier],
    log: createLogger('debug', (l) => h.logs.push(l)),
    clock: h.clock,
    instance: 'live',
    defaultTimeZone: 'UTC',
    pacer: createPacer(h.clock, async () => {}, { slack: 0 }),
  };
  return runDigestTick(deps, h.clock.now());
}

/** Users in Berlin who logged time last week. */
async function activeUsers(...ids: string[]) {
  const users = [];
  for (const id of ids) {
    const user = h.userRef(actor(id));
    await h.service.settings.update(user, { timezone: 'Europe/Berlin' });
    await h.service.time.log(user, 'linkedin 25m at home');
    users.push(user);
  }
  return users;
}

const claims = () => h.db.$client.prepare('SELECT user_id, status, attempts FROM digest_claims').all();
const posts = (from = 0) => h.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');

/** A process that claimed the digest and posted it through the real notifier, then died before marking it. */
async function diedAfterDelivery() {
  const [due] = await h.service.digest.due(h.clock.now(), 'UTC');
  if (!due) throw new Error('expected a due digest');
  expect(await h.service.digest.claim(due, 'dead', h.clock.now(), MAX_ATTEMPTS)).toBe(1);
  const [digest] = (await h.service.digest.build([due], h.clock.now())).values();
  if (!digest) throw new Error('expected a digest');
  await h.adapter.notifier.send(due.user, digestMessage(digest), { week: due.week.key });
}

describe('the Slack digest goes out once', () => {
  it('carries message metadata naming its week', async () => {
    await activeUsers(STEVE.userId);
    h.clock.set(DUE);
    expect(await tick()).toMatchObject({ sent: 1 });
    const [post] = posts();
    expect(post?.body.metadata).toEqual({ event_type: 'invite_triage_digest', event_payload: { week: WEEK } });
    expect(visibleText(post!)).toContain('Your week, 3 Mar – 9 Mar');
  });

  it('GIVEN a process died after Slack accepted the digest THEN the takeover finds it in the DM and posts nothing', async () => {
    await activeUsers(STEVE.userId);
    h.clock.set(DUE);
    await diedAfterDelivery();
    expect(h.fake.history('D2147483697')).toHaveLength(1);
    h.clock.set(DUE + CLAIM_STALE_MS + MINUTE);
    const from = h.fake.calls.length;
    expect(await tick()).toMatchObject({ due: 1, sent: 0, found: 1 });
    const history = h.fake.calls.slice(from).find((c) => c.method === 'conversations.history');
    expect(history?.body).toMatchObject({ channel: 'D2147483697', include_all_metadata: 'true' });
    expect(posts(from)).toEqual([]);
    expect(claims()).toEqual([{ user_id: 1, status: 'sent', attempts: 2 }]);
  });

  it('GIVEN a process died after claiming, before posting THEN the takeover posts the digest once', async () => {
    await activeUsers(STEVE.userId);
    h.clock.set(DUE);
    const [due] = await h.service.digest.due(h.clock.now(), 'UTC');
    if (!due) throw new Error('expected a due digest');
    await h.service.digest.claim(due, 'dead', h.clock.now(), MAX_ATTEMPTS);
    h.clock.set(DUE + CLAIM_STALE_MS + MINUTE);
    expect(await tick()).toMatchObject({ due: 1, sent: 1, found: 0 });
    expect(posts()).toHaveLength(1);
    expect(claims()).toEqual([{ user_id: 1, status: 'sent', attempts: 2 }]);
    h.clock.set(DUE + CLAIM_STALE_MS + 20 * MINUTE);
    expect(await tick()).toMatchObject({ due: 0 });
  });

  it('GIVEN marking the claim sent fails THEN the claim is not failed, and no later tick posts it again', async () => {
    await activeUsers(STEVE.userId);
    h.clock.set(DUE);
    h.db.$client.exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON digest_claims WHEN NEW.status = 'sent'
      BEGIN SELECT RAISE(ABORT, 'database is locked'); END`);
    expect(await tick()).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(claims()).toEqual([{ user_id: 1, status: 'claimed', attempts: 1 }]);
    expect(h.logs.some((l) => l.includes('delivered but not recorded') && l.includes('database is locked'))).toBe(true);
    h.clock.set(DUE + 16 * MINUTE);
    expect(await tick()).toMatchObject({ due: 0 });
    h.db.$client.exec('DROP TRIGGER refuse_sent');
    h.clock.set(DUE + CLAIM_STALE_MS + MINUTE);
    expect(await tick()).toMatchObject({ due: 1, sent: 0, found: 1 });
    expect(posts()).toHaveLength(1);
    expect(claims()).toEqual([{ user_id: 1, status: 'sent', attempts: 2 }]);
  });

  it('GIVEN a user runs forget while the run is posting THEN that user is skipped and later users still get theirs', async () => {
    const [first, second] = await activeUsers('U0000000A', 'U0000000B', 'U0000000C');
    h.clock.set(DUE);
    // The second user's forget lands while the first user's digest is being posted.
    void h.fake
      .waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0000000A')
      .then(() => second && h.service.records.forget(second));
    expect(await tick()).toMatchObject({ due: 3, sent: 2, skipped: 1, failed: 0 });
    expect(posts().map((c) => c.body.channel)).toEqual(['D0000000A', 'D0000000C']);
    expect((await h.service.settings.get(first!)).timezone).toBe('Europe/Berlin');
    expect(h.logs.some((l) => l.includes('forgot everything during the run'))).toBe(true);
  });
});
