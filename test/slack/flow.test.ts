import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

/** Answers the platform and inviter questions if the parser left them open. */
async function pastPreamble(shown: RecordedCall, platform: string, name: string): Promise<RecordedCall> {
  let card = shown;
  if (buttons(card).includes(platform) && visibleText(card).includes('Which network'))
    card = await h.click(card, platform);
  if (visibleText(card).includes('Who sent it')) {
    const block = (card.body.blocks as { type: string; block_id: string }[]).find((b) => b.type === 'input');
    card = await h.act(
      { action_id: 'triage_inviter', type: 'plain_text_input', block_id: block?.block_id, value: name },
      { kind: 'ephemeral', responseUrl: h.fake.responseUrl() },
    );
  }
  return card;
}

describe('/triage <text> in a channel', () => {
  it('asks the LinkedIn question with buttons, decides in place, and the decision appears in history', async () => {
    const first = await h.command('LinkedIn request from Dana Kim, recruiter at Acme');
    expect(first.body.response_type).toBe('ephemeral');
    const question = await pastPreamble(first, 'LinkedIn', 'Dana Kim');
    expect(visibleText(question)).toContain('Have you connected with Dana Kim in person or on the phone');
    expect(buttons(question)).toEqual(['Yes', 'No', 'Not yet, a call is planned', 'Discard']);

    const decided = await h.click(question, 'Yes');
    expect(decided.method).toBe('response_url');
    expect(decided.body.replace_original).toBe(true);
    expect(visibleText(decided)).toContain('Accept');
    expect(visibleText(decided)).toContain('meets every one of your LinkedIn criteria');
    expect(buttons(decided)).toEqual(['Revise', 'Undo', 'Discard']);

    const stored = await h.service.records.history(h.userRef());
    expect(stored.items).toMatchObject([{ outcome: 'accept', inviter: 'Dana Kim', platform: 'linkedin' }]);

    const history = await h.command('history');
    expect(visibleText(history)).toContain('Accept');
    expect(visibleText(history)).toContain('Dana Kim');
  });

  it('GIVEN a decided card WHEN Revise is clicked THEN the first question returns and the old decision is superseded', async () => {
    const question = await pastPreamble(await h.command('LinkedIn request from Dana Kim'), 'LinkedIn', 'Dana Kim');
    const decided = await h.click(question, 'No');
    expect(visibleText(decided)).toContain('Decline');
    const revised = await h.click(decided, 'Revise');
    expect(buttons(revised)).toEqual(['Yes', 'No', 'Not yet, a call is planned', 'Discard']);
    const again = await h.click(revised, 'Not yet, a call is planned');
    expect(visibleText(again)).toContain('Defer');
    expect((await h.service.records.history(h.userRef())).items.map((i) => i.outcome)).toEqual(['defer']);
    expect(visibleText(await h.command('pending'))).toContain('Dana Kim');
  });

  it('GIVEN a decided card WHEN Undo is clicked THEN the last question is asked again', async () => {
    const question = await pastPreamble(await h.command('LinkedIn request from Dana Kim'), 'LinkedIn', 'Dana Kim');
    const decided = await h.click(question, 'No');
    const undone = await h.click(decided, 'Undo');
    expect(buttons(undone)).toEqual(['Yes', 'No', 'Not yet, a call is planned', 'Discard']);
    expect((await h.service.records.history(h.userRef())).total).toBe(0);
  });

  it('an unknown single word gets the help, and help lists the subcommands', async () => {
    const help = await h.command('frobnicate');
    expect(visibleText(help)).toContain("I don't know `frobnicate`");
    expect(visibleText(help)).toContain('/triage history');
    expect(await h.service.records.pending(h.userRef())).toEqual([]);
    expect(visibleText(await h.command('help'))).toContain('/triage forget');
  });
});
