import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Many tests wait on real processes and sockets, so more workers than cores keep both cores busy.
    maxWorkers: 4,
    // Test files share a worker's module cache: importing Bolt and discord.js afresh for every file cost more
    // than the tests themselves. Nothing here mocks modules, and each file builds its own databases and servers.
    isolate: false,
  },
});
