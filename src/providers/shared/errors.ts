/** Provider failures, classified so wrappers know whether retrying can help. */

/** A failure of an external (or local) provider. */
export class ProviderError extends Error {
  readonly provider: string;
  readonly retryable: boolean;
  readonly status?: number;

  constructor(provider: string, message: string, opts: { retryable?: boolean; status?: number; cause?: unknown } = {}) {
    super(`${provider}: ${message}`, { cause: opts.cause });
    this.name = 'ProviderError';
    this.provider = provider;
    this.status = opts.status;
    this.retryable = opts.retryable ?? (opts.status === undefined ? true : isRetryableStatus(opts.status));
  }
}

/** livekit's rule: 4xx is final except 408 (timeout), 429 (rate limit) and 499 (client closed); 5xx is transient. */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429 || status === 499) return true;
  return status >= 500;
}

/** Wraps anything thrown into a ProviderError (aborts stay aborts). */
export function toProviderError(provider: string, e: unknown): ProviderError {
  if (e instanceof ProviderError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new ProviderError(provider, msg, { retryable: true, cause: e });
}

/** True for the error an AbortSignal raises. */
export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';
}
