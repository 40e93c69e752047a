// Invariant: retry delays double from their base up to their cap, and a retry wait ends the moment its call is aborted.
import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff.js';

describe('retry timing', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 100))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(10, 1000, 60_000)).toBe(60_000);
    expect(backoffDelay(-1, 100)).toBe(100);
    expect(Number.isFinite(backoffDelay(5000, 1))).toBe(true);
  });

  it('a wait rejects with AbortError when its signal aborts, long before the delay', async () => {
    const ac = new AbortController();
    const started = performance.now();
    const waiting = sleep(60_000, ac.signal);
    queueMicrotask(() => ac.abort());
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
