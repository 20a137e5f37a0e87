import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_ATTEMPTS, runDigestTick } from '../../src/scheduler/tick.js';
import type { Service } from '../../src/service/index.js';
import { CLAIM_STALE_MS } from '../../src/store/digest-claims.js';
import { servicesOnOneFile } from '../helpers/one-file.js';
import { decide, recordingNotifier, slackUser, tickDeps } from './world.js';

// Wednesday of the reported week, and the Monday the digest goes out (09:00 Berlin = 08:00 UTC).
const MIDWEEK = Date.parse('2025-03-05T10:00:00Z');
const MONDAY_0859_BERLIN = Date.parse('2025-03-10T07:59:00Z');
const MINUTE = 60_000;

const { clock, connect, closeAll } = servicesOnOneFile(MIDWEEK);

/** Three Slack users in Berlin with some activity last week. */
async function berliners(service: Service, n = 3) {
  const users = Array.from({ length: n }, (_, i) => slackUser(`U${i}`));
  for (const u of users) {
    await service.settings.update(u, { timezone: 'Europe/Berlin' });
    await decide(service, u, 'linkedin', 'decline');
    await service.time.log(u, 'linkedin 25m at home');
  }
  return users;
}

describe('due users, a page at a time', () => {
  it('GIVEN more due users than a batch holds THEN each comes once, in batches, with claims written between them', async () => {
    const service = connect();
    await berliners(service, 5);
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    const seen: string[] = [];
    const sizes: number[] = [];
    for await (const batch of service.digest.dueBatches(clock.now(), 'UTC', MAX_ATTEMPTS, 2)) {
      sizes.push(batch.length);
      for (const d of batch) {
        seen.push(d.user.userId);
        // A write while the pages are still being read: the scheduler claims as it goes.
        expect(await service.digest.claim(d, 'test', clock.now(), MAX_ATTEMPTS)).toBe(1);
      }
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen.sort()).toEqual(['U0', 'U1', 'U2', 'U3', 'U4']);
    expect(await service.digest.due(clock.now(), 'UTC')).toEqual([]);
  });
});

describe('the digest tick', () => {
  it('GIVEN Monday 08:59 in Berlin THEN nothing; at 09:00 THEN one digest each; a later tick sends nothing more', async () => {
    const service = connect();
    await berliners(service);
    const slack = recordingNotifier('slack', clock);
    clock.set(MONDAY_0859_BERLIN);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0, sent: 0 });
    clock.advance(MINUTE);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 3, sent: 3 });
    clock.advance(15 * MINUTE);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0, sent: 0 });
    expect(slack.sent.map((d) => d.user.userId).sort()).toEqual(['U0', 'U1', 'U2']);
    const lines = slack.sent[0]?.message.sections.flatMap((s) => s.lines).join('\n');
    expect(lines).toContain('LinkedIn: 1 (1 declined), last week 0');
    expect(lines).toContain('LinkedIn 25m, no budget · work 0m, home 25m');
  });

  it('sends each user at their own local Monday 09:00', async () => {
    const service = connect();
    const zones = { kolkata: 'Asia/Kolkata', auckland: 'Pacific/Auckland', ny: 'America/New_York' };
    for (const [id, timezone] of Object.entries(zones)) await service.settings.update(slackUser(id), { timezone });
    const slack = recordingNotifier('slack', clock);
    const sentAt = async (iso: string) => {
      clock.set(Date.parse(iso));
      await runDigestTick(tickDeps(service, clock, [slack]), clock.now());
      return slack.sent.map((d) => d.user.userId);
    };
    // Saturday: every zone already had its Monday, but that digest reports on a week before these users came.
    expect(await sentAt('2025-03-08T12:00:00Z')).toEqual([]);
    expect(await sentAt('2025-03-09T19:59:00Z')).toEqual([]);
    expect(await sentAt('2025-03-09T20:00:00Z')).toEqual(['auckland']); // Mon 09:00 NZDT (UTC+13)
    expect(await sentAt('2025-03-10T03:30:00Z')).toEqual(['auckland', 'kolkata']); // 09:00 IST (UTC+5:30)
    expect(await sentAt('2025-03-10T12:59:00Z')).toEqual(['auckland', 'kolkata']);
    expect(await sentAt('2025-03-10T13:00:00Z')).toEqual(['auckland', 'kolkata', 'ny']); // 09:00 EDT, day after DST
  });

  it('GIVEN the process was down at 09:00 THEN the first tick after it comes back sends, once', async () => {
    const service = connect();
    await berliners(service, 2);
    const slack = recordingNotifier('slack', clock);
    clock.set(Date.parse('2025-03-11T15:07:00Z')); // Tuesday afternoon
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 2 });
    expect(slack.sent[0]?.message.title).toBe('Your week, 3 Mar – 9 Mar');
  });

  it('GIVEN a restart after sending THEN the new process sends nothing again', async () => {
    const before = connect();
    await berliners(before);
    const slack = recordingNotifier('slack', clock);
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    await runDigestTick(tickDeps(before, clock, [slack], 'first'), clock.now());
    closeAll();
    const after = connect();
    clock.advance(15 * MINUTE);
    expect(await runDigestTick(tickDeps(after, clock, [slack], 'second'), clock.now())).toMatchObject({ due: 0 });
    expect(slack.sent).toHaveLength(3);
  });

  it('GIVEN a process claimed a digest and died before sending THEN a later tick sends it once the claim is stale', async () => {
    const service = connect();
    const [u0] = await berliners(service, 1);
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    const [due] = await service.digest.due(clock.now(), 'UTC');
    if (!due || !u0) throw new Error('expected a due digest');
    // The dead process: it took the claim and never marked it.
    expect(await service.digest.claim(due, 'dead', clock.now(), MAX_ATTEMPTS)).toBe(1);
    const slack = recordingNotifier('slack', clock);
    clock.advance(60 * MINUTE);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0, sent: 0 });
    clock.advance(CLAIM_STALE_MS);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 1, sent: 1 });
    expect(slack.sent.map((d) => d.user.userId)).toEqual([u0.userId]);
    expect(await service.digest.claimOf(due.userId, due.week.key)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('GIVEN two schedulers on two connections to one database file ticking at once THEN each user gets one digest', async () => {
    const a = connect();
    const b = connect();
    await berliners(a, 6);
    const slack = recordingNotifier('slack', clock, { delayMs: 2 });
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    const now = clock.now();
    const [ra, rb] = await Promise.all([
      runDigestTick(tickDeps(a, clock, [slack], 'A'), now),
      runDigestTick(tickDeps(b, clock, [slack], 'B'), now),
    ]);
    expect(ra.due + rb.due).toBe(12);
    expect(ra.sent + rb.sent).toBe(6);
    expect(ra.lost + rb.lost).toBe(6);
    expect(new Set(slack.sent.map((d) => d.user.userId)).size).toBe(6);
    expect(slack.sent).toHaveLength(6);
  });

  it('GIVEN one user whose delivery fails THEN the others still get theirs, and it is retried with a growing backoff', async () => {
    const service = connect();
    await berliners(service);
    const slack = recordingNotifier('slack', clock, { failures: { U1: 2 } });
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    const tick = () => runDigestTick(tickDeps(service, clock, [slack]), clock.now());
    expect(await tick()).toMatchObject({ sent: 2, failed: 1 });
    const start = clock.now();
    clock.set(start + FIRST_RETRY_MS - MINUTE);
    expect(await tick()).toMatchObject({ due: 0 });
    clock.set(start + FIRST_RETRY_MS + MINUTE);
    expect(await tick()).toMatchObject({ due: 1, failed: 1 });
    const second = clock.now();
    clock.set(second + FIRST_RETRY_MS + MINUTE);
    expect(await tick()).toMatchObject({ due: 0 }); // the second wait is twice as long
    clock.set(second + 2 * FIRST_RETRY_MS + MINUTE);
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['U0', 'U2', 'U1']);
  });

  it('GIVEN a user forgets themselves through another process mid-run THEN they are skipped and the run goes on', async () => {
    const service = connect();
    const other = connect();
    await berliners(service);
    const slack = recordingNotifier('slack', clock);
    const forgetting = {
      provider: 'slack' as const,
      async send(user: Parameters<typeof slack.send>[0], message: Parameters<typeof slack.send>[1]) {
        await slack.send(user, message);
        // U1 was read as due with the others; by the time their turn comes, they are gone.
        if (user.userId === 'U0') await other.records.forget(slackUser('U1'));
      },
      delivered: async () => false,
    };
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    const result = await runDigestTick(tickDeps(service, clock, [forgetting]), clock.now());
    expect(result).toMatchObject({ due: 3, sent: 2, skipped: 1, lost: 0, failed: 0 });
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['U0', 'U2']);
  });

  it(`GIVEN delivery keeps failing THEN it stops after ${MAX_ATTEMPTS} attempts that week`, async () => {
    const service = connect();
    await berliners(service, 1);
    const slack = recordingNotifier('slack', clock, { failures: { U0: 99 } });
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    for (let i = 0; i < 12; i++) {
      await runDigestTick(tickDeps(service, clock, [slack]), clock.now());
      clock.advance(4 * 3_600_000);
    }
    expect(slack.attempts).toBe(MAX_ATTEMPTS);
  });

  it('GIVEN no activity THEN a short note, or nothing for users who chose quiet weeks', async () => {
    const service = connect();
    await service.settings.update(slackUser('chatty'), { timezone: 'UTC' });
    await service.settings.update(slackUser('quiet'), { timezone: 'UTC', digest: { quietWeeks: true } });
    await service.settings.update(slackUser('off'), { timezone: 'UTC', digest: { off: true } });
    const slack = recordingNotifier('slack', clock);
    clock.set(Date.parse('2025-03-10T09:00:00Z'));
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ sent: 1, skipped: 1 });
    expect(slack.sent.map((d) => [d.user.userId, d.message.summary])).toEqual([
      ['chatty', expect.stringContaining('A quiet week')],
    ]);
    clock.advance(3_600_000);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
  });

  it('GIVEN a provider with no running adapter THEN its users wait, unclaimed, until it runs', async () => {
    const service = connect();
    await service.settings.update({ provider: 'discord', workspace: '', userId: 'D1' }, { timezone: 'UTC' });
    clock.set(Date.parse('2025-03-10T09:00:00Z'));
    const slack = recordingNotifier('slack', clock);
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0 });
    const discord = recordingNotifier('discord', clock);
    expect(await runDigestTick(tickDeps(service, clock, [slack, discord]), clock.now())).toMatchObject({ sent: 1 });
  });

  it('spaces Slack sends at least a second apart', async () => {
    const service = connect();
    await berliners(service, 4);
    const slack = recordingNotifier('slack', clock);
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    await runDigestTick(tickDeps(service, clock, [slack]), clock.now());
    const gaps = slack.sent.slice(1).map((d, i) => d.at - (slack.sent[i]?.at ?? 0));
    expect(gaps).toHaveLength(3);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(1000);
  });

  it('GIVEN a preview THEN the scheduled digest still goes out, with the same content', async () => {
    const service = connect();
    const [u] = await berliners(service, 1);
    clock.set(MONDAY_0859_BERLIN + MINUTE);
    const preview = await service.digest.preview(u ?? slackUser('U0'), { week: 'last' });
    const slack = recordingNotifier('slack', clock);
    await runDigestTick(tickDeps(service, clock, [slack]), clock.now());
    expect(slack.sent[0]?.message).toEqual(preview);
  });

  it("GIVEN a user who first came this week THEN no digest about last week, and the next week's goes out", async () => {
    const service = connect();
    clock.set(Date.parse('2025-03-10T08:00:00Z')); // Monday morning in Berlin, before 09:00
    await service.settings.update(slackUser('new'), { timezone: 'Europe/Berlin' });
    const slack = recordingNotifier('slack', clock);
    clock.set(Date.parse('2025-03-10T09:00:00Z'));
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 0, sent: 0 });
    clock.set(Date.parse('2025-03-17T08:00:00Z')); // the next Monday, 09:00 in Berlin
    expect(await runDigestTick(tickDeps(service, clock, [slack]), clock.now())).toMatchObject({ due: 1, sent: 1 });
  });
});
