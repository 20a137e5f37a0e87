import { FakeDiscordGateway } from '../test/helpers/discord-fake-gateway.js';
import { FakeDiscordRest, type Json } from '../test/helpers/discord-fake-rest.js';
import { APP_ID } from '../test/helpers/discord-payloads.js';

// The stand-in for Discord's servers, in its own process as the real ones are: bench/discord.ts forks it, so
// the fakes' work (parsing bodies, keeping messages) does not share the event loop of the client under test.

type Which = 'bare' | 'floor' | 'ours';
type Loopback = { rest: FakeDiscordRest; gateway: FakeDiscordGateway };

async function loopback(): Promise<Loopback> {
  const rest = new FakeDiscordRest(APP_ID);
  const gateway = new FakeDiscordGateway(APP_ID);
  await Promise.all([rest.listen(), gateway.listen()]);
  rest.gatewayUrl = gateway.url;
  return { rest, gateway };
}

/** Dispatch → arrival times (ms) of each interaction's callback and, if `edits`, of its message edit. */
type Times = { callbacks: number[]; edits: number[] };

/**
 * Dispatches a batch, all at once or one every 1000/rate ms, and resolves when every callback (and every edit,
 * if asked) has arrived.
 */
function drive(fake: Loopback, payloads: Json[], edits: boolean, rate?: number): Promise<Times> {
  const times: Times = { callbacks: [], edits: [] };
  const sent = new Map<string, number>();
  let waiting = payloads.length * (edits ? 2 : 1);
  const done = new Promise<Times>((resolve) => {
    const onCall = (c: { method: string; route: string; at: number }) => {
      // /interactions/<id>/<token>/callback, or /webhooks/<app>/<token>/messages/@original
      const callback = /^\/interactions\/\d+\/([^/]+)\/callback/.exec(c.route)?.[1];
      const edit =
        c.method === 'PATCH' ? /^\/webhooks\/\d+\/([^/]+)\/messages\/@original/.exec(c.route)?.[1] : undefined;
      const t0 = sent.get(callback ?? edit ?? '');
      if (t0 === undefined) return;
      (callback ? times.callbacks : times.edits).push(c.at - t0);
      if (--waiting > 0) return;
      fake.rest.off('call', onCall);
      fake.rest.calls.length = 0; // the fake keeps every call; a bench needs none of them
      resolve(times);
    };
    fake.rest.on('call', onCall);
  });
  const send = (p: Json) => {
    sent.set(p.token, performance.now());
    fake.gateway.dispatch('INTERACTION_CREATE', p);
  };
  if (rate) {
    const start = performance.now();
    payloads.forEach((p, i) => {
      setTimeout(() => send(p), Math.max(0, start + (i * 1000) / rate - performance.now()));
    });
  } else payloads.forEach(send);
  return done;
}

const fakes: Record<Which, Loopback> = { bare: await loopback(), floor: await loopback(), ours: await loopback() };
process.on('message', (m: { which: Which; payloads: Json[]; rate?: number } | 'stop') => {
  if (m === 'stop') {
    for (const f of Object.values(fakes)) void Promise.all([f.rest.close(), f.gateway.close()]);
    process.disconnect();
    return;
  }
  void drive(fakes[m.which], m.payloads, true, m.rate).then((times) => process.send?.(times));
});
process.send?.({ bare: fakes.bare.rest.api, floor: fakes.floor.rest.api, ours: fakes.ours.rest.api });
