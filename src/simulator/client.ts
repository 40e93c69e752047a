/** The simulator's HTTP client: JSON over fetch against the product's public API. */

/** An HTTP error answered by the product, with its status and error body. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

/** How often a 429 is retried, and the longest wait honoured (the product's windows are a minute). */
const RATE_LIMIT_RETRIES = 3;
const RATE_LIMIT_MAX_WAIT_SEC = 65;
const RATE_LIMIT_DEFAULT_WAIT_SEC = 5;

/** A JSON client bound to a base URL and optional bearer token / extra headers. */
export function apiClient(baseUrl: string, opts: { token?: string; headers?: Record<string, string> } = {}) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // a polite client: when the product says "too many requests", wait as long as it asks and try again
    for (let attempt = 0; res.status === 429 && attempt < RATE_LIMIT_RETRIES; attempt++) {
      const after = Number(res.headers.get('retry-after')) || RATE_LIMIT_DEFAULT_WAIT_SEC;
      await res.text();
      await new Promise((r) => setTimeout(r, Math.min(after, RATE_LIMIT_MAX_WAIT_SEC) * 1000));
      res = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    if (!res.ok) throw new ApiCallError(res.status, parsed, `${method} ${path}`);
    return parsed as T;
  }
  return {
    baseUrl,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
