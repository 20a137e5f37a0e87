import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISCARDED } from '../../adapters/slack/handlers/discard.js';
import { renderTriage } from '../../adapters/slack/render.js';
import { PLATFORMS } from '../../src/core/platforms.js';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { blocksOf, buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { allViolations } from '../helpers/slack-limits.js';
import { STEVE } from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const triages = () => (h.db.$client.prepare('select count(*) as n from triages').get() as { n: number }).n;
const DM = { kind: 'message' as const, channel: 'D2147483697', ts: '1700000001.000100' };

describe('Discard on a triage card', () => {
  it('GIVEN an open triage WHEN Discard is clicked THEN it is deleted and the card says so, naming nobody', async () => {
    const card = await h.command('LinkedIn request from Dana Kim, recruiter at Acme');
    expect(buttons(card)).toContain('Discard');
    const done = await h.click(card, 'Discard');
    expect(done.method).toBe('response_url');
    expect(done.body.replace_original).toBe(true);
    expect(done.body.response_type).toBe('ephemeral');
    expect(visibleText(done)).toBe(DISCARDED);
    expect(JSON.stringify(done.body)).not.toContain('Dana');
    expect(triages()).toBe(0);
    expect(await h.service.records.pending(h.userRef())).toEqual([]);
  });

  it('GIVEN a decided card in the DM WHEN Discard is clicked THEN the decision leaves history and the card is replaced', async () => {
    const card = await h.command('LinkedIn request from Dana Kim');
    const decided = await h.click(card, 'No');
    expect(buttons(decided)).toEqual(['Revise', 'Undo', 'Discard']);
    const done = await h.click(decided, 'Discard', { ...DM, responseUrl: h.fake.responseUrl() });
    expect(done.method).toBe('chat.update');
    expect(visibleText(done)).toBe(DISCARDED);
    expect((await h.service.records.history(h.userRef())).total).toBe(0);
  });

  it("GIVEN someone else's card WHEN they click Discard THEN it is refused privately and nothing is deleted", async () => {
    const card = await h.command('LinkedIn request from Dana Kim');
    const refused = await h.click(card, 'Discard', 'same', { ...STEVE, userId: 'U0MALLORY' });
    expect(visibleText(refused)).toMatch(/belongs to someone else/i);
    expect(triages()).toBe(1);
  });
});

describe('a question with more choices than fit as buttons', () => {
  /** The network question of an open triage, offering every network in the catalog. */
  async function everyNetwork(): Promise<RecordedCall> {
    const card = await h.command('Dana Kim');
    expect(visibleText(card)).toContain('Which network');
    const view = await h.service.triage.get(h.userRef(), Number(/triage_(\d+)/.exec(JSON.stringify(card.body))?.[1]));
    if (view.step.kind !== 'question') throw new Error('expected the network question');
    const choices = PLATFORMS.map((p) => ({ id: p.id, label: p.name, result: 'pass' as const }));
    const msg = renderTriage({ ...view, step: { ...view.step, question: { ...view.step.question, choices } } });
    return { method: 'chat.postMessage', path: '', raw: '', body: { channel: 'D1', ...msg } };
  }

  it('is one menu that Slack accepts, and choosing from it answers the question', async () => {
    const shown = await everyNetwork();
    expect(allViolations([shown])).toEqual([]);
    const menu = blocksOf(shown)
      .flatMap((b) => (b.type === 'actions' ? (b.elements as Record<string, unknown>[]) : []))
      .find((e) => e.type === 'static_select') as
      | { action_id: string; options: { text: { text: string }; value: string }[] }
      | undefined;
    expect(menu?.options.map((o) => o.text.text)).toEqual(PLATFORMS.map((p) => p.name));
    const linkedin = menu?.options.find((o) => o.text.text === 'LinkedIn');
    const block = blocksOf(shown).find((b) => b.type === 'actions' && String(b.block_id).startsWith('answers_'));
    const next = await h.act(
      {
        action_id: menu?.action_id ?? '',
        type: 'static_select',
        block_id: String(block?.block_id),
        selected_option: { value: linkedin?.value ?? '', text: { type: 'plain_text', text: 'LinkedIn' } },
      },
      { kind: 'ephemeral', responseUrl: h.fake.responseUrl() },
    );
    expect(visibleText(next)).toContain('LinkedIn invitation');
    expect(visibleText(next)).not.toContain('Which network');
  });
});
