import { renderTriage } from '../../adapters/discord/render.js';
import type { Service } from '../../src/service/index.js';
import { FakeDiscordRest, type Json } from './discord-fake-rest.js';
import { APP_ID, button } from './discord-payloads.js';

const MESSAGE = new FakeDiscordRest(APP_ID).message('1160000000000000001', {}) as Json;

/**
 * `count` users, each with a LinkedIn triage started through the service, and each user's click on the
 * first answer of its first question, on the message the bot would have shown. `first` numbers the users.
 */
export async function firstAnswerClicks(service: Service, count: number, first = 0): Promise<Json[]> {
  const clicks: Json[] = [];
  for (let k = 0; k < count; k++) {
    const userId = String(1_150_000_000_000_100_000n + BigInt(first + k));
    const user = { provider: 'discord' as const, workspace: '', userId };
    const view = await service.triage.startFromText(user, 'LinkedIn request', {
      platform: 'linkedin',
      inviter: 'Dana Kim',
    });
    if (view.step.kind !== 'question') throw new Error('expected a question');
    const q = view.step.question;
    const msg = renderTriage(view);
    const message = {
      ...MESSAGE,
      embeds: msg.embeds,
      components: msg.components,
    };
    const p = button(`t:${view.id}:${q.id}:${q.choices[0]?.id}`, message);
    p.user.id = userId;
    clicks.push(p);
  }
  return clicks;
}
