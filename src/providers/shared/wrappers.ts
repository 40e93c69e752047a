/**
 * The one wrapper layer around every provider call: timeouts (whole call or first chunk of a stream),
 * retry with backoff on retryable errors, and fallback to the next provider of the same interface.
 */
import { ProviderError, isAbort, toProviderError } from './errors.js';
import { backoffDelay, sleep } from '../../lib/index.js';

/** Resolves with `p`, or rejects with a retryable ProviderError after `ms`. */
export async function withTimeout<T>(p: Promise<T>, ms: number, provider: string, what = 'call'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProviderError(provider, `${what} timed out after ${ms} ms`, { retryable: true, status: 408 })),
      ms,
    );
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry policy. */
export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
  signal?: AbortSignal;
}

/** Runs `fn`, retrying retryable failures with exponential backoff. */
export async function withRetry<T>(
  provider: string,
  fn: (attempt: number) => Promise<T>,
  o: RetryOptions = { retries: 2, baseDelayMs: 100 },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (isAbort(e) || o.signal?.aborted) throw e;
      const err = toProviderError(provider, e);
      if (!err.retryable || attempt >= o.retries) throw err;
      // The wait ends at once when the call is aborted (it used to sit out the whole delay).
      await sleep(backoffDelay(attempt, o.baseDelayMs), o.signal);
    }
  }
}

/**
 * Wraps an async iterable so that the first item must arrive within `firstMs` and each next one within
 * `idleMs`; otherwise iteration throws a retryable ProviderError (and the source is returned).
 */
export async function* withStreamTimeout<T>(
  src: AsyncIterable<T>,
  provider: string,
  firstMs: number,
  idleMs = firstMs * 4,
): AsyncGenerator<T> {
  const it = src[Symbol.asyncIterator]();
  let first = true;
  try {
    for (;;) {
      const r = await withTimeout(it.next(), first ? firstMs : idleMs, provider, first ? 'first chunk' : 'next chunk');
      if (r.done) return;
      first = false;
      yield r.value;
    }
  } finally {
    void it.return?.();
  }
}

/**
 * Streams from the first provider that yields its first item; a provider failing before it produced
 * anything is skipped for the next. A failure after output has begun is rethrown (a half-spoken
 * sentence cannot be restarted silently).
 */
export async function* fallbackStream<T>(
  attempts: Array<{ label: string; run: () => AsyncIterable<T> }>,
  onSkip?: (label: string, err: unknown, next: string | null) => void,
): AsyncGenerator<T> {
  let lastErr: unknown;
  for (const [i, a] of attempts.entries()) {
    let started = false;
    try {
      for await (const x of a.run()) {
        started = true;
        yield x;
      }
      return;
    } catch (e) {
      if (started || isAbort(e)) throw e;
      lastErr = e;
      onSkip?.(a.label, e, attempts[i + 1]?.label ?? null);
    }
  }
  throw lastErr ?? new ProviderError('fallback', 'no providers');
}
