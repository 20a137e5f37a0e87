import { Agent, request } from 'node:http';
import { slashCommandForm } from '../test/helpers/slack-payloads.js';
import { slackSignature } from '../test/helpers/slack-sign.js';

// Slack's stand-in that sends the signed commands, in its own process as Slack is: bench/slack.ts forks it, so
// the client's own HTTP work does not share the event loop (or the profile) of the app under test.

export type Job = { url: string; responseUrl: string; first: number; count: number; inFlight?: number; rate?: number };

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, body: string): Promise<number> {
  const headers = slackSignature(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      `${url}/slack/events`,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Each request's latency in ms: `inFlight` at a time, or one every 1000/rate ms whether or not answered. */
async function run(job: Job): Promise<number[]> {
  const bodies = Array.from({ length: job.count }, (_, k) => {
    const i = job.first + k;
    return slashCommandForm(`LinkedIn request from Person ${i}, recruiter`, `${job.responseUrl}/${i}`);
  });
  if (job.rate) {
    const start = performance.now();
    return Promise.all(
      bodies.map(async (body, i) => {
        const wait = start + (i * 1000) / (job.rate ?? 1) - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        return post(job.url, body);
      }),
    );
  }
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) times.push(await post(job.url, bodies[next++] as string));
  };
  await Promise.all(Array.from({ length: job.inFlight ?? 1 }, worker));
  return times;
}

process.on('message', (m: Job | 'stop') => {
  if (m === 'stop') {
    agent.destroy();
    process.disconnect();
    return;
  }
  run(m).then(
    (times) => process.send?.({ times }),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
process.send?.('ready');
