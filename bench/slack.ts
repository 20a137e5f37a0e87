import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { renderTriage } from '../adapters/slack/render.js';
import { serviceOver } from '../src/compose.js';
import { silentLogger } from '../src/core/logger.js';
import { systemClock } from '../src/core/ports.js';
import { openDatabase } from '../src/store/db.js';
import { startFakeSlack } from '../test/helpers/slack-fake-api.js';
import { SIGNING_SECRET } from '../test/helpers/slack-sign.js';
import { startFloor } from './slack-floor.js';
import type { Job } from './slack-peer.js';
import type { BenchRow, BenchSection } from './types.js';

const IN_FLIGHT = 50;
/** Commands per second for the paced run: far above one workspace's traffic, below what saturates one core. */
const RATE = 200;
/** Rounds alternate between the apps, so the machine's slow moments fall on each alike. */
const ROUNDS = 6;

type Which = 'bare' | 'floor' | 'ours';
const APPS: readonly Which[] = ['bare', 'floor', 'ours'];
/** The order of round r: it turns each round, since a round pays for the garbage the one before it left. */
const turn = (r: number) => APPS.map((_, k) => APPS[(r + k) % APPS.length] as Which);

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
  const floorDb = openDatabase(':memory:');
  const floor = await startFloor(floorDb, await aCard(service));
  const peer = await startPeer();
  const urls: Record<Which, string> = { bare: bare.url, floor: floor.url, ours: adapter.url() as string };
  let first = 0;
  const send = (which: Which, count: number, how: Pick<Job, 'inFlight' | 'rate'>) => {
    first += count;
    return peer.send({ url: urls[which], responseUrl: `${fake.url}/respond`, first: first - count, count, ...how });
  };
  try {
    for (const which of APPS) await send(which, 200, { inFlight: IN_FLIGHT });
    const paced = Math.min(total, 1000);
    const none = (): Record<Which, number[]> => ({ bare: [], floor: [], ours: [] });
    const times = { saturated: none(), paced: none() };
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of turn(r)) {
        times.saturated[which].push(...(await send(which, Math.ceil(total / ROUNDS), { inFlight: IN_FLIGHT })));
      }
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of turn(r)) {
        times.paced[which].push(...(await send(which, Math.ceil(paced / ROUNDS), { rate: RATE })));
      }
    }
    return {
      title: `Slack: ${total} signed /triage requests over loopback, ${IN_FLIGHT} at a time; then ${paced} at ${RATE}/s`,
      rows: [...rows(times.saturated, 'saturated'), ...rows(times.paced, `${RATE}/s`)],
    };
  } finally {
    await peer.stop();
    await adapter.stop();
    await floor.stop();
    await bare.stop();
    floorDb.$client.close();
    await fake.close();
    db.$client.close();
  }
}

/** What the real ack carries: a triage card, as one started through the service draws it. */
async function aCard(service: ReturnType<typeof serviceOver>): Promise<object> {
  const user = { provider: 'slack' as const, workspace: 'TCARD', userId: 'UCARD' };
  const m = renderTriage(await service.triage.startFromText(user, 'LinkedIn request from Person 0, recruiter'));
  return { response_type: 'ephemeral', text: m.text, blocks: m.blocks };
}

const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

/**
 * With 50 requests always in flight, latency is the queue: every request waits for the work of the 49 before it,
 * so it measures throughput. The paced run measures what a user waits for at a steady rate. Beside the target
 * (ours against bare Bolt), the floor's own ratio shows how much of it any app that records the triage and
 * answers with its card must pay.
 */
function rows(times: Record<Which, number[]>, load: string): BenchRow[] {
  for (const list of Object.values(times)) list.sort((x, y) => x - y);
  const row = (q: number, which: 'ours' | 'floor', against: 'bare' | 'floor', target: boolean): BenchRow => {
    const value = pct(times[which], q);
    const baseline = pct(times[against], q);
    const ratio = value / baseline;
    const who = which === 'ours' ? '' : ' (floor: bare Bolt + raw SQL of a start + a fixed card)';
    const base = against === 'bare' ? 'bare Bolt ack()' : 'the floor';
    return {
      name: `p${q * 100} /triage → ack, ${load}${who}`,
      value,
      unit: 'ms',
      baseline: { name: base, value: baseline },
      ratio,
      ...(target ? { target: '< 100 ms and ≤ 1.5× bare', pass: value < 100 && ratio <= 1.5 } : {}),
    };
  };
  return [row(0.5, 'ours', 'bare', false), row(0.99, 'ours', 'bare', true), row(0.99, 'floor', 'bare', false)];
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
