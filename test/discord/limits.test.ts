import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTriage } from '../../adapters/discord/render.js';
import { PLATFORM_IDS } from '../../src/core/platforms.js';
import type { Json } from '../helpers/discord-fake-rest.js';
import { answerAll, type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { discordLimitErrors } from '../helpers/discord-limits.js';
import { DANA, labelledModalSubmit, select, slash } from '../helpers/discord-payloads.js';

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(async () => {
  await h.close();
});

const dana = { provider: 'discord' as const, workspace: '', userId: DANA.id };
const count = (table: string) =>
  (h.service.stores.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('the decision embed within Discord’s limits', () => {
  it('GIVEN ten long questions that name the inviter, and a long name THEN each step is shown and the decision too, as it is recorded', async () => {
    // Each question names the inviter many times, and the name is all markdown, which escaping doubles: filled
    // in, every question is far over a field name's 256, and the decision quotes the last in full.
    const questions = Array.from({ length: 10 }, (_, k) => ({ question: `Q${k} ${'{name} '.repeat(27)}?` }));
    await h.service.policies.set(dana, 'linkedin', questions);
    const name = `Dana ${'*_'.repeat(36)}Lee`;
    await h.sendDm('LinkedIn request');
    const answers: Record<string, string> = { inviter: name };
    for (const c of (await h.service.policies.show(dana, 'linkedin')).criteria) answers[c.id] = 'yes';
    const last = (await h.service.policies.show(dana, 'linkedin')).criteria.at(-1);
    if (last) answers[last.id] = 'no';
    await answerAll(h, answers);

    expect(h.rest.refusals).toEqual([]);
    const decision = h.shown().embeds[0];
    expect(decision.title).toMatch(/^Decline: LinkedIn invitation from Dana \\\*\\_/);
    expect(decision.fields).toHaveLength(10);
    expect(decision.description).toMatch(/^Your LinkedIn rule: "Q9 /);
    expect((await h.service.records.history(dana)).items.map((i) => i.outcome)).toEqual(['decline']);
  });
});

describe('custom questions in any script', () => {
  it('GIVEN two Russian and two Chinese questions typed in the form THEN all four are saved and asked, each its own', async () => {
    const typed = ['Мы встречались лично?', 'Мы работали вместе?', '我们见过面吗？', '我们一起工作过吗？'];
    const saved = await h.interact(
      labelledModalSubmit('pm:linkedin', { builtin: [], custom: typed.join('\n'), reset: [] }),
    );
    expect(saved.body.data.content).toBe('Saved.');
    const criteria = (await h.service.policies.show(dana, 'linkedin')).criteria;
    expect(criteria.map((c) => c.question)).toEqual(typed);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(4);
    await h.sendDm('LinkedIn request from Ann Lee');
    await answerAll(h, Object.fromEntries(criteria.map((c) => [c.id, 'yes'])));
    expect(h.shown().embeds[0].title).toMatch(/^Accept/);
    expect(h.shown().embeds[0].fields.map((f: Json) => f.name.slice(2))).toEqual(typed);
  });
});

describe('a long policy, never cut', () => {
  // Ten questions of nearly 200 characters: over 2,000 in all, over a field's 1,024.
  const questions = Array.from(
    { length: 10 },
    (_, k) => `Question ${k}: ${'have we really met and talked '.repeat(6)}?`,
  );

  it('GIVEN ten long questions THEN /triage policy shows all ten whole, and the form is filled with all of them', async () => {
    await h.service.policies.set(
      dana,
      'linkedin',
      questions.map((question) => ({ question })),
    );
    const shown = await h.interact(slash('policy', [{ name: 'platform', type: 3, value: 'linkedin' }]));
    const values = shown.body.data.embeds[0].fields.map((f: Json) => f.value).join('\n');
    for (const q of questions) expect(values).toContain(q);

    const form = await h.click('Edit LinkedIn');
    const custom = form.body.data.components.map((l: Json) => l.component).find((c: Json) => c.custom_id === 'custom');
    expect(custom.value).toBe(questions.join('\n'));
    expect(custom.max_length).toBeGreaterThanOrEqual(custom.value.length);

    // Saving the form as it was filled keeps every question.
    await h.interact(labelledModalSubmit('pm:linkedin', { builtin: [], custom: custom.value, reset: [] }));
    expect((await h.service.policies.show(dana, 'linkedin')).criteria.map((c) => c.question)).toEqual(questions);
    expect(h.rest.refusals).toEqual([]);
  });

  it('GIVEN two policies of questions all markdown THEN /triage policy shows them over two private messages', async () => {
    const stars = Array.from({ length: 10 }, (_, k) => `${k}${'*'.repeat(190)}?`);
    for (const p of ['linkedin', 'facebook'])
      await h.service.policies.set(
        dana,
        p,
        stars.map((question) => ({ question })),
      );
    const first = await h.interact(slash('policy', [], DANA, 'guild'));
    const more = await h.rest.waitFor((c) => c.method === 'POST' && c.route.startsWith('/webhooks/'));
    expect(h.rest.refusals).toEqual([]);
    expect(first.body.data.flags).toBe(64);
    expect(more.body.flags).toBe(64);
    expect(first.body.data.embeds[0].title).toBe('Your policies (1 of 2)');
    expect(more.body.embeds[0].title).toBe('Your policies (2 of 2)');
    const text = [first.body.data, more.body].flatMap((m) => m.embeds[0].fields.map((f: Json) => f.value)).join('\n');
    expect(text.split('\n')).toHaveLength(20);
    for (const q of stars) expect(text).toContain(q.replaceAll('*', '\\*'));
  });
});

describe('a question with more choices than a row of buttons', () => {
  it('GIVEN the network question THEN it is one select with every network offered, and choosing one moves on', async () => {
    const reply = await h.sendDm('Priya Raman');
    expect(h.rest.refusals).toEqual([]);
    const [first] = reply.body.components;
    expect(first.components).toHaveLength(1);
    const menu = first.components[0];
    expect(menu.type).toBe(3);
    const id = Number(menu.custom_id.split(':')[1]);
    expect(menu.options.map((o: Json) => o.label)).toContain('LinkedIn');
    await h.interact(select(menu.custom_id, ['linkedin'], h.shown()));
    expect(h.shown().embeds[0].title).toBe('LinkedIn invitation from someone');
    expect((await h.service.triage.get(dana, id)).platform).toBe('linkedin');
  });

  it('GIVEN a forged choice in the select THEN nothing is recorded and the user is told', async () => {
    const reply = await h.sendDm('Priya Raman');
    const menu = reply.body.components[0].components[0];
    const answer = await h.interact(select(menu.custom_id, ['friendster<@1>'], h.shown()));
    expect(answer.body.data.flags).toBe(64);
    expect(answer.body.data.content).toMatch(/not one I offered/);
    expect(count('answers')).toBe(0);
  });

  it('GIVEN every network in the catalog as choices THEN Discord accepts the message', () => {
    const choices = PLATFORM_IDS.map((id) => ({ id, label: id, result: 'pass' as const }));
    const message = renderTriage({
      id: 7,
      status: 'open',
      platform: null,
      platformName: null,
      inviter: null,
      context: {},
      step: {
        kind: 'question',
        question: { id: 'platform', text: 'Which network?', choices, freeText: false, index: 1, total: 3, answered: 1 },
      },
      duplicate: false,
      createdAt: 0,
      updatedAt: 0,
    });
    const json = {
      embeds: message.embeds,
      components: message.components,
    };
    expect(discordLimitErrors(json)).toEqual([]);
    const [menu, actions] = json.components as Json[];
    expect(menu.components[0].type).toBe(3);
    expect(menu.components[0].options).toHaveLength(Math.min(25, PLATFORM_IDS.length));
    expect(actions.components.map((c: Json) => c.label)).toEqual(['Back', 'Discard']);
  });
});
