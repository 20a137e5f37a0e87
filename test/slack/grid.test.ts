import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttons, type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { type Actor, eventBody, STEVE } from '../helpers/slack-payloads.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  expect(h.violations()).toEqual([]);
  await h.close();
});

/** The same person as STEVE, as an org-wide install's clicks and events name him. */
const STEVE_ORG: Actor = { ...STEVE, orgWide: true };

const userRows = () => h.db.$client.prepare('select workspace, external_id from users').all();

describe('Enterprise Grid: one person is one user', () => {
  it('GIVEN a triage started by command WHEN the org-wide click names the enterprise as team THEN it is answered, not refused', async () => {
    const card = await h.command('LinkedIn request from Dana Kim, recruiter at Acme');
    const question = buttons(card).includes('LinkedIn') ? await h.click(card, 'LinkedIn', 'same', STEVE_ORG) : card;
    expect(visibleText(question)).toContain('Have you connected with Dana Kim');
    const decided = await h.click(question, 'Yes', 'same', STEVE_ORG);
    expect(visibleText(decided)).not.toContain('belongs to someone else');
    expect(visibleText(decided)).toContain('Accept');
    expect(userRows()).toHaveLength(1);
  });

  it('a DM event and the App Home in the org-wide shape reach the same records as the command', async () => {
    await h.command('LinkedIn request from Dana Kim');
    const from = h.fake.calls.length;
    await h.send(
      eventBody('message_im.json', { text: 'Facebook friend request from Matt Brown' }, 'EvGRID01', STEVE_ORG),
      'application/json',
    );
    await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    const homeFrom = h.fake.calls.length;
    await h.send(eventBody('app_home_opened.json', {}, 'EvGRID02', STEVE_ORG), 'application/json');
    const home = await h.fake.waitFor((c) => c.method === 'views.publish', homeFrom);
    expect(visibleText(home)).toContain('Dana Kim');
    expect(visibleText(home)).toContain('Matt Brown');
    expect(userRows()).toHaveLength(1);
  });

  it("an org-wide DM asks the workspace's own questions: the enterprise id is never taken for the workspace", async () => {
    const team = { provider: 'slack' as const, workspace: `${STEVE.enterpriseId}:${STEVE.teamId}` };
    await h.service.policies.setTeam(team, 'linkedin', [{ question: 'Did you work together?', onFail: 'decline' }]);
    const from = h.fake.calls.length;
    const text = 'LinkedIn request from Dana Kim';
    await h.send(eventBody('message_im.json', { text }, 'EvGRID03', STEVE_ORG), 'application/json');
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage', from);
    expect(visibleText(card)).toContain('Did you work together?');
  });
});
