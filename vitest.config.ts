import { defineConfig } from 'vitest/config';
import { scaled } from './test/harness/timing.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Waits are events, not sleeps; these ceilings only stop a hung test, stretched on a loaded machine.
    testTimeout: scaled(30_000),
    hookTimeout: scaled(60_000),
    pool: 'forks',
    maxWorkers: 2,
  },
});
