/** The dashboard's HTTP client: bearer tokens, one refresh in flight at a time, and API errors with field paths. */

import type { components, paths } from './api-types.js';

/** A route's method. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The JSON body of a 2xx answer (undefined for 204), read from the generated responses. */
type Ok<R> = R extends { 200: { content: { 'application/json': infer B } } }
  ? B
  : R extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 202: { content: { 'application/json': infer B } } }
      ? B
      : undefined;
/**
 * What `method path` answers, from the types generated out of the server's OpenAPI document
 * (web/src/api-types.ts, `npm run gen:api-types`), e.g. `Answer<'/api/calls/{id}'>`.
 */
export type Answer<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { responses: infer R }
  ? Ok<R>
  : never;
/** The JSON body `method path` takes. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** One item of a list answer (`{ items: [...] }`). */
export type Item<P extends keyof paths> = Answer<P> extends { items: (infer I)[] } ? I : never;
/** The error body of every 4xx and 5xx answer. */
export type ErrorBody = components['schemas']['Error'];

/**
 * What the server answers on register, login and refresh. The dashboard asks for its refresh token in
 * an HttpOnly cookie (`X-Session: cookie`), so the answer carries none and no script can read it.
 */
export type Session = Answer<'/api/auth/login', 'post'>;
/** The header that keeps the refresh token in the HttpOnly cookie. */
export const COOKIE_SESSION = { 'x-session': 'cookie' } as const;
/** A dashboard user (API.md › Auth and team). */
export type User = Answer<'/api/me'>['user'];
/** The three roles of an organization. */
export type Role = User['role'];
/** The organization document. */
export type Organization = Answer<'/api/me'>['organization'];

/** An error answered by the API: `{ error: { code, message, details } }`, with field errors keyed by path. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field errors by path without the `body.`/`query.` prefix (e.g. `customer.name`). */
  get fields(): Record<string, string> {
    const list = (this.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
    const out: Record<string, string> = {};
    for (const f of list) out[f.path.replace(/^(body|querystring|query|params)\.?/, '')] ??= f.message;
    return out;
  }
}

const KEY = 'io.session';
/** Only the short-lived access token is kept by the page; the refresh token stays in its HttpOnly cookie. */
type Tokens = { accessToken: string };
let tokens: Tokens | null = read();
const listeners = new Set<() => void>();

function read(): Tokens | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { accessToken?: unknown } | null;
    if (!stored || typeof stored.accessToken !== 'string') return null;
    // A session saved by an older dashboard also held its refresh token: keep only the access token.
    localStorage.setItem(KEY, JSON.stringify({ accessToken: stored.accessToken }));
    return { accessToken: stored.accessToken };
  } catch {
    return null;
  }
}

/** Stores the access token (or forgets it) and tells subscribers, so the app can leave for the login page. */
export function setTokens(t: Tokens | null) {
  tokens = t ? { accessToken: t.accessToken } : null;
  if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l();
}

/** The current access token, if signed in. */
export const accessToken = () => tokens?.accessToken ?? null;
/** Subscribes to sign-in / sign-out. */
export function onTokens(l: () => void) {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

let refreshing: Promise<boolean> | null = null;

/**
 * Swaps the refresh cookie for a new access token (and a new cookie) once, however many requests hit
 * 401 at the same moment. The browser sends the cookie; the page never sees the refresh token.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...COOKIE_SESSION },
        body: '{}',
      });
      // Nothing to forget when no token was held (the start-up check of a signed-out page): clearing storage
      // then would also wipe a session another tab (or a test) saved meanwhile.
      if (!res.ok) {
        if (tokens) setTokens(null);
        return false;
      }
      const s = (await res.json()) as Session;
      setTokens({ accessToken: s.accessToken });
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Ends this browser's session: the server revokes the cookie's refresh token and clears the cookie. */
export async function endBrowserSession(): Promise<void> {
  await fetch('/api/auth/refresh', { method: 'DELETE', credentials: 'same-origin' });
}

type RequestOpts = { method?: string; body?: unknown; headers?: Record<string, string>; auth?: boolean };

/** Sends a request with the bearer token; on 401 refreshes the session once and sends it again. */
async function request(path: string, opts: RequestOpts): Promise<Response> {
  const send = () => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.auth !== false && tokens) headers.authorization = `Bearer ${tokens.accessToken}`;
    return fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  };
  const res = await send();
  if (res.status === 401 && opts.auth !== false && tokens && (await refreshSession())) return send();
  return res;
}

async function failure(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | undefined;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(
    res.status,
    e?.code ?? `http_${res.status}`,
    e?.message ?? (res.status >= 500 ? 'The server had a problem; try again.' : res.statusText),
    e?.details,
  );
}

/** Calls the API and parses its JSON answer. Throws ApiError for any non-2xx. */
export async function api<T = unknown>(path: string, opts: RequestOpts = {}): Promise<T> {
  const res = await request(path, opts);
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  try {
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    return text as T;
  }
}

/** Calls the API for a binary answer (audio). Throws ApiError for any non-2xx. */
export async function apiBlob(path: string, opts: RequestOpts = {}): Promise<Blob> {
  const res = await request(path, opts);
  if (!res.ok) throw await failure(res);
  return res.blob();
}

/** Shorthands for the verbs. */
export const get = <T = unknown>(p: string) => api<T>(p);
export const post = <T = unknown>(p: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>(p, { method: 'POST', body: body ?? {}, headers });
export const put = <T = unknown>(p: string, body: unknown) => api<T>(p, { method: 'PUT', body });
export const patch = <T = unknown>(p: string, body: unknown) => api<T>(p, { method: 'PATCH', body });
export const del = <T = unknown>(p: string) => api<T>(p, { method: 'DELETE' });

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
