import { createDiscordAdapter } from '../../adapters/discord/index.js';
import type { DownloadTuning } from '../../adapters/download.js';
import type { ChatAdapter } from '../../src/adapter.js';
import { serviceOver } from '../../src/compose.js';
import { createLogger } from '../../src/core/logger.js';
import type { LockPort, Service } from '../../src/service/index.js';
import { openDatabase } from '../../src/store/db.js';
import type { StoreSet } from '../../src/store/index.js';
import { FakeDiscordGateway } from './discord-fake-gateway.js';
import { FakeDiscordRest, type Json, type RestCall } from './discord-fake-rest.js';
import { APP_ID, button, DANA, dm, modalSubmit, select, type TestUser } from './discord-payloads.js';

/** The real adapter on a real discord.js client, talking to loopback fakes, over a real in-memory database. */
export interface DiscordHarness {
  service: Service<StoreSet>;
  rest: FakeDiscordRest;
  gateway: FakeDiscordGateway;
  adapter: ChatAdapter;
  logs: string[];
  /** Dispatches an INTERACTION_CREATE and resolves with its callback (after the edit or follow-up, if it deferred). */
  interact(payload: Json): Promise<RestCall>;
  /** DMs the bot and resolves with the bot's reply in that DM. */
  sendDm(text: string, user?: TestUser): Promise<RestCall>;
  /** The newest message the bot showed (sent, replied, updated or edited), as Discord would return it. */
  shown(): Json;
  /** Clicks the button with this label on the newest message shown, as `user`. */
  click(label: string, user?: TestUser): Promise<RestCall>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Lets a test restart the bot over the same database, or run two instances on one. */
  service?: Service<StoreSet>;
  /** Fixes the clock. */
  now?: number;
  /** The leader locks the instances share; the sole leader by default. */
  locks?: LockPort;
  /** A second instance: the fakes of the first, which that one closes. */
  sharing?: DiscordHarness;
  leaderRetryMs?: number;
  /** A shorter attachment download timeout. */
  download?: DownloadTuning;
}

export async function startDiscordHarness(opts: HarnessOptions = {}): Promise<DiscordHarness> {
  const now = opts.now ?? Date.UTC(2026, 10, 23, 9);
  const service = opts.service ?? serviceOver(openDatabase(':memory:'), { now: () => now });
  const rest = opts.sharing?.rest ?? new FakeDiscordRest(APP_ID);
  const gateway = opts.sharing?.gateway ?? new FakeDiscordGateway(APP_ID);
  if (!opts.sharing) {
    await Promise.all([rest.listen(), gateway.listen()]);
    rest.gatewayUrl = gateway.url;
  }
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const adapter = createDiscordAdapter(
    { token: 'fake.bot.token', apiUrl: rest.api },
    { service, log, ...(opts.locks ? { locks: opts.locks } : {}) },
    {
      ...(opts.leaderRetryMs ? { leaderRetryMs: opts.leaderRetryMs } : {}),
      ...(opts.download ? { download: opts.download } : {}),
    },
  );
  await adapter.start();

  const shown = (): Json => {
    for (let i = rest.calls.length - 1; i >= 0; i--) {
      const c = rest.calls[i];
      if (!c?.body || c.method === 'GET') continue;
      if (c.route.endsWith('/callback') && (c.body.type === 4 || c.body.type === 7)) return asMessage(c.body.data);
      if (/\/messages(\/@original)?$/.test(c.route) && c.method !== 'DELETE') return asMessage(c.body);
    }
    throw new Error('the bot has shown nothing yet');
  };
  const asMessage = (body: Json) => ({ ...(rest.message('1160000000000000001', body) as object), ...body });

  const interact = async (payload: Json) => {
    const done = rest.waitFor((c) => c.route.startsWith(`/interactions/${payload.id}/`));
    gateway.dispatch('INTERACTION_CREATE', payload);
    const callback = await done;
    if (callback.body?.type === 5 || callback.body?.type === 6) {
      // A deferred answer is finished by an edit of the original, or a private follow-up.
      const hook = `/webhooks/${APP_ID}/${payload.token}`;
      await rest.waitFor((c) => c.route.startsWith(hook));
    }
    return callback;
  };

  return {
    service,
    rest,
    gateway,
    adapter,
    logs,
    interact,
    shown,
    async sendDm(text, user = DANA) {
      const payload = dm(text, user);
      const route = `/channels/${payload.channel_id}/messages`;
      const done = rest.waitFor((c) => c.route === route, 5000, rest.calls.length);
      gateway.dispatch('MESSAGE_CREATE', payload);
      return done;
    },
    async click(label, user = DANA) {
      const message = shown();
      const buttons = (message.components ?? []).flatMap((r: Json) => r.components);
      const b = buttons.find((x: Json) => x.label === label);
      if (b) return interact(button(b.custom_id, message, user));
      // A question with many choices is a select: its option of that label is chosen.
      const menu = buttons.find((x: Json) => (x.options ?? []).some((o: Json) => o.label === label));
      const option = menu?.options.find((o: Json) => o.label === label);
      if (menu && option) return interact(select(menu.custom_id, [option.value], message, user));
      const all = buttons.flatMap((x: Json) => [x.label, ...(x.options ?? []).map((o: Json) => o.label)]);
      throw new Error(`no "${label}" button or option; there are ${all.filter(Boolean).join(', ')}`);
    },
    async close() {
      await adapter.stop();
      if (!opts.sharing) await Promise.all([rest.close(), gateway.close()]);
    },
  };
}

/** Answers the shown triage through to its decision: `answers` by question id, the inviter by name via the modal. */
export async function answerAll(h: DiscordHarness, answers: Record<string, string>, user = DANA): Promise<void> {
  for (let step = 0; step < 12; step++) {
    const buttons = (h.shown().components ?? []).flatMap((r: Json) => r.components) as { custom_id: string }[];
    const name = buttons.find((b) => b.custom_id.startsWith('n:'));
    if (name) {
      await h.interact(button(name.custom_id, h.shown(), user));
      const nm = `nm:${name.custom_id.slice(2)}`;
      await h.interact(modalSubmit(nm, { name: answers.inviter ?? 'Dana Kim' }, user, h.shown()));
      continue;
    }
    const questions = buttons.filter((b) => b.custom_id.startsWith('t:'));
    if (questions.length === 0) return;
    const [, , questionId] = (questions[0]?.custom_id ?? '').split(':');
    const want = answers[questionId ?? ''];
    const pick = questions.find((b) => b.custom_id.endsWith(`:${want}`));
    if (!pick) throw new Error(`no answer given for question ${questionId}`);
    await h.interact(button(pick.custom_id, h.shown(), user));
  }
  throw new Error('the triage never reached a decision');
}
