import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { defineConfig } from 'vitest/config';

// A machine already busy with other work (the load average above its core count) gets its waits
// stretched to match, unless TEST_TIMEOUT_SCALE says otherwise. Set here, before the workers fork,
// so every test file sees the same figure (test/harness/timing.ts reads it).
if (!process.env.TEST_TIMEOUT_SCALE) {
  const busy = loadavg()[0] / Math.max(1, cpus().length);
  // At least 2: the load is read once, here, and other work on the machine can climb while the suites run.
  process.env.TEST_TIMEOUT_SCALE = String(Math.min(6, Math.max(2, Math.ceil(busy))));
}
const { scaled } = await import('./test/harness/timing.js');

// Vitest reports a test worker that dies without calling process.exit (which it reports itself, with
// the caller) only as "Worker exited unexpectedly": say how it ended, the code or the signal, so a crash
// on CI (SIGSEGV) can be told from a kill. A stop Vitest asks for is SIGTERM.
const fork = childProcess.fork;
childProcess.fork = ((...args: Parameters<typeof fork>) => {
  const child = fork(...args);
  child.on('exit', (code, signal) => {
    if (code || (signal && signal !== 'SIGTERM'))
      console.error(`[vitest] test worker ${child.pid} ended: code ${code}, signal ${signal}`);
  });
  return child;
}) as typeof fork;
syncBuiltinESMExports();

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
