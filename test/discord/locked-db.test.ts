import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { serviceOver } from '../../src/compose.js';
import { openDatabase } from '../../src/store/db.js';
import { firstAnswerClicks } from '../helpers/discord-clicks.js';
import type { Json, RestCall } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { button, DANA, messageCommand, modalSubmit, slash } from '../helpers/discord-payloads.js';
import { holdWriteLock, type LockHolder } from '../helpers/lock-holder.js';
import { tempDir } from '../helpers/run-process.js';

const folder = tempDir();
afterAll(() => folder.cleanup());
let files = 0;

/**
 * The bot over a database file of its own, so that a second process can lock it. The tests run side by side:
 * each waits on the acknowledgement deadline, not on the CPU. Both are stopped when the test ends.
 */
async function lockedBot({
  onTestFinished,
}: TestContext): Promise<{ h: DiscordHarness; lock: () => Promise<LockHolder> }> {
  const file = join(folder.dir, `locked-${++files}.db`);
  const h = await startDiscordHarness({ service: serviceOver(openDatabase(file), { now: () => Date.now() }) });
  let holder: LockHolder | undefined;
  onTestFinished(async () => {
    holder?.kill();
    await h.close();
  });
  return {
    h,
    lock: async () => {
      holder = await holdWriteLock(file);
      return holder;
    },
  };
}

/**
 * Dispatches the interaction while the lock is held and returns its acknowledgement. The lock is only let go
 * after that, so a handler that waited for the database before acknowledging could not get here.
 */
async function acknowledged(bot: DiscordHarness, payload: Json): Promise<RestCall> {
  const ack = bot.rest.waitFor((c) => c.route === `/interactions/${payload.id}/${payload.token}/callback`, 15_000);
  bot.gateway.dispatch('INTERACTION_CREATE', payload);
  return ack;
}

const edited = (bot: DiscordHarness, payload: Json) =>
  bot.rest.waitFor((c) => c.method === 'PATCH' && c.route.includes(`/${payload.token}/messages/@original`), 15_000);

const answers = (bot: DiscordHarness) =>
  bot.service.stores.db.$client.prepare('select count(*) as n from answers').get();

describe.concurrent('Discord while another process holds the database write lock', () => {
  it('GIVEN a click THEN it is acknowledged while the lock is held, and the message shows the decision once it is gone', async (t) => {
    const { h, lock } = await lockedBot(t);
    const [click] = await firstAnswerClicks(h.service, 1);
    if (!click) throw new Error('no click');
    const held = await lock();

    const ack = await acknowledged(h, click);
    expect(ack.body.type).toBe(6); // deferred update: the message stays as it was for now
    expect(answers(h)).toEqual({ n: 0 });

    const edit = edited(h, click);
    await held.release();
    expect((await edit).body.embeds[0].title).toBe('Accept: LinkedIn invitation from Dana Kim');
    expect(answers(h)).toEqual({ n: 1 });
  });

  it('GIVEN /triage start in a server THEN "thinking…" shows privately while the lock is held, and the first question replaces it', async (t) => {
    const { h, lock } = await lockedBot(t);
    const held = await lock();
    const command = slash('start', [{ name: 'text', type: 3, value: 'LinkedIn request from Dana Kim' }], DANA, 'guild');

    const ack = await acknowledged(h, command);
    expect(ack.body).toMatchObject({ type: 5, data: { flags: 64 } });

    const edit = edited(h, command);
    await held.release();
    expect((await edit).body.embeds[0].title).toBe('LinkedIn invitation from Dana Kim');
    expect((await edit).body.components.length).toBeGreaterThan(0);
  });

  it('GIVEN "Triage invitation" on a message THEN it is acknowledged while the lock is held, and the triage follows', async (t) => {
    const { h, lock } = await lockedBot(t);
    const held = await lock();
    const command = messageCommand('Facebook friend request from Sam Lee');

    expect((await acknowledged(h, command)).body.type).toBe(5);

    const edit = edited(h, command);
    await held.release();
    expect((await edit).body.embeds[0].title).toBe('Facebook invitation from Sam Lee');
  });

  it('GIVEN the start form is sent THEN it is acknowledged while the lock is held, and the triage follows', async (t) => {
    const { h, lock } = await lockedBot(t);
    const held = await lock();
    const form = modalSubmit('triage_modal', { text: 'LinkedIn request from Dana Kim' });

    expect((await acknowledged(h, form)).body.type).toBe(5);

    const edit = edited(h, form);
    await held.release();
    expect((await edit).body.embeds[0].title).toBe('LinkedIn invitation from Dana Kim');
  });

  it('GIVEN the inviter’s name sent from the form on a message THEN it is acknowledged while the lock is held, and the message moves on', async (t) => {
    const { h, lock } = await lockedBot(t);
    await h.interact(slash('start', [{ name: 'text', type: 3, value: 'Someone wants to connect on LinkedIn' }]));
    const message = h.shown();
    const name = message.components.flatMap((r: Json) => r.components).find((b: Json) => b.custom_id.startsWith('n:'));
    if (!name) throw new Error('no name button');
    const held = await lock();
    const form = modalSubmit(`nm:${name.custom_id.slice(2)}`, { name: 'Kim Park' }, DANA, message);

    expect((await acknowledged(h, form)).body.type).toBe(6);

    const edit = edited(h, form);
    await held.release();
    expect((await edit).body.embeds[0].title).toBe('LinkedIn invitation from Kim Park');
  });

  it('GIVEN Edit on a policy THEN, the form being unable to wait for the lock, the policy comes privately with its Edit button', async (t) => {
    const { h, lock } = await lockedBot(t);
    const held = await lock();
    const click = button('pe:linkedin', undefined);

    expect((await acknowledged(h, click)).body).toMatchObject({ type: 5, data: { flags: 64 } });

    const edit = edited(h, click);
    await held.release();
    const reply = (await edit).body;
    expect(reply.content).toMatch(/Press Edit again/);
    expect(reply.embeds[0].fields[0].name).toContain('LinkedIn');
    expect(reply.components[0].components[0].custom_id).toBe('pe:linkedin');
  });

  it('GIVEN /triage help THEN it answers in full while the lock is held: it needs no database', async (t) => {
    const { h, lock } = await lockedBot(t);
    await lock();
    const ack = await acknowledged(h, slash('help', []));
    expect(ack.body.type).toBe(4);
    expect(ack.body.data.content).toContain('/triage start');
  });
});
