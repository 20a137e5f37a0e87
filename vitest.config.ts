import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: a busy machine can slow a spawned process or a 100,000-row fill several times over.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Many tests wait on real processes and sockets, so more workers than cores keep both cores busy.
    maxWorkers: 3,
    // Files share a worker's module cache, which halves the suite's time. It once made Discord's multipart sends
    // fail after a Slack Socket Mode test had installed undici 7's global dispatcher; Discord now sends with its
    // own agent (adapters/discord/agent.ts), and test/discord/beside-slack-socket.test.ts holds that.
    isolate: false,
  },
});
