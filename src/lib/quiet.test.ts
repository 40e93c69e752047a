import { describe, expect, it } from 'vitest';
import { callSetupBegan, untilQuiet } from './quiet.js';

/** Keeps the event loop busy: `sliceMs` of synchronous work per turn, for `totalMs`. */
function busyLoop(sliceMs: number, totalMs: number): Promise<void> {
  const end = performance.now() + totalMs;
  return new Promise((resolve) => {
    const turn = () => {
      const until = performance.now() + sliceMs;
      while (performance.now() < until) {
        /* the loop is busy */
      }
      if (performance.now() < end) setImmediate(turn);
      else resolve();
    };
    setImmediate(turn);
  });
}

describe('untilQuiet', () => {
  it('lets deferrable work go at once on a loop that keeps time', async () => {
    expect(await untilQuiet({ sampleMs: 5, lagMs: 1_000 })).toBeLessThan(1_000);
  });

  it('waits while the loop is busy and goes once it keeps time again', async () => {
    const busy = busyLoop(60, 400);
    const waited = await untilQuiet({ sampleMs: 5, lagMs: 30, maxWaitMs: 10_000 });
    await busy;
    // it could not have gone before the busy spell ended (turns of 60 ms make every sample late)
    expect(waited).toBeGreaterThanOrEqual(350);
  });

  it('never waits longer than its bound', async () => {
    const busy = busyLoop(60, 1_500);
    const waited = await untilQuiet({ sampleMs: 5, lagMs: 30, maxWaitMs: 300 });
    await busy;
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(1_500);
  });

  it('waits while calls are being set up and goes once they pause', async () => {
    // a ring every 20 ms for 300 ms, on an otherwise idle loop
    const rings = setInterval(callSetupBegan, 20);
    callSetupBegan();
    setTimeout(() => clearInterval(rings), 300);
    const waited = await untilQuiet({ sampleMs: 5, lagMs: 1_000, calmMs: 100, maxWaitMs: 10_000 });
    clearInterval(rings);
    // not before the last ring (≥ 280 ms) plus the calm spell
    expect(waited).toBeGreaterThanOrEqual(360);
    expect(waited).toBeLessThan(5_000);
  });

  it('does not wait for set-ups forever', async () => {
    const rings = setInterval(callSetupBegan, 10);
    callSetupBegan();
    try {
      const waited = await untilQuiet({ sampleMs: 5, lagMs: 1_000, calmMs: 100, maxWaitMs: 250 });
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(2_000);
    } finally {
      clearInterval(rings);
    }
  });
});
