/** The simulator's HTTP client: JSON over fetch against the product's public API. */

/** An HTTP error answered by the product, with its status and error body. */
export class ApiCallError extends Error {
  constructor(readonly status: number, readonly body: unknown, what: string) {
    super(`${what} → ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

/** A JSON client bound to a base URL and optional bearer token / extra headers. */
export function apiClient(baseUrl: string, opts: { token?: string; headers?: Record<string, string> } = {}) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
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
