import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createPacer, FIRST_RETRY_MS, runDigestTick, type TickDeps } from '../../src/scheduler/tick.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { type Actor, eventBody, STEVE } from '../helpers/slack-payloads.js';

// A Wednesday in the reported week, and the Monday its digest goes out: 09:00 in Berlin is 08:00 UTC.
const MIDWEEK = Date.parse('2025-03-05T10:00:00Z');
const MONDAY_0900_BERLIN = Date.parse('2025-03-10T08:00:00Z');
const MINUTE = 60_000;
const ADMIN: Actor = { ...STEVE, userId: 'U0ADMIN01' };

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
  h.clock.set(MIDWEEK);
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const count = (table: string) => (h.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const isEphemeral = (c: RecordedCall) => c.body.response_type === 'ephemeral';
const claims = () =>
  h.db.$client.prepare('SELECT week, status, attempts FROM digest_claims').all() as {
    week: string;
    status: string;
    attempts: number;
  }[];

function tick(): ReturnType<typeof runDigestTick> {
  const deps: TickDeps = {
    digest: h.service.digest,
    notifiers: [h.adapter.notifier],
    log: createLogger('debug', (l) => h.logs.push(l)),
    clock: h.clock,
    instance: 'test',
    defaultTimeZone: 'UTC',
    pacer: createPacer(h.clock, async () => {}, { slack: 0 }),
  };
  return runDigestTick(deps, h.clock.now());
}

/** A LinkedIn invitation from Dana Kim, deferred ("a call is planned"). */
async function deferDana(): Promise<number> {
  const user = h.userRef();
  const v = await h.service.triage.startFromText(user, 'x', { platform: 'linkedin', inviter: 'Dana Kim' });
  if (v.step.kind !== 'question') throw new Error('expected a question');
  const done = await h.service.triage.answer(user, v.id, { questionId: v.step.question.id, choice: 'planned' });
  expect(done.step.kind === 'decision' && done.step.decision.outcome).toBe('defer');
  return v.id;
}

describe('logging time and budgets with /triage', () => {
  it('GIVEN a budget and a time log THEN each reply confirms it privately, and the week so far shows the bar', async () => {
    const budget = await h.command('budget linkedin 2h leads');
    expect(isEphemeral(budget)).toBe(true);
    expect(visibleText(budget)).toContain('LinkedIn: 2h a week, expecting leads.');
    // The first such command reads the user's Slack time zone, so weeks are their local weeks.
    expect(h.fake.calls.some((c) => c.method === 'users.info' && c.body.user === STEVE.userId)).toBe(true);
    expect((await h.service.settings.get(h.userRef())).timezone).toBe('Europe/Berlin');

    const logged = await h.command('time linkedin 25m at work');
    expect(isEphemeral(logged)).toBe(true);
    expect(visibleText(logged)).toBe('Logged 25m on LinkedIn at work. LinkedIn ▇▇░░░░░░ 25m of 2h this week.');
    expect(h.fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);

    const preview = await h.command('digest now');
    expect(isEphemeral(preview)).toBe(true);
    expect(visibleText(preview)).toContain('LinkedIn ▇▇░░░░░░ 25m of 2h · for leads · work 25m, home 0m');
    const stored = await h.service.digest.preview(h.userRef(), { week: 'current' });
    expect(stored.sections.flatMap((s) => s.lines)).toContain(
      'LinkedIn ▇▇░░░░░░ 25m of 2h · for leads · work 25m, home 0m',
    );
  });

  it.each([
    ['time linkedin banana', '"banana" is not a duration'],
    ['time friendster 5m', 'I don\'t know the platform in "friendster 5m"'],
    ['budget', 'Try: budget linkedin 2h leads'],
    ['time linkedin 30h', 'more than the 24h allowed'],
    ['time <!channel> 5m', '"&lt;!channel&gt; 5m"'],
  ])('GIVEN "/triage %s" THEN the service’s message, privately, and nothing is stored', async (text, expected) => {
    const reply = await h.command(text);
    expect(isEphemeral(reply)).toBe(true);
    expect(visibleText(reply)).toContain(expected);
    expect(JSON.stringify(reply.body)).not.toContain('<!channel>');
    expect({ logs: count('time_logs'), budgets: count('budgets'), users: count('users') }).toEqual({
      logs: 0,
      budgets: 0,
      users: 0,
    });
    expect(h.fake.calls.some((c) => c.method === 'users.info')).toBe(false);
  });

  it('help lists the new subcommands', async () => {
    const help = visibleText(await h.command('help'));
    for (const sub of ['/triage time', '/triage budget', '/triage digest', '/triage guidelines']) {
      expect(help).toContain(sub);
    }
  });
});

describe('team guidelines', () => {
  it('GIVEN none set THEN members are told so; an admin sets them; members then see them, escaped', async () => {
    expect(visibleText(await h.command('guidelines'))).toContain('no guidance');
    h.fake.setUser(ADMIN.userId, { is_admin: true });
    const saved = await h.command('guidelines set not-ok Say <!channel> you work here & nothing about clients', ADMIN);
    expect(isEphemeral(saved)).toBe(true);
    expect(visibleText(saved)).toContain('Saved.');
    expect(JSON.stringify(saved.body)).not.toContain('<!channel>');

    const team = { provider: 'slack' as const, workspace: h.userRef().workspace };
    expect(await h.service.time.guidelines(team)).toMatchObject({
      set: true,
      workHoursOk: false,
      note: 'Say <!channel> you work here & nothing about clients',
    });
    const seen = await h.command('guidelines');
    expect(visibleText(seen)).toContain('Keep social networking out of work hours.');
    expect(visibleText(seen)).toContain('What you may say: Say &lt;!channel&gt; you work here &amp; nothing');
  });

  it('an owner may set them too, with the optional "work-hours" word', async () => {
    h.fake.setUser(ADMIN.userId, { is_owner: true });
    await h.command('guidelines set work-hours ok Mention the clinic by name only', ADMIN);
    const team = { provider: 'slack' as const, workspace: h.userRef().workspace };
    expect(await h.service.time.guidelines(team)).toMatchObject({
      workHoursOk: true,
      note: 'Mention the clinic by name only',
    });
  });

  it('GIVEN a member who is not an admin THEN setting them is refused and nothing changes', async () => {
    h.fake.setUser(STEVE.userId, { is_admin: false, is_owner: false });
    const refused = await h.command('guidelines set ok anything goes');
    expect(isEphemeral(refused)).toBe(true);
    expect(visibleText(refused)).toContain('Only a workspace admin or owner');
    expect(count('team_guidance')).toBe(0);
  });

  it('GIVEN a stance that is neither ok nor not-ok THEN the usage is shown and nothing is stored', async () => {
    h.fake.setUser(ADMIN.userId, { is_admin: true });
    for (const stance of ['maybe', 'constructor', '']) {
      const reply = await h.command(`guidelines set ${stance} whatever`, ADMIN);
      expect(visibleText(reply)).toContain('Say whether social networking during work hours is fine');
    }
    expect(count('team_guidance')).toBe(0);
  });
});

describe('the weekly digest in Slack', () => {
  it('/triage digest last previews the digest this week sends privately, without sending or marking it', async () => {
    await h.command('time linkedin 25m at home');
    await deferDana();
    h.fake.setUser(ADMIN.userId, { is_admin: true });
    await h.command('guidelines set ok Say you work at the clinic, nothing more', ADMIN);
    h.clock.set(MONDAY_0900_BERLIN - 2 * 60 * MINUTE);
    const from = h.fake.calls.length;
    const preview = await h.command('digest last');
    expect(isEphemeral(preview)).toBe(true);
    const text = visibleText(preview);
    expect(text).toContain('Your week, 3 Mar – 9 Mar');
    expect(visibleText(await h.command('digest'))).toContain(
      'Your week so far, 10 Mar – 16 Mar (a preview of your next digest)',
    );
    expect(text).toContain('Still deferred (1)');
    expect(text).toContain('LinkedIn · Dana Kim · waiting');
    expect(text).toContain('What you may say: Say you work at the clinic, nothing more');
    expect(buttons(preview)).toEqual(['Decide Dana Kim (LinkedIn)']);
    expect(h.fake.calls.slice(from).some((c) => c.method === 'chat.postMessage')).toBe(false);
    expect(claims()).toEqual([]);
  });

  it('GIVEN Monday 09:00 in the user’s zone THEN the tick DMs the digest; its button reopens the deferred triage', async () => {
    await h.command('budget linkedin 1h contacts');
    await h.command('time linkedin 25m at work');
    const id = await deferDana();
    h.clock.set(MONDAY_0900_BERLIN - MINUTE);
    expect(await tick()).toMatchObject({ due: 0, sent: 0 });

    h.clock.set(MONDAY_0900_BERLIN);
    const from = h.fake.calls.length;
    expect(await tick()).toMatchObject({ due: 1, sent: 1, failed: 0 });
    const sent = h.fake.calls.slice(from).map((c) => c.method);
    expect(sent).toEqual(['conversations.open', 'chat.postMessage']);
    expect(h.fake.calls[from]?.body.users).toBe(STEVE.userId);
    const digest = h.fake.calls[from + 1]!;
    expect(digest.body.channel).toBe('D2147483697');
    const text = visibleText(digest);
    expect(text).toContain('Your week, 3 Mar – 9 Mar');
    expect(text).toContain('LinkedIn ▇▇▇░░░░░ 25m of 1h · for contacts · work 25m, home 0m');
    expect(text).toContain('LinkedIn · Dana Kim · waiting 4 days');
    expect(buttons(digest)).toEqual(['Decide Dana Kim (LinkedIn)']);
    expect(claims()).toEqual([{ week: '2025-03-03', status: 'sent', attempts: 1 }]);

    const mark = h.fake.calls.length;
    await h.click(digest, 'Decide Dana Kim (LinkedIn)');
    const reopened = await h.fake.waitFor((c) => c.method === 'chat.postMessage', mark);
    expect(visibleText(reopened)).toContain('Have you connected with Dana Kim in person or on the phone');
    expect(buttons(reopened)).toEqual(['Yes', 'No', 'Not yet, a call is planned', 'Discard']);
    expect((await h.service.triage.get(h.userRef(), id)).status).toBe('open');

    h.clock.set(MONDAY_0900_BERLIN + 30 * MINUTE);
    expect(await tick()).toMatchObject({ due: 0, sent: 0 });
  });

  it('GIVEN channel_not_found THEN the tick records a failure without crashing, and a later tick delivers', async () => {
    await h.command('time linkedin 25m');
    h.clock.set(MONDAY_0900_BERLIN);
    h.fake.fail('conversations.open', 'channel_not_found');
    const from = h.fake.calls.length;
    expect(await tick()).toMatchObject({ due: 1, sent: 0, failed: 1 });
    expect(claims()).toEqual([{ week: '2025-03-03', status: 'failed', attempts: 1 }]);
    expect(h.fake.calls.slice(from).some((c) => c.method === 'chat.postMessage')).toBe(false);
    expect(h.logs.some((l) => l.includes('digest delivery failed') && l.includes('channel_not_found'))).toBe(true);
    expect(visibleText(await h.command('help'))).toContain('/triage digest');

    h.clock.set(MONDAY_0900_BERLIN + FIRST_RETRY_MS / 2);
    expect(await tick()).toMatchObject({ due: 0 });
    h.clock.set(MONDAY_0900_BERLIN + FIRST_RETRY_MS + MINUTE);
    expect(await tick()).toMatchObject({ due: 1, sent: 1 });
    expect(claims()).toEqual([{ week: '2025-03-03', status: 'sent', attempts: 2 }]);
    const digest = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(visibleText(digest)).toContain('LinkedIn 25m, no budget');
  });
});

describe('the Slack time zone', () => {
  it('opening App Home stores the Slack time zone when none is set, and never overwrites one the user chose', async () => {
    const from = h.fake.calls.length;
    await h.send(eventBody('app_home_opened.json', {}, 'Ev0TZHOME1'), 'application/json');
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', from);
    expect(visibleText(home)).toContain('Europe/Berlin');
    expect((await h.service.settings.get(h.userRef())).timezone).toBe('Europe/Berlin');

    await h.service.settings.update(h.userRef(), { timezone: 'Asia/Tokyo' });
    const mark = h.fake.calls.length;
    await h.send(eventBody('app_home_opened.json', {}, 'Ev0TZHOME2'), 'application/json');
    const again = await h.fake.waitFor((c) => c.method === 'views.publish', mark);
    expect(visibleText(again)).toContain('Asia/Tokyo');
    expect(h.fake.calls.slice(mark).some((c) => c.method === 'users.info')).toBe(false);
    await h.command('time linkedin 10m');
    expect((await h.service.settings.get(h.userRef())).timezone).toBe('Asia/Tokyo');
  });
});
