import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import { createPacer, FIRST_RETRY_MS, runDigestTick } from '../../src/scheduler/tick.js';
import { openDatabase } from '../../src/store/db.js';
import { dmChannelOf, type Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { asAdmin, DANA, SAM, slash } from '../helpers/discord-payloads.js';

const GUILD = '1140000000000000001';
const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const server = { provider: 'discord' as const, workspace: GUILD };
/** Wednesday of the week before; the digest is due Monday 23 November 2026, 09:00 in Berlin (08:00 UTC). */
const WEDNESDAY = Date.UTC(2026, 10, 18, 12);
const DUE = Date.UTC(2026, 10, 23, 8);

let h: DiscordHarness;
const clock = { t: WEDNESDAY, now: () => clock.t };
beforeEach(async () => {
  clock.t = WEDNESDAY;
  h = await startDiscordHarness({ service: serviceOver(openDatabase(':memory:'), clock) });
});
afterEach(async () => {
  await h.close();
});

type Opt = { name: string; type: number; value: string | boolean };
const str = (name: string, value: string): Opt => ({ name, type: 3, value });
const time = (platform: string, duration: string, more: Opt[] = [], where: 'dm' | 'guild' = 'dm') =>
  h.interact(slash('time', [str('platform', platform), str('duration', duration), ...more], DANA, where));
const count = (table: string) =>
  (h.service.stores.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const fieldValues = (message: Json): string => message.embeds[0].fields.map((f: Json) => f.value).join('\n');

describe('the digest subcommands as registered', () => {
  it('declare time, budget, guidelines, guidelines-set and digest, with platform choices within 25', () => {
    const [slashDef] = commandDefinitions() as Json[];
    const subs = new Map<string, Json>(slashDef.options.map((o: Json) => [o.name, o]));
    for (const name of ['time', 'budget', 'guidelines', 'guidelines-set', 'digest']) expect(subs.has(name)).toBe(true);
    for (const name of ['time', 'budget']) {
      const platform = subs.get(name).options.find((o: Json) => o.name === 'platform');
      expect(platform.required).toBe(true);
      expect(platform.choices.length).toBeLessThanOrEqual(25);
      expect(platform.choices).toContainEqual({ name: 'LinkedIn', value: 'linkedin' });
    }
    const place = subs.get('time').options.find((o: Json) => o.name === 'place');
    expect(place.choices.map((c: Json) => c.value)).toEqual(['work', 'home']);
  });
});

describe('/triage time and /triage budget', () => {
  it('GIVEN a budget and then time logged THEN each confirms in the DM, and the digest so far shows the bar', async () => {
    const budget = await h.interact(
      slash('budget', [str('platform', 'linkedin'), str('duration', '2h'), str('expect', 'leads')]),
    );
    expect(budget.body.data.content).toBe('LinkedIn: 2h a week, expecting leads.');
    const logged = await time('linkedin', '25m', [str('place', 'work')]);
    expect(logged.body.type).toBe(4);
    expect(logged.body.data.flags ?? 0).toBe(0);
    expect(logged.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(logged.body.data.content).toBe('Logged 25m on LinkedIn at work. LinkedIn ▇▇░░░░░░ 25m of 2h this week.');
    const preview = await h.interact(slash('digest', [str('week', 'current')]));
    expect(fieldValues(preview.body.data)).toContain('LinkedIn ▇▇░░░░░░ 25m of 2h · for leads · work 25m');
  });

  it('GIVEN it is used in a server THEN the confirmation is ephemeral', async () => {
    const logged = await time('facebook', '1h30m', [], 'guild');
    expect(logged.body.data.flags).toBe(64);
    expect(logged.body.data.content).toMatch(/^Logged 1h30m on Facebook\./);
  });

  it('GIVEN a nonsense duration, a negative one or an unknown platform THEN the parser says why, privately, and nothing is stored', async () => {
    const cases: [string, string, RegExp][] = [
      ['linkedin', 'forever', /not a duration|could not read/i],
      ['linkedin', '-5m', /cannot be negative/],
      ['linkedin', '25', /Add a unit/],
      ['friendster', '25m', /don't know the platform/],
      ['linkedin', '**25** <@123>', /"\\\*\\\*25\\\*\\\*\\<@123>" is not a duration/],
    ];
    for (const [platform, duration, why] of cases) {
      const reply = await time(platform, duration);
      expect(reply.body.data.flags).toBe(64);
      expect(reply.body.data.content).toMatch(why);
      expect(reply.body.data.allowed_mentions).toEqual({ parse: [] });
    }
    const budget = await h.interact(slash('budget', [str('platform', 'linkedin'), str('duration', '@everyone')]));
    expect(budget.body.data.flags).toBe(64);
    expect(budget.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(count('time_logs')).toBe(0);
    expect(count('budgets')).toBe(0);
  });
});

describe('/triage guidelines', () => {
  const setGuidance = (note: string, admin: boolean, where: 'dm' | 'guild' = 'guild') => {
    const p = slash(
      'guidelines-set',
      [{ name: 'work_hours_ok', type: 5, value: false }, str('note', note)],
      DANA,
      where,
    );
    return h.interact(admin ? asAdmin(p) : p);
  };

  it('GIVEN none set THEN it says the server has none yet', async () => {
    const reply = await h.interact(slash('guidelines', [], SAM, 'guild'));
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.embeds[0].description).toMatch(/no guidance on social networking at work yet/);
  });

  it('GIVEN a member with Manage Server sets it THEN it is saved for the server and others see it, escaped', async () => {
    const saved = await setGuidance('Never name **clients**, @everyone', true);
    expect(saved.body.data.flags).toBe(64);
    expect(saved.body.data.embeds[0].title).toBe('Guidance saved for this server');
    const shown = await h.interact(slash('guidelines', [], SAM, 'guild'));
    expect(shown.body.data.embeds[0].description).toBe(
      'Keep social networking out of work hours.\nWhat you may say: Never name \\*\\*clients\\*\\*, @everyone',
    );
    expect(shown.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(await h.service.time.guidelines(server)).toMatchObject({ set: true, workHoursOk: false });
  });

  it("GIVEN guidance set in a server THEN a member's digest, previewed from the DM, quotes that server's guidance", async () => {
    await setGuidance('Talk about public talks only', true);
    await h.interact(slash('guidelines', [], SAM, 'guild'));
    await h.service.time.log({ provider: 'discord', workspace: '', userId: SAM.id }, 'linkedin 25m at work');
    const preview = await h.interact(slash('digest', [str('week', 'current')], SAM, 'dm'));
    const embed = JSON.stringify(preview.body.data.embeds[0]);
    expect(embed).toContain('Talk about public talks only');
  });

  it('GIVEN a member without Manage Server, or a DM THEN it is refused privately and nothing is stored', async () => {
    const refused = await setGuidance('Anything goes', false);
    expect(refused.body.data.flags).toBe(64);
    expect(refused.body.data.content).toMatch(/Manage Server/);
    const inDm = await setGuidance('Anything goes', false, 'dm');
    expect(inDm.body.data.flags).toBe(64);
    expect(inDm.body.data.content).toMatch(/run this in the server/);
    expect((await h.service.time.guidelines(server)).set).toBe(false);
    expect((await h.service.time.guidelines({ provider: 'discord', workspace: '' })).set).toBe(false);
    expect(count('team_guidance')).toBe(0);
  });
});

describe('/triage digest', () => {
  it('GIVEN it is used in a server THEN the digest embed is ephemeral; in the DM it is a normal message; nothing is marked sent', async () => {
    const inServer = await h.interact(slash('digest', [], DANA, 'guild'));
    expect(inServer.body.data.flags).toBe(64);
    expect(inServer.body.data.embeds[0].title).toMatch(/^Your week so far, .*\(a preview of your next digest\)$/);
    const last = await h.interact(slash('digest', [str('week', 'last')], DANA, 'guild'));
    expect(last.body.data.embeds[0].title).toMatch(/^Your week, [^(]*$/);
    const inDm = await h.interact(slash('digest', []));
    expect(inDm.body.data.flags ?? 0).toBe(0);
    expect(inDm.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(count('digest_claims')).toBe(0);
  });
});

describe('digest delivery through the Discord notifier', () => {
  const logs: string[] = [];
  const tick = (at: number) => {
    clock.t = at;
    const deps = {
      digest: h.service.digest,
      notifiers: [h.adapter.notifier],
      log: createLogger('info', (l) => logs.push(l)),
      clock,
      instance: 'test-tick',
      defaultTimeZone: 'UTC',
      pacer: createPacer(clock, async () => {}),
    };
    return runDigestTick(deps, at);
  };
  const claim = () =>
    h.service.stores.db.$client.prepare('select status, attempts, next_attempt_at from digest_claims').all();
  const digestPosts = () =>
    h.rest.calls.filter((c) => c.method === 'POST' && c.route === `/channels/${dmChannelOf(DANA.id)}/messages`);

  /** Dana wants the digest Mondays at 09:00 Berlin time, deferred a LinkedIn invitation and logged time last week. */
  async function lastWeek(): Promise<number> {
    const settings = [
      { name: 'day', type: 4, value: 1 },
      { name: 'hour', type: 4, value: 9 },
      str('timezone', 'Europe/Berlin'),
    ];
    await h.interact(slash('settings', settings as Opt[]));
    await h.interact(slash('start', [str('text', 'LinkedIn invitation from Priya Raman')]));
    const id = Number(h.shown().embeds[0].footer.text.replace('Triage #', ''));
    await answerAll(h, {
      platform: 'linkedin',
      inviter: 'Priya Raman',
      serves_professionally: 'no',
      met_in_person_or_phone: 'planned',
    });
    expect(h.shown().embeds[0].title).toMatch(/^Defer/);
    await time('linkedin', '50m');
    logs.length = 0;
    return id;
  }

  it('GIVEN the chosen local time comes THEN the DM is opened and the digest embed sent once, pinging nobody; its button reopens the deferred triage', async () => {
    const id = await lastWeek();
    expect(await tick(DUE - 60_000)).toMatchObject({ due: 0, sent: 0 });
    expect(h.rest.calls.some((c) => c.route === '/users/@me/channels')).toBe(false);

    expect(await tick(DUE)).toMatchObject({ due: 1, sent: 1, failed: 0 });
    const open = await h.rest.waitFor((c) => c.route === '/users/@me/channels');
    expect(open.body).toEqual({ recipient_id: DANA.id });
    const [sent] = digestPosts();
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
    expect(sent?.body.embeds[0].title).toMatch(/^Your week, /);
    const fields = sent?.body.embeds[0].fields.map((f: Json) => `${f.name}: ${f.value}`).join('\n');
    expect(fields).toMatch(/Still deferred \(1\): LinkedIn · Priya Raman · waiting/);
    expect(fields).toMatch(/LinkedIn 50m, no budget/);
    expect(sent?.body.components[0].components[0]).toMatchObject({
      label: 'Decide Priya Raman (LinkedIn)',
      custom_id: `o:${id}`,
    });
    expect(claim()).toEqual([{ status: 'sent', attempts: 1, next_attempt_at: null }]);
    expect(await tick(DUE + 15 * 60_000)).toMatchObject({ due: 0, sent: 0 });
    expect(digestPosts()).toHaveLength(1);

    const reply = await h.click('Decide Priya Raman (LinkedIn)');
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags ?? 0).toBe(0);
    expect(reply.body.data.embeds[0].description).toMatch(/Question 1 of/);
    expect((await h.service.triage.get(dana, id)).step.kind).toBe('question');
    expect((await h.service.records.pending(dana)).map((p) => p.triageId)).toEqual([id]);
  });

  it('GIVEN the user does not accept DMs (50007) THEN the claim is marked failed, the tick goes on, and a later tick sends it', async () => {
    await lastWeek();
    h.rest.failNext('POST', /^\/channels\/\d+\/messages$/, 403, {
      message: 'Cannot send messages to this user',
      code: 50007,
    });
    expect(await tick(DUE)).toMatchObject({ due: 1, sent: 0, failed: 1 });
    expect(claim()).toEqual([{ status: 'failed', attempts: 1, next_attempt_at: DUE + FIRST_RETRY_MS }]);
    expect(logs.join('\n')).toMatch(/digest delivery failed.*does not accept DMs/);

    expect(await tick(DUE + FIRST_RETRY_MS - 60_000)).toMatchObject({ due: 0 });
    expect(await tick(DUE + FIRST_RETRY_MS)).toMatchObject({ due: 1, sent: 1 });
    expect(claim()).toEqual([{ status: 'sent', attempts: 2, next_attempt_at: null }]);
    const posts = digestPosts();
    expect(posts.at(-1)?.body.embeds[0].title).toMatch(/^Your week, /);
    const reply = await time('linkedin', '5m');
    expect(reply.body.data.content).toMatch(/^Logged 5m on LinkedIn/);
  });
});
