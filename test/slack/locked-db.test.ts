import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../adapters/slack/render.js';
import { RECORD_ACTION } from '../../adapters/slack/render-records.js';
import { encodeAnswer } from '../../adapters/slack/to-core.js';
import { holdWriteLock, type LockHolder } from '../helpers/lock-holder.js';
import { tempDir } from '../helpers/run-process.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { blockActionsForm, eventBody, slashCommandForm, viewSubmissionForm } from '../helpers/slack-payloads.js';

let h: SlackHarness | undefined;
let holder: LockHolder | undefined;
const folder = tempDir();
afterEach(async () => {
  holder?.kill();
  if (h) expect(h.violations()).toEqual([]);
  await h?.close();
  folder.cleanup();
});

/** The app over a database file, so that a second process can lock it. */
async function lockedApp(): Promise<{ h: SlackHarness; lock: () => Promise<LockHolder> }> {
  const file = join(folder.dir, 'locked.db');
  h = await startSlackHarness({}, { file });
  return {
    h,
    lock: async () => {
      holder = await holdWriteLock(file);
      return holder;
    },
  };
}

/** What the app posted to one response_url, once it does. */
const respondedTo = (app: SlackHarness, responseUrl: string, from: number): Promise<RecordedCall> =>
  app.fake.waitFor((c) => c.method === 'response_url' && responseUrl.endsWith(c.path), from, 15_000);

const answers = (app: SlackHarness) => app.db.$client.prepare('select count(*) as n from answers').get();

// Each test lets go of the lock only after Slack has its ack: a handler that waited for the database before
// acknowledging could not reach that point, whatever the machine's speed.
describe('Slack while another process holds the database write lock', () => {
  it('GIVEN /triage <text> THEN the ack says it is working while the lock is held, and the card follows through response_url', async () => {
    const { h, lock } = await lockedApp();
    const held = await lock();
    const responseUrl = h.fake.responseUrl();
    const from = h.fake.calls.length;

    const res = await h.send(slashCommandForm('LinkedIn request from Dana Kim', responseUrl));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });

    const card = respondedTo(h, responseUrl, from);
    await held.release();
    expect((await card).body.response_type).toBe('ephemeral');
    expect(visibleText(await card)).toContain('*LinkedIn invitation from Dana Kim*');
  });

  it('GIVEN a triage waiting for the lock THEN /triage help still answers in its ack, since it needs no database', async () => {
    const { h, lock } = await lockedApp();
    const held = await lock();
    const waiting = h.send(slashCommandForm('LinkedIn request from Dana Kim', h.fake.responseUrl()));

    const res = await h.send(slashCommandForm('help', h.fake.responseUrl()));
    const help = (await res.json()) as Record<string, unknown>;
    expect(visibleText({ method: 'ack', path: '', body: help, raw: '' })).toContain('/triage history');

    await held.release();
    expect((await waiting).status).toBe(200);
  });

  it('GIVEN an answer clicked THEN the click is acked while the lock is held, and the card shows the decision once it is gone', async () => {
    const { h, lock } = await lockedApp();
    const view = await h.service.triage.startFromText(h.userRef(), 'x', { platform: 'linkedin', inviter: 'Dana Kim' });
    if (view.step.kind !== 'question') throw new Error('expected a question');
    const q = view.step.question;
    const value = encodeAnswer({ triageId: view.id, questionId: q.id, choice: q.choices[0]?.id ?? '' });
    const held = await lock();
    const responseUrl = h.fake.responseUrl();
    const from = h.fake.calls.length;

    const click = { action_id: `${ACTION.answer}_0`, value, block_id: `answers_${view.id}` };
    const res = await h.send(blockActionsForm(click, { kind: 'ephemeral', responseUrl }));
    expect(res.status).toBe(200);
    expect(answers(h)).toEqual({ n: 0 });

    const card = respondedTo(h, responseUrl, from);
    await held.release();
    expect((await card).body.replace_original).toBe(true);
    expect(visibleText(await card)).toContain('Accept');
    expect(answers(h)).toEqual({ n: 1 });
  });

  it('GIVEN a DM to the app THEN the event is acked while the lock is held (its dedupe record waits too), and the card follows', async () => {
    const { h, lock } = await lockedApp();
    const held = await lock();
    const from = h.fake.calls.length;

    const res = await h.send(eventBody('message_im.json', {}, 'Ev0LOCKED1'), 'application/json');
    expect(res.status).toBe(200);
    expect(h.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage')).toEqual([]);

    const card = h.fake.waitFor((c) => c.method === 'chat.postMessage', from, 15_000);
    await held.release();
    expect((await card).body.channel).toBe('D0ABCDEF1');
  });

  it('GIVEN the policy form is saved THEN it closes while the lock is held, and the saved policy follows in the DM', async () => {
    const { h, lock } = await lockedApp();
    const held = await lock();
    const from = h.fake.calls.length;
    const values = {
      builtin: { builtin_select: { type: 'checkboxes', selected_options: [{ value: 'knows_them' }] } },
      custom: { custom_input: { type: 'plain_text_input', value: 'Did we work together?' } },
      reset: { reset_select: { type: 'checkboxes', selected_options: [] } },
    };

    const res = await h.send(viewSubmissionForm(values, 'policy_modal', 'linkedin'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');

    const saved = h.fake.waitFor((c) => c.method === 'chat.postMessage', from, 15_000);
    await held.release();
    expect(visibleText(await saved)).toContain('Did we work together?');
    expect((await h.service.policies.show(h.userRef(), 'linkedin')).source).toBe('user');
  });

  it('GIVEN Edit policy is clicked THEN a loading form opens while the lock is held, and the policy fills it once it is gone', async () => {
    const { h, lock } = await lockedApp();
    const held = await lock();
    const from = h.fake.calls.length;
    const click = { action_id: RECORD_ACTION.editPolicy, value: 'linkedin', block_id: 'policy_linkedin' };

    await h.send(blockActionsForm(click, { kind: 'ephemeral', responseUrl: h.fake.responseUrl() }));
    const opened = await h.fake.waitFor((c) => c.method === 'views.open', from, 15_000);
    expect(visibleText(opened)).toContain('Loading your policy');

    const filled = h.fake.waitFor((c) => c.method === 'views.update', from, 15_000);
    await held.release();
    const view = (await filled).body.view as { private_metadata: string; callback_id: string };
    expect(view).toMatchObject({ callback_id: 'policy_modal', private_metadata: 'linkedin' });
    expect(visibleText(await filled)).toContain('in person or on the phone');
  });
});
