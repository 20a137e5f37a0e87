import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { serviceOver } from '../src/compose.js';
import { silentLogger } from '../src/core/logger.js';
import { systemClock } from '../src/core/ports.js';
import { openDatabase } from '../src/store/db.js';
import { startFakeSlack } from '../test/helpers/slack-fake-api.js';
import { SIGNING_SECRET } from '../test/helpers/slack-sign.js';
import type { Job } from './slack-peer.js';
import type { BenchRow, BenchSection } from './types.js';

const IN_FLIGHT = 50;
/** Commands per second for the paced run: far above one workspace's traffic, below what saturates one core. */
const RATE = 200;
/** Rounds alternate between the two apps, so the machine's slow moments fall on both alike. */
const ROUNDS = 5;

type Which = 'bare' | 'ours';

/** The sender, forked into its own process (bench/slack-peer.ts). */
async function startPeer() {
  const child = fork(fileURLToPath(new URL('./slack-peer.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  return {
    /** Each request's latency (ms) for one job. */
    send: (job: Job) =>
      new Promise<number[]>((resolve, reject) => {
        child.once('message', (m: { times?: number[]; error?: string }) =>
          m.times ? resolve(m.times) : reject(new Error(m.error)),
        );
        child.send(job);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/**
 * Signed `/triage` requests over loopback to the real app and to a bare Bolt app that only acks, from a sender
 * in its own process: first with 50 always in flight, then at a steady 200/s.
 */
export async function run({ quick }: { quick: boolean }): Promise<BenchSection> {
  const total = quick ? 200 : 2000;
  const fake = await startFakeSlack();
  const bare = await startBare();
  const db = openDatabase(':memory:');
  const service = serviceOver(db, systemClock);
  const adapter = createSlackAdapter(
    { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl },
    { service, log: silentLogger },
  );
  await adapter.start();
  const peer = await startPeer();
  const urls: Record<Which, string> = { bare: bare.url, ours: adapter.url() as string };
  let first = 0;
  const send = (which: Which, count: number, how: Pick<Job, 'inFlight' | 'rate'>) => {
    first += count;
    return peer.send({ url: urls[which], responseUrl: `${fake.url}/respond`, first: first - count, count, ...how });
  };
  try {
    for (const which of ['bare', 'ours'] as const) await send(which, 200, { inFlight: IN_FLIGHT });
    const paced = Math.min(total, 1000);
    const times = {
      saturated: { bare: [] as number[], ours: [] as number[] },
      paced: { bare: [] as number[], ours: [] as number[] },
    };
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of ['bare', 'ours'] as const) {
        times.saturated[which].push(...(await send(which, total / ROUNDS, { inFlight: IN_FLIGHT })));
      }
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of ['bare', 'ours'] as const) {
        times.paced[which].push(...(await send(which, paced / ROUNDS, { rate: RATE })));
      }
    }
    return {
      title: `Slack: ${total} signed /triage requests over loopback, ${IN_FLIGHT} at a time; then ${paced} at ${RATE}/s`,
      rows: [
        ...rows(times.saturated.ours, times.saturated.bare, 'saturated'),
        ...rows(times.paced.ours, times.paced.bare, `${RATE}/s`),
      ],
    };
  } finally {
    await peer.stop();
    await adapter.stop();
    await bare.stop();
    await fake.close();
    db.$client.close();
  }
}

/**
 * With 50 requests always in flight, latency is the queue: every request waits for the work of the 49 before it,
 * so it measures throughput (the real ack carries the triage card, the bare one nothing). The paced run measures
 * what a user waits for at a steady rate.
 */
function rows(app: number[], bare: number[], load: string): BenchRow[] {
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
  const [a, b] = [app.sort((x, y) => x - y), bare.sort((x, y) => x - y)];
  const row = (name: string, q: number, target?: string, pass?: (v: number) => boolean): BenchRow => {
    const value = p(a, q);
    const baseline = p(b, q);
    return {
      name,
      value,
      unit: 'ms',
      baseline: { name: 'bare Bolt ack()', value: baseline },
      ratio: value / baseline,
      ...(target && pass ? { target, pass: pass(value) } : {}),
    };
  };
  const p99 = row(
    `p99 /triage → ack, ${load}`,
    0.99,
    '< 100 ms and ≤ 1.5× bare',
    (v) => v < 100 && v / p(b, 0.99) <= 1.5,
  );
  return [row(`p50 /triage → ack, ${load}`, 0.5), p99];
}

/** The baseline: the same Bolt HTTP receiver and signature check, with a handler that only acks. */
async function startBare(): Promise<{ url: string; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-bare', botId: 'B1', botUserId: 'U1' }) });
  app.command('/triage', async ({ ack }) => {
    await ack();
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => receiver.stop() };
}
