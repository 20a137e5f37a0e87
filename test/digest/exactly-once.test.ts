import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { digestMessage } from '../../src/core/digest/message.js';
import { createLogger } from '../../src/core/logger.js';
import { MAX_ATTEMPTS, runDigestTick } from '../../src/scheduler/tick.js';
import type { Service } from '../../src/service/index.js';
import { type Db, openDatabase } from '../../src/store/db.js';
import { CLAIM_STALE_MS } from '../../src/store/digest-claims.js';
import { type FakeClock, fakeClock } from '../helpers/builders.js';
import { decide, recordingNotifier, slackUser, tempDbFile, tickDeps } from './world.js';

// Wednesday of the reported week, and a minute after the Monday 09:00 (Berlin) it goes out.
const MIDWEEK = Date.parse('2025-03-05T10:00:00Z');
const DUE = Date.parse('2025-03-10T08:01:00Z');
const MINUTE = 60_000;

let file: ReturnType<typeof tempDbFile>;
let clock: FakeClock;
let db: Db;
let service: Service;
let logs: string[];

beforeEach(() => {
  file = tempDbFile();
  clock = fakeClock(MIDWEEK);
  db = openDatabase(file.path);
  service = serviceOver(db, clock);
  logs = [];
});
afterEach(() => {
  db.$client.close();
  file.remove();
});

async function berliners(n: number) {
  const users = Array.from({ length: n }, (_, i) => slackUser(`U${i}`));
  for (const u of users) {
    await service.settings.update(u, { timezone: 'Europe/Berlin' });
    await decide(service, u, 'linkedin', 'decline');
  }
  return users;
}

function tick(notifier: ReturnType<typeof recordingNotifier>) {
  const deps = { ...tickDeps(service, clock, [notifier]), log: createLogger('info', (l) => logs.push(l)) };
  return runDigestTick(deps, clock.now());
}

const claimRow = () =>
  db.$client.prepare('SELECT status, attempts, error FROM digest_claims').get() as {
    status: string;
    attempts: number;
    error: string | null;
  };

/** A process that claimed the digest, delivered it, and died before marking the claim sent. */
async function diedAfterDelivery(slack: ReturnType<typeof recordingNotifier>) {
  const [due] = await service.digest.due(clock.now(), 'UTC');
  if (!due) throw new Error('expected a due digest');
  expect(await service.digest.claim(due, 'dead', clock.now(), MAX_ATTEMPTS)).toBe(1);
  const [digest] = (await service.digest.build([due], clock.now())).values();
  if (!digest) throw new Error('expected a digest');
  await slack.send(due.user, digestMessage(digest), { week: due.week.key });
}

describe('a digest is sent once, whatever fails between sending and recording it', () => {
  it('GIVEN a process died after the digest reached the DM THEN the takeover sends nothing and marks it sent', async () => {
    await berliners(1);
    clock.set(DUE);
    const slack = recordingNotifier('slack', clock);
    await diedAfterDelivery(slack);
    clock.advance(CLAIM_STALE_MS + MINUTE);
    expect(await tick(slack)).toMatchObject({ due: 1, sent: 0, found: 1, failed: 0 });
    expect(slack.sent).toHaveLength(1);
    expect(slack.checks).toBe(1);
    expect(claimRow()).toMatchObject({ status: 'sent', attempts: 2 });
    clock.advance(15 * MINUTE);
    expect(await tick(slack)).toMatchObject({ due: 0 });
  });

  it('GIVEN a process died after claiming, before sending THEN the takeover finds nothing and sends once', async () => {
    await berliners(1);
    clock.set(DUE);
    const [due] = await service.digest.due(clock.now(), 'UTC');
    if (!due) throw new Error('expected a due digest');
    await service.digest.claim(due, 'dead', clock.now(), MAX_ATTEMPTS);
    const slack = recordingNotifier('slack', clock);
    clock.advance(CLAIM_STALE_MS + MINUTE);
    expect(await tick(slack)).toMatchObject({ due: 1, sent: 1, found: 0 });
    expect(slack.checks).toBe(1);
    expect(slack.sent.map((d) => d.tag)).toEqual([{ week: due.week.key }]);
    expect(claimRow()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('GIVEN marking the claim sent fails THEN it is not saved as failed, nothing is resent, and the takeover marks it', async () => {
    await berliners(1);
    clock.set(DUE);
    // A database that refuses the update, as a broken or busy one would, through the real store.
    db.$client.exec(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON digest_claims WHEN NEW.status = 'sent'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const slack = recordingNotifier('slack', clock);
    expect(await tick(slack)).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(claimRow()).toEqual({ status: 'claimed', attempts: 1, error: null });
    expect(logs.join('\n')).toMatch(/delivered but not recorded.*disk I\/O error/);

    clock.advance(15 * MINUTE);
    expect(await tick(slack)).toMatchObject({ due: 0 });
    clock.advance(60 * MINUTE);
    expect(await tick(slack)).toMatchObject({ due: 0 });
    db.$client.exec('DROP TRIGGER refuse_sent');
    clock.advance(CLAIM_STALE_MS);
    expect(await tick(slack)).toMatchObject({ due: 1, sent: 0, found: 1 });
    expect(slack.sent).toHaveLength(1);
    expect(claimRow()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('GIVEN a user runs forget during the run THEN that user is skipped and the later users still get theirs', async () => {
    const [u0, u1] = await berliners(3);
    clock.set(DUE);
    const slack = recordingNotifier('slack', clock, {
      beforeSend: (user) => {
        if (user.userId === u0?.userId && u1) return service.records.forget(u1);
      },
    });
    expect(await tick(slack)).toMatchObject({ due: 3, sent: 2, skipped: 1, failed: 0 });
    expect(slack.sent.map((d) => d.user.userId)).toEqual(['U0', 'U2']);
    expect(logs.join('\n')).toMatch(/forgot everything during the run, skipped/);
    expect(db.$client.prepare('SELECT count(*) AS n FROM digest_claims').get()).toEqual({ n: 2 });
  });
});
