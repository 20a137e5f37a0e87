import { afterEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../helpers/builders.js';
import { type SlackHarness, startSlackHarness, visibleText } from '../helpers/slack-harness.js';
import { slashCommandForm } from '../helpers/slack-payloads.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.violations()).toEqual([]);
  await h?.close();
  h = undefined;
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('start-up', () => {
  it('GIVEN auth.test takes 4 s THEN the first command after start is still answered in its ack', async () => {
    h = await startSlackHarness({}, { prepare: (fake) => fake.delay('auth.test', 4000) });
    const reply = await h.command('help');
    expect(reply.method).toBe('ack');
    expect(visibleText(reply)).toContain('/triage history');
  }, 20_000);
});

describe('request timestamps', () => {
  it('refuses a correctly signed request stamped more than five minutes in the future, and records nothing', async () => {
    h = await startSlackHarness();
    const before = rowCounts(h.db);
    const ahead = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await h.send(slashCommandForm('LinkedIn request from Dana Kim', h.fake.responseUrl()), undefined, {
      timestamp: ahead,
    });
    expect(res.status).toBe(401);
    await settle();
    expect(rowCounts(h.db)).toEqual(before);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('accepts a clock a minute ahead', async () => {
    h = await startSlackHarness();
    const ahead = Math.floor(Date.now() / 1000) + 60;
    const res = await h.send(slashCommandForm('help', h.fake.responseUrl()), undefined, { timestamp: ahead });
    expect(res.status).toBe(200);
  });
});
