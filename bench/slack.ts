import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { serviceOver } from '../src/compose.js';
import { silentLogger } from '../src/core/logger.js';
import { systemClock } from '../src/core/ports.js';
import { openDatabase } from '../src/store/db.js';
import { startFakeSlack } from '../test/helpers/slack-fake-api.js';
import { slashCommandForm } from '../test/helpers/slack-payloads.js';
import { SIGNING_SECRET, slackSignature } from '../test/helpers/slack-sign.js';
import type { BenchRow, BenchSection } from './types.js';

const CONCURRENCY = 50;
/** Commands per second for the paced run: far above one workspace's traffic, below what saturates one core. */
const RATE = 200;

/** 2,000 signed `/triage` requests, 50 at a time, to the real app and to a bare Bolt app that only acks. */
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
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const bodies = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        slashCommandForm(`LinkedIn request from Person ${i}, recruiter`, `${fake.url}/respond/${i}`),
      );
    await load(bare.url, bodies(100), agent);
    await load(adapter.url()!, bodies(100), agent);
    const bareTimes = await load(bare.url, bodies(total), agent);
    const appTimes = await load(adapter.url()!, bodies(total), agent);
    const paced = Math.min(total, 1000);
    const barePaced = await paceAt(bare.url, bodies(paced), agent);
    const appPaced = await paceAt(adapter.url()!, bodies(paced), agent);
    return {
      title: `Slack: ${total} signed /triage requests over loopback, ${CONCURRENCY} at a time; then ${paced} at ${RATE}/s`,
      rows: [...rows(appTimes, bareTimes, 'saturated'), ...rows(appPaced, barePaced, `${RATE}/s`)],
    };
  } finally {
    agent.destroy();
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

/** Sends every body, `CONCURRENCY` in flight, and returns each request's latency in ms. */
async function load(url: string, bodies: string[], agent: Agent): Promise<number[]> {
  const signed = bodies.map((body) => ({ body, headers: slackSignature(body) }));
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < signed.length) {
      const item = signed[next++]!;
      const t0 = performance.now();
      const status = await post(url, item.body, item.headers, agent);
      if (status !== 200) throw new Error(`HTTP ${status} from ${url}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times;
}

/** Sends one request every 1000/RATE ms whether or not earlier ones are answered, and returns each latency. */
async function paceAt(url: string, bodies: string[], agent: Agent): Promise<number[]> {
  const signed = bodies.map((body) => ({ body, headers: slackSignature(body) }));
  const start = performance.now();
  const sent = signed.map(async (item, i) => {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    const status = await post(url, item.body, item.headers, agent);
    if (status !== 200) throw new Error(`HTTP ${status} from ${url}`);
    return performance.now() - t0;
  });
  return Promise.all(sent);
}

function post(url: string, body: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/slack/events`,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
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
