import { afterEach, describe, expect, it } from 'vitest';
import { digestFooter } from '../../adapters/discord/notifier.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import type { OutboundMessage } from '../../src/core/message.js';
import { createPacer, runDigestTick } from '../../src/scheduler/tick.js';
import type { Service } from '../../src/service/index.js';
import { openDatabase } from '../../src/store/db.js';
import type { StoreSet } from '../../src/store/index.js';
import { dmChannelOf } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { DANA, dm } from '../helpers/discord-payloads.js';
import { MemoryLocks } from '../helpers/memory-locks.js';

const LOCK = 'discord-gateway';
const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const danaDm = () => `/channels/${dm('x').channel_id}/messages`;
let running: DiscordHarness[] = [];

afterEach(async () => {
  // The instance that started the fakes closes them, so it goes last.
  for (const h of running.reverse()) await h.close();
  running = [];
});

async function instances(locks?: MemoryLocks, service?: Service<StoreSet>): Promise<[DiscordHarness, DiscordHarness]> {
  const a = await startDiscordHarness({
    ...(locks ? { locks } : {}),
    ...(service ? { service } : {}),
    leaderRetryMs: 20,
  });
  running.push(a);
  const b = await startDiscordHarness({
    sharing: a,
    service: a.service,
    ...(locks ? { locks } : {}),
    leaderRetryMs: 20,
  });
  running.push(b);
  return [a, b];
}

/** Waits for a condition the bot reaches by itself (a reconnect); generous, since the machine is busy. */
async function eventually(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const replies = (h: DiscordHarness) => h.rest.calls.filter((c) => c.method === 'POST' && c.route === danaDm());
const said = (h: DiscordHarness, line: string) => h.logs.some((l) => l.includes(line));

describe('one gateway connection among several instances', () => {
  it('GIVEN two instances sharing the lock THEN only one connects; when it loses the lock the other takes over', async () => {
    const locks = new MemoryLocks();
    const [a, b] = await instances(locks);
    expect(a.gateway.identified).toBe(1);
    expect(a.gateway.connected).toBe(1);
    expect(said(a, 'discord: connected')).toBe(true);
    expect(said(b, 'sending through REST only')).toBe(true);
    const reply = await a.sendDm('LinkedIn request from Dana Kim');
    expect(reply.body.embeds[0].description).toMatch(/Question 1 of/);

    // The holder's database connection dies: its lock is gone, and so must its gateway connection be.
    locks.kill(LOCK);
    await a.gateway.whenIdentified(2);
    await eventually('the old leader to close its gateway', () => said(a, 'discord: gateway closed'));
    await eventually('the new leader to be ready', () => said(b, 'discord: connected'));
    await eventually('one connection left', () => a.gateway.connected === 1);
    expect(locks.isHeld(LOCK)).toBe(true);
    const again = await b.sendDm('Facebook friend request from Sam Lee');
    expect(again.body.embeds[0].title).toMatch(/Facebook/);
    expect(replies(a)).toHaveLength(2);
  });

  it('GIVEN the instance without the gateway THEN it still delivers a digest to the DM through REST, tagged', async () => {
    const [a, b] = await instances(new MemoryLocks());
    const from = a.rest.calls.length;
    const message: OutboundMessage = {
      summary: 'Your week',
      title: 'Your week, 16 Nov – 22 Nov',
      sections: [],
      actions: [],
    };
    await b.adapter.notifier.send(dana, message, { week: '2026-11-16' });
    const sent = a.rest.calls.slice(from).filter((c) => c.method === 'POST');
    expect(sent.map((c) => c.route)).toEqual(['/users/@me/channels', `/channels/${dmChannelOf(DANA.id)}/messages`]);
    expect(sent[1]?.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(sent[1]?.body.nonce).toMatch(/^[\w-]{25}$/);
    expect(sent[1]?.body.embeds[0].footer.text).toBe(digestFooter({ week: '2026-11-16' }));
    expect(await b.adapter.notifier.delivered(dana, { week: '2026-11-16' })).toBe(true);
    expect(await b.adapter.notifier.delivered(dana, { week: '2026-11-09' })).toBe(false);
    expect(a.gateway.identified).toBe(1);
    expect(said(b, 'discord: connected')).toBe(false);

    // The same week sent twice within minutes (a retried request): Discord keeps the first, by its nonce.
    await b.adapter.notifier.send(dana, message, { week: '2026-11-16' });
    expect(a.rest.history(dmChannelOf(DANA.id))).toHaveLength(1);
  });

  it('GIVEN the scheduler runs on the instance without the gateway THEN the digest goes out through REST, once', async () => {
    const clock = { t: Date.UTC(2026, 10, 18, 12), now: () => clock.t };
    const [a, b] = await instances(new MemoryLocks(), serviceOver(openDatabase(':memory:'), clock));
    await b.service.settings.update(dana, { timezone: 'Europe/Berlin' });
    await b.service.time.log(dana, 'linkedin 50m');
    clock.t = Date.UTC(2026, 10, 23, 8);
    const deps = {
      digest: b.service.digest,
      notifiers: [b.adapter.notifier],
      log: createLogger('error', () => {}),
      clock,
      instance: 'follower',
      defaultTimeZone: 'UTC',
      pacer: createPacer(clock, async () => {}),
    };
    expect(await runDigestTick(deps, clock.t)).toMatchObject({ due: 1, sent: 1 });
    const [digest] = a.rest.history(dmChannelOf(DANA.id));
    expect(digest?.embeds[0].title).toMatch(/^Your week, 16 Nov/);
    expect(a.gateway.identified).toBe(1);
    expect(said(b, 'discord: connected')).toBe(false);
  });

  it('GIVEN two instances briefly both connected (a handover) THEN a DM is answered once', async () => {
    const [a, b] = await instances();
    expect(a.gateway.identified).toBe(2);
    const payload = dm('LinkedIn request from Dana Kim');
    const first = a.rest.waitFor((c) => c.route === danaDm(), 5000, a.rest.calls.length);
    a.gateway.dispatch('MESSAGE_CREATE', payload);
    await first;
    // Discord's REST queue keeps one channel's posts in order: a second answer would come before this one.
    await b.sendDm('Facebook friend request from Sam Lee');
    expect(replies(a)).toHaveLength(2);
    expect(a.logs.concat(b.logs).some((l) => l.includes('duplicate DM ignored'))).toBe(true);
  });
});
