import { Events } from 'discord.js';
import { createClient } from '../adapters/discord/client.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { renderTriage } from '../adapters/discord/render.js';
import { silentLogger } from '../src/core/logger.js';
import { createService } from '../src/service/index.js';
import { openDatabase } from '../src/store/db.js';
import { FakeDiscordGateway } from '../test/helpers/discord-fake-gateway.js';
import { FakeDiscordRest, type Json } from '../test/helpers/discord-fake-rest.js';
import { APP_ID, button } from '../test/helpers/discord-payloads.js';
import type { BenchRun } from './types.js';

const CONCURRENCY = 50;

/** A loopback Discord (fake REST and gateway) with something listening on a real client. */
type Loopback = { rest: FakeDiscordRest; gateway: FakeDiscordGateway; close(): Promise<void> };

async function loopback(): Promise<Loopback> {
  const rest = new FakeDiscordRest(APP_ID);
  const gateway = new FakeDiscordGateway(APP_ID);
  await Promise.all([rest.listen(), gateway.listen()]);
  rest.gatewayUrl = gateway.url;
  return { rest, gateway, close: async () => void (await Promise.all([rest.close(), gateway.close()])) };
}

/**
 * Dispatch → callback-received times (ms), `CONCURRENCY` payloads at a time. The triage handler answers a click
 * with one UPDATE_MESSAGE callback, so for it this is also the time until the user sees the next step.
 */
async function drive(fake: Loopback, payloads: Json[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < payloads.length; i += CONCURRENCY) {
    const batch = payloads.slice(i, i + CONCURRENCY);
    const sent = new Map<string, number>();
    const done = new Promise<void>((resolve) => {
      const onCall = (c: { route: string; at: number }) => {
        const id = /^\/interactions\/(\d+)\//.exec(c.route)?.[1] ?? '';
        const t0 = sent.get(id);
        if (t0 === undefined) return;
        times.push(c.at - t0);
        sent.delete(id);
        if (sent.size === 0) {
          fake.rest.off('call', onCall);
          resolve();
        }
      };
      fake.rest.on('call', onCall);
    });
    for (const p of batch) {
      sent.set(p.id, performance.now());
      fake.gateway.dispatch('INTERACTION_CREATE', p);
    }
    await done;
    fake.rest.calls.length = 0; // the fake keeps every call; a bench needs none of them
  }
  return times;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Button clicks through a real discord.js client: the full triage handler against a bare one that only defers. */
export const run: BenchRun = async ({ quick }) => {
  const n = quick ? 200 : 2000;
  const service = createService(openDatabase(':memory:'), { now: () => Date.now() });
  const clicks = (count: number) =>
    Array.from({ length: count }, (_, k) => {
      const user = {
        provider: 'discord' as const,
        workspace: '',
        userId: String(1_150_000_000_000_100_000n + BigInt(k)),
      };
      const view = service.triage.startFromText(user, 'LinkedIn request', {
        platform: 'linkedin',
        inviter: 'Dana Kim',
      });
      if (view.step.kind !== 'question') throw new Error('expected a question');
      const q = view.step.question;
      const msg = renderTriage(view);
      const message = {
        embeds: msg.embeds.map((e) => e.toJSON()),
        components: msg.components.map((c) => c.toJSON()),
      };
      const raw = `t:${view.id}:${q.id}:${q.choices[0]?.id}`;
      const p = button(raw, { ...bareMessage, ...message });
      p.user.id = user.userId;
      return p;
    });
  const bareMessage = new FakeDiscordRest(APP_ID).message('1160000000000000001', {}) as Json;
  // The bare handler gets the very same payloads (fresh ids), so the only difference is what handles them.
  const sameAs = (payloads: Json[]) => payloads.map((p) => button(p.data.custom_id, p.message));

  const bareFake = await loopback();
  const bare = createClient({ apiUrl: bareFake.rest.api });
  bare.on(Events.InteractionCreate, (i) => {
    if (i.isButton()) void i.deferUpdate().catch(() => {});
  });
  const bareReady = new Promise((r) => bare.once(Events.ClientReady, r));
  await bare.login('fake.bot.token');
  await bareReady;

  const oursFake = await loopback();
  const adapter = createDiscordAdapter(
    { token: 'fake.bot.token', apiUrl: oursFake.rest.api },
    { service, log: silentLogger },
  );
  await adapter.start();

  try {
    const warm = clicks(200);
    await drive(bareFake, sameAs(warm));
    await drive(oursFake, warm);
    // Alternate batches, so JIT warm-up and GC fall on both handlers alike.
    const ours = clicks(n);
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let i = 0; i < n; i += CONCURRENCY) {
      const batch = ours.slice(i, i + CONCURRENCY);
      bareTimes.push(...(await drive(bareFake, sameAs(batch))));
      ourTimes.push(...(await drive(oursFake, batch)));
    }
    for (const list of [bareTimes, ourTimes]) list.sort((a, b) => a - b);
    const rows = [50, 99].map((p) => {
      const value = percentile(ourTimes, p);
      const baseline = percentile(bareTimes, p);
      const ratio = value / baseline;
      return {
        name: `button → callback p${p} (${n} clicks, ${CONCURRENCY} at a time)`,
        value,
        unit: 'ms',
        baseline: { name: 'bare deferUpdate', value: baseline },
        ratio,
        target: '≤ 1.5× bare',
        pass: ratio <= 1.5,
      };
    });
    return { title: 'Discord: button interactions through discord.js and the fake gateway', rows };
  } finally {
    await adapter.stop();
    await bare.destroy();
    await Promise.all([bareFake.close(), oursFake.close()]);
  }
};
