import type { Json } from '../helpers/discord-fake-rest.js';
import { type DiscordHarness, startDiscordHarness } from '../helpers/discord-harness.js';
import { button, modalSubmit, type TestUser } from '../helpers/discord-payloads.js';
import { type ChatDriver, pendingOf, type SeenTriage } from './driver.js';

const userOf = (id: string): TestUser => ({
  id: `11500000000000${id.padStart(5, '0')}`,
  username: id,
  global_name: id,
});
const buttonsOf = (message: Json): { custom_id: string; label: string }[] =>
  (message.components ?? []).flatMap((r: Json) => r.components);

/** The triage message as the user reads it: embed title, description lines, footer-free, and its buttons. */
function seenOn(message: Json): SeenTriage {
  const embed = message.embeds?.[0] ?? {};
  const lines: string[] = (embed.description ?? '').split('\n');
  const context = /^\*[^*].*\*$/.test(lines[0] ?? '') ? (lines[0] ?? '').slice(1, -1) : null;
  const progress = lines.map((l) => /^\*\*(Question \d+ of up to \d+)\*\*$/.exec(l)?.[1]).find(Boolean) ?? null;
  const decided = progress === null ? /^(.*?): (.*)$/.exec(embed.title ?? '') : null;
  const actions = buttonsOf(message)
    .filter((b) => /^[ur]:/.test(b.custom_id))
    .map((b) => b.label.toLowerCase());
  return { title: decided?.[2] ?? embed.title ?? '', context, progress, outcome: decided?.[1] ?? null, actions };
}

/** The Discord adapter on a real discord.js client against the loopback fakes. */
export function discordDriver(): ChatDriver {
  let h: DiscordHarness;
  const refOf = (user: string) => ({ provider: 'discord' as const, workspace: '', userId: userOf(user).id });
  const shownTo = new Map<string, Json>();
  const track = (user: string) => shownTo.set(user, h.shown());
  return {
    name: 'discord',
    async start() {
      h = await startDiscordHarness();
    },
    stop: () => h.close(),
    async sendInvitation(user, text) {
      await h.sendDm(text, userOf(user));
      track(user);
    },
    async offered(user) {
      const ids = buttonsOf(shownTo.get(user)).map((b) => b.custom_id);
      const answers = ids.filter((id) => id.startsWith('t:')).map((id) => id.split(':'));
      if (answers.length === 0) return null;
      return { questionId: answers[0]?.[2] ?? '', choices: answers.map((a) => a[3] ?? '') };
    },
    async answer(user, choiceId, text) {
      const message = shownTo.get(user);
      const ids = buttonsOf(message).map((b) => b.custom_id);
      const typed = ids.find((id) => id.startsWith('n:'));
      if (text !== undefined && typed) {
        await h.interact(button(typed, message, userOf(user)));
        await h.interact(modalSubmit(`nm:${typed.slice(2)}`, { name: text }, userOf(user), message));
      } else {
        const id = ids.find((x) => x.startsWith('t:') && x.endsWith(`:${choiceId}`));
        if (!id) throw new Error(`choice ${choiceId} is not offered`);
        await h.interact(button(id, message, userOf(user)));
      }
      track(user);
    },
    seen: async (user) => seenOn(shownTo.get(user)),
    async back(user) {
      const message = shownTo.get(user);
      const back = buttonsOf(message).find((b) => b.label === 'Back');
      if (!back) throw new Error('no Back button on the message');
      await h.interact(button(back.custom_id, message, userOf(user)));
      track(user);
    },
    async decision(user) {
      const item = (await h.service.records.history(refOf(user), { limit: 1 })).items[0];
      return item ? { outcome: item.outcome, decidedBy: item.decidedBy, platform: item.platform } : null;
    },
    pending: async (user) => (await h.service.records.pending(refOf(user))).map(pendingOf),
  };
}
