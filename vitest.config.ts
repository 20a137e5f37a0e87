import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Many tests wait on real processes and sockets, so more workers than cores keep both cores busy. Files stay
    // isolated: sharing a worker's module cache was twice as fast, but made two Discord export tests fail under
    // load in some runs.
    maxWorkers: 4,
  },
});
