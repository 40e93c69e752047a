/** One HTTP exchange with a calendar provider: timeout, JSON in and out, errors classified. */
import { CalendarApiError, type CalendarProviderName } from '../errors.js';

/** A request to a provider. `form` sends application/x-www-form-urlencoded (OAuth token endpoints). */
export interface ProviderRequest {
  readonly method?: string;
  readonly token?: string;
  readonly json?: unknown;
  readonly form?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Statuses that are answers, not failures (e.g. 404/410 on a delete that already happened). */
  readonly accept?: readonly number[];
}

/** A provider's answer: its status and parsed JSON body (undefined when empty). */
export interface ProviderResponse<T> {
  readonly status: number;
  readonly body: T;
}

/** Google and Graph both answer within a second or two; past 10 s the sync retries later instead. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** Sends the request; non-2xx (unless accepted), network errors and timeouts throw CalendarApiError. */
export async function providerFetch<T = any>(
  provider: CalendarProviderName,
  url: string,
  r: ProviderRequest = {},
): Promise<ProviderResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...r.headers };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  let body: string | undefined;
  if (r.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(r.form).toString();
  } else if (r.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(r.json);
  }
  const timeout = AbortSignal.timeout(PROVIDER_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, {
      method: r.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: r.signal ? AbortSignal.any([r.signal, timeout]) : timeout,
    });
  } catch (e) {
    throw new CalendarApiError(
      provider,
      `unreachable (${(e as Error).name === 'TimeoutError' ? 'timed out' : (e as Error).message})`,
    );
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (res.ok || r.accept?.includes(res.status)) return { status: res.status, body: parsed as T };
  throw new CalendarApiError(provider, `${res.status} ${describe(parsed)}`, {
    status: res.status,
    auth: res.status === 401,
    ...(isRateLimit(parsed) ? { retryable: true } : {}),
  });
}

/** Google answers some rate limits with 403 and a reason rather than 429; those pass with time. */
function isRateLimit(body: unknown): boolean {
  const reasons =
    (body as { error?: { errors?: { reason?: string }[] } } | undefined)?.error?.errors?.map((e) => e.reason) ?? [];
  return reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded');
}

/** The readable part of Google's `{ error: { message } }`, Graph's `{ error: { code, message } }` or OAuth's `{ error, error_description }`. */
function describe(body: unknown): string {
  if (!body || typeof body !== 'object') return String(body ?? '').slice(0, 200);
  const b = body as { error?: unknown; error_description?: string };
  if (typeof b.error === 'string') return `${b.error}${b.error_description ? `: ${b.error_description}` : ''}`;
  if (b.error && typeof b.error === 'object') {
    const e = b.error as { code?: unknown; message?: string };
    return `${e.code ?? ''} ${e.message ?? ''}`.trim();
  }
  return JSON.stringify(body).slice(0, 200);
}
