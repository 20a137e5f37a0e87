import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../helpers/slack-fake-api.js';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { eventBody } from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

const triages = () => h.service.records.history(h.userRef(), { limit: 50, offset: 0 });

async function decideDana(): Promise<RecordedCall> {
  const question = await h.command('LinkedIn request from Dana Kim, recruiter at Acme');
  expect(visibleText(question)).toContain('Have you connected with Dana Kim');
  return h.click(question, 'No');
}

describe('Slack: a repeated invitation', () => {
  it('shows the earlier decision and date, records nothing, and Keep it shows that decision', async () => {
    const decided = await decideDana();
    expect(visibleText(decided)).toContain('What to click on LinkedIn: Ignore (the sender is not told).');
    const repeat = await h.command('LinkedIn request from Dana Kim');
    expect(visibleText(repeat)).toMatch(/You triaged Dana Kim on LinkedIn before: Decline, on \d{4}-\d{2}-\d{2}\./);
    expect(buttons(repeat)).toEqual(['Keep it', 'Triage again']);
    expect((await triages()).total).toBe(1);
    const kept = await h.click(repeat, 'Keep it');
    expect(visibleText(kept)).toContain('Decline');
    expect(buttons(kept)).toEqual(['Revise', 'Undo', 'Discard']);
    expect((await triages()).total).toBe(1);
  });

  it('Triage again asks the questions afresh in a new triage', async () => {
    await decideDana();
    const repeat = await h.command('LinkedIn request from Dana Kim');
    const fresh = await h.click(repeat, 'Triage again');
    expect(visibleText(fresh)).toContain('Have you connected with Dana Kim');
    expect((await triages()).total).toBe(1);
    expect(await h.service.records.pending(h.userRef())).toMatchObject([{ inviter: 'Dana Kim', outcome: null }]);
  });
});

describe('Slack: what it took from your words, and your role', () => {
  it('a patient on Facebook is declined without the question; "Not what I meant" asks it', async () => {
    await h.service.settings.update(h.userRef(), { role: 'general' });
    const decided = await h.command('facebook friend request from my patient Sam Lee');
    expect(visibleText(decided)).toContain('You said: my patient');
    expect(visibleText(decided)).toContain('The original policy: You serve Sam Lee professionally');
    const asked = await h.click(decided, 'Not what I meant');
    expect(visibleText(asked)).toContain('Do you serve Sam Lee professionally');
  });

  it('the App Home role select keeps the role, and a clinician declines a patient on LinkedIn', async () => {
    const from = h.fake.calls.length;
    await h.send(eventBody('app_home_opened.json', {}, 'Ev0HOME02'), 'application/json');
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', from);
    expect(visibleText(home)).toContain('Your role');
    const mark = h.fake.calls.length;
    await h.act(
      {
        action_id: 'home_role',
        type: 'static_select',
        selected_option: { value: 'clinician', text: { type: 'plain_text', text: 'Clinician' } },
      },
      { kind: 'home' },
    );
    const republished = await h.fake.waitFor((c) => c.method === 'views.publish', mark);
    expect(visibleText(republished)).toContain('*Your role*: Clinician');
    const policy = await h.command('policy linkedin');
    expect(visibleText(policy)).toContain("your role's policy");
    expect(visibleText(policy)).toContain('_(For clinicians (ACP/FSMB 2013');
    const card = await h.command('My patient Pat Moore wants to connect on LinkedIn');
    expect(visibleText(card)).toContain('For clinicians (ACP/FSMB 2013');
    expect(visibleText(card)).toContain('Decline');
  });
});
