/**
 * Retry timing, written once: the exponential delay every retrying part of the product uses (provider
 * calls, the notify outbox, calendar sync, campaign calls) and a wait that an abort ends at once.
 */

/** `base · 2^exponent`, capped at `max` (the exponent is clamped to 0..30 so the number stays finite). */
export function backoffDelay(exponent: number, base: number, max = Number.POSITIVE_INFINITY): number {
  return Math.min(max, base * 2 ** Math.min(Math.max(0, exponent), 30));
}

/**
 * Waits `ms`, or rejects with an `AbortError` as soon as `signal` aborts: a cancelled call must not
 * sit out a retry delay before it learns it was cancelled.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => Object.assign(new Error('aborted while waiting to retry'), { name: 'AbortError' });
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
