import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Events } from 'discord.js';
import { createClient } from '../adapters/discord/client.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { renderTriage } from '../adapters/discord/render.js';
import { silentLogger } from '../src/core/logger.js';
import { createService } from '../src/service/index.js';
import { openDatabase } from '../src/store/db.js';
import { FakeDiscordRest, type Json } from '../test/helpers/discord-fake-rest.js';
import { APP_ID, button } from '../test/helpers/discord-payloads.js';
import type { BenchRun } from './types.js';

const CONCURRENCY = 50;

type Which = 'bare' | 'ours';

/** Discord's stand-in, forked into its own process (bench/discord-peer.ts); it times each batch it dispatches. */
async function startPeer() {
  const child = fork(fileURLToPath(new URL('./discord-peer.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const apis = await new Promise<Record<Which, string>>((resolve) => child.once('message', (m) => resolve(m as never)));
  return {
    apis,
    /** Dispatch → callback-received times (ms) for one batch sent at once. */
    drive(which: Which, payloads: Json[]): Promise<number[]> {
      const reply = new Promise<number[]>((resolve) =>
        child.once('message', (m) => resolve((m as { times: number[] }).times)),
      );
      child.send({ which, payloads });
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/** Batches of `CONCURRENCY`, one after another. */
async function drive(peer: Awaited<ReturnType<typeof startPeer>>, which: Which, payloads: Json[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < payloads.length; i += CONCURRENCY) {
    times.push(...(await peer.drive(which, payloads.slice(i, i + CONCURRENCY))));
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

  const peer = await startPeer();
  const bare = createClient({ apiUrl: peer.apis.bare });
  bare.on(Events.InteractionCreate, (i) => {
    if (i.isButton()) void i.deferUpdate().catch(() => {});
  });
  const bareReady = new Promise((r) => bare.once(Events.ClientReady, r));
  await bare.login('fake.bot.token');
  await bareReady;

  const adapter = createDiscordAdapter(
    { token: 'fake.bot.token', apiUrl: peer.apis.ours },
    { service, log: silentLogger },
  );
  await adapter.start();

  try {
    const warm = clicks(200);
    await drive(peer, 'bare', sameAs(warm));
    await drive(peer, 'ours', warm);
    // Alternate batches, so JIT warm-up and GC fall on both handlers alike.
    const ours = clicks(n);
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let i = 0; i < n; i += CONCURRENCY) {
      const batch = ours.slice(i, i + CONCURRENCY);
      bareTimes.push(...(await drive(peer, 'bare', sameAs(batch))));
      ourTimes.push(...(await drive(peer, 'ours', batch)));
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
    await peer.stop();
  }
};
