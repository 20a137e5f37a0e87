import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EmbedBuilder, Events, Routes } from 'discord.js';
import { createClient } from '../adapters/discord/client.js';
import { interactionRest } from '../adapters/discord/edit-original.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { serviceOver } from '../src/compose.js';
import { silentLogger } from '../src/core/logger.js';
import { openDatabase } from '../src/store/db.js';
import { firstAnswerClicks } from '../test/helpers/discord-clicks.js';
import type { Json } from '../test/helpers/discord-fake-rest.js';
import { button } from '../test/helpers/discord-payloads.js';
import { seedFloor, startDiscordFloor } from './discord-floor.js';
import type { BenchRun } from './types.js';

const CONCURRENCY = 50;
/** Clicks per second for the paced run: what users wait for at a steady, busy rate. */
const RATE = 200;

type Which = 'bare' | 'floor' | 'ours';
/** Dispatch → arrival (ms) of each click's callback and of the edit that shows the next step. */
type Times = { callbacks: number[]; edits: number[] };

/** Discord's stand-in, forked into its own process (bench/discord-peer.ts); it times each batch it dispatches. */
async function startPeer() {
  const child = fork(fileURLToPath(new URL('./discord-peer.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const apis = await new Promise<Record<Which, string>>((resolve) => child.once('message', (m) => resolve(m as never)));
  return {
    apis,
    /** Times for one batch, sent at once or, with a rate, one click every 1000/rate ms. */
    drive(which: Which, payloads: Json[], rate?: number): Promise<Times> {
      const reply = new Promise<Times>((resolve) => child.once('message', (m) => resolve(m as Times)));
      child.send({ which, payloads, rate });
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/**
 * Batches of `CONCURRENCY` clicks at once, one after another, each sent once the one before is fully answered;
 * or, with a rate, all of them paced.
 */
async function drive(
  peer: Awaited<ReturnType<typeof startPeer>>,
  which: Which,
  payloads: Json[],
  into: Times,
  rate?: number,
) {
  const size = rate ? payloads.length : CONCURRENCY;
  for (let i = 0; i < payloads.length; i += size) {
    const t = await peer.drive(which, payloads.slice(i, i + size), rate);
    into.callbacks.push(...t.callbacks);
    into.edits.push(...t.edits);
  }
}

const none = (): Record<Which, Times> => ({
  bare: { callbacks: [], edits: [] },
  floor: { callbacks: [], edits: [] },
  ours: { callbacks: [], edits: [] },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Button clicks through a real discord.js client: the full triage handler against a bare one that makes the
 * same two calls, deferUpdate then an edit of the message with a fixed embed, through the same kind of REST.
 */
export const run: BenchRun = async ({ quick }) => {
  const n = quick ? 200 : 2000;
  const service = serviceOver(openDatabase(':memory:'), { now: () => Date.now() });
  let users = 0;
  const clicks = (count: number) => {
    users += count;
    return firstAnswerClicks(service, count, users - count);
  };
  // The bare handler gets the very same payloads (fresh ids), from the same users, so the only difference is what
  // handles them: discord.js caches each user it meets.
  const sameAs = (payloads: Json[]) =>
    payloads.map((p) =>
      button(p.data.custom_id, p.message, {
        id: p.user.id,
        username: p.user.username,
        global_name: p.user.global_name,
      }),
    );
  const floorDb = openDatabase(':memory:');
  // The floor answers its own copies of the same triages, in a database of its own.
  const floorClicks = (payloads: Json[]) => {
    const copies = sameAs(payloads);
    seedFloor(floorDb, copies);
    return copies;
  };

  const peer = await startPeer();
  const bare = createClient({ apiUrl: peer.apis.bare });
  const bareHooks = interactionRest(bare);
  const fixed = { embeds: [new EmbedBuilder().setTitle('Accept: LinkedIn invitation from Dana Kim').toJSON()] };
  bare.on(Events.InteractionCreate, (i) => {
    if (!i.isButton()) return;
    void i
      .deferUpdate()
      .then(() => bareHooks.patch(Routes.webhookMessage(i.applicationId, i.token), { auth: false, body: fixed }))
      .catch(() => {});
  });
  const bareReady = new Promise((r) => bare.once(Events.ClientReady, r));
  await bare.login('fake.bot.token');
  await bareReady;

  const floor = await startDiscordFloor(peer.apis.floor, floorDb, fixed);

  const adapter = createDiscordAdapter(
    { token: 'fake.bot.token', apiUrl: peer.apis.ours },
    { service, log: silentLogger },
  );
  await adapter.start();

  try {
    // A long warm-up: the first batches after start are slow for both handlers alike, and they made p99 noisy.
    const warm = await clicks(quick ? 200 : 1000);
    await drive(peer, 'bare', sameAs(warm), { callbacks: [], edits: [] });
    await drive(peer, 'floor', floorClicks(warm), { callbacks: [], edits: [] });
    await drive(peer, 'ours', warm, { callbacks: [], edits: [] });
    // The order turns each round: a round pays for the garbage the one before it left, so no handler always
    // follows the same one.
    const rounds = async (count: number, size: number, into: Record<Which, Times>, rate?: number) => {
      const ours = await clicks(count);
      for (let i = 0; i < count; i += size) {
        const batch = ours.slice(i, i + size);
        const runs = [
          () => drive(peer, 'bare', sameAs(batch), into.bare, rate),
          () => drive(peer, 'floor', floorClicks(batch), into.floor, rate),
          () => drive(peer, 'ours', batch, into.ours, rate),
        ];
        for (let k = 0; k < runs.length; k++) await runs[(i / size + k) % runs.length]?.();
      }
    };
    const burst = none();
    await rounds(n, CONCURRENCY, burst);
    const paced = none();
    const pacedCount = quick ? 120 : 1200;
    await rounds(pacedCount, pacedCount / 6, paced, RATE);
    for (const set of [burst, paced]) {
      for (const t of Object.values(set)) for (const list of [t.callbacks, t.edits]) list.sort((a, b) => a - b);
    }
    const row = (what: string, values: number[], against: number[], baseName: string, p: number, goal = true) => {
      const value = percentile(values, p);
      const baseline = percentile(against, p);
      const ratio = value / baseline;
      const target = goal ? { target: '≤ 1.5× bare', pass: ratio <= 1.5 } : {};
      return {
        name: `${what} p${p}`,
        value,
        unit: 'ms',
        baseline: { name: baseName, value: baseline },
        ratio,
        ...target,
      };
    };
    const rowsOf = (t: Record<Which, Times>, load: string) => {
      const callback = (p: number) =>
        row(`button → callback, ${load},`, t.ours.callbacks, t.bare.callbacks, 'bare deferUpdate', p);
      // What the user waits for: the edit that shows the next question or the decision.
      const edited = (p: number) =>
        row(`button → message edited, ${load},`, t.ours.edits, t.bare.edits, 'bare defer + edit', p);
      // Beside the target: the floor (the same two calls with the rows the click writes, raw) against bare.
      const floorEdited = (p: number) =>
        row(
          `floor (bare + raw SQL of the answer) → edited, ${load},`,
          t.floor.edits,
          t.bare.edits,
          'bare defer + edit',
          p,
          false,
        );
      return [callback(50), callback(99), edited(50), edited(99), floorEdited(50), floorEdited(99)];
    };
    const rows = [
      ...rowsOf(burst, `${n} clicks ${CONCURRENCY} at once`),
      ...rowsOf(paced, `${pacedCount} at ${RATE}/s`),
    ];
    return { title: 'Discord: button interactions through discord.js and the fake gateway', rows };
  } finally {
    await adapter.stop();
    await bare.destroy();
    await floor.destroy();
    floorDb.$client.close();
    await peer.stop();
  }
};
