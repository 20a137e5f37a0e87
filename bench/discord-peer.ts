import { FakeDiscordGateway } from '../test/helpers/discord-fake-gateway.js';
import { FakeDiscordRest, type Json } from '../test/helpers/discord-fake-rest.js';
import { APP_ID } from '../test/helpers/discord-payloads.js';

// The stand-in for Discord's servers, in its own process as the real ones are: bench/discord.ts forks it, so
// the fakes' work (parsing bodies, keeping messages) does not share the event loop of the client under test.

type Which = 'bare' | 'ours';
type Loopback = { rest: FakeDiscordRest; gateway: FakeDiscordGateway };

async function loopback(): Promise<Loopback> {
  const rest = new FakeDiscordRest(APP_ID);
  const gateway = new FakeDiscordGateway(APP_ID);
  await Promise.all([rest.listen(), gateway.listen()]);
  rest.gatewayUrl = gateway.url;
  return { rest, gateway };
}

/** Dispatches a batch at once and returns each interaction's dispatch → callback-received time (ms). */
function drive(fake: Loopback, payloads: Json[]): Promise<number[]> {
  const times: number[] = [];
  const sent = new Map<string, number>();
  const done = new Promise<number[]>((resolve) => {
    const onCall = (c: { route: string; at: number }) => {
      const id = /^\/interactions\/(\d+)\//.exec(c.route)?.[1] ?? '';
      const t0 = sent.get(id);
      if (t0 === undefined) return;
      times.push(c.at - t0);
      sent.delete(id);
      if (sent.size === 0) {
        fake.rest.off('call', onCall);
        fake.rest.calls.length = 0; // the fake keeps every call; a bench needs none of them
        resolve(times);
      }
    };
    fake.rest.on('call', onCall);
  });
  for (const p of payloads) {
    sent.set(p.id, performance.now());
    fake.gateway.dispatch('INTERACTION_CREATE', p);
  }
  return done;
}

const fakes: Record<Which, Loopback> = { bare: await loopback(), ours: await loopback() };
process.on('message', (m: { which: Which; payloads: Json[] } | 'stop') => {
  if (m === 'stop') {
    for (const f of Object.values(fakes)) void Promise.all([f.rest.close(), f.gateway.close()]);
    process.disconnect();
    return;
  }
  void drive(fakes[m.which], m.payloads).then((times) => process.send?.({ times }));
});
process.send?.({ bare: fakes.bare.rest.api, ours: fakes.ours.rest.api });
