import { markEmailVerified } from './fixtures.js';
import { scaled } from './timing.js';
/** A minimal JSON HTTP client for integration tests, talking to the server like the dashboard does. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(baseUrl: string, token?: string) {
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    // Test mode proves a phone number by a texted code: read it from the dev inbox and send it back, as the owner would.
    if (
      method === 'POST' &&
      path === '/api/phone-numbers' &&
      res.status === 202 &&
      parsed?.verification === 'code_sent' &&
      typeof body === 'object'
    ) {
      const code = await numberCodeFromInbox(parsed.e164);
      return call<T>(method, path, { ...(body as object), verificationCode: code }, headers);
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  /** The newest code texted to `e164`, from this client's dev inbox. */
  async function numberCodeFromInbox(e164: string, ms = scaled(15_000)): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const items = ((await call('GET', '/api/dev-inbox?channel=sms')).body?.items ?? []) as {
        to: string;
        text: string;
      }[];
      const code = items
        .filter((i) => i.to === e164)
        .map((i) => /code is (\d{6})/.exec(i.text)?.[1])
        .find(Boolean);
      if (code) return code;
      if (Date.now() > end) throw new Error(`no verification code for ${e164} in the dev inbox`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    get: <T = any>(p: string, headers?: Record<string, string>) => call<T>('GET', p, undefined, headers),
    post: <T = any>(p: string, b?: unknown, headers?: Record<string, string>) => call<T>('POST', p, b, headers),
    put: <T = any>(p: string, b?: unknown, headers?: Record<string, string>) => call<T>('PUT', p, b, headers),
    patch: <T = any>(p: string, b?: unknown, headers?: Record<string, string>) => call<T>('PATCH', p, b, headers),
    delete: <T = any>(p: string, headers?: Record<string, string>) => call<T>('DELETE', p, undefined, headers),
    call,
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** The call's detail once `done` holds for it (polled every 100 ms for up to `ms`, stretched by the machine's load), else its last state. */
export async function callWhen(api: ApiClient, callId: string, done: (call: any) => boolean, ms: number): Promise<any> {
  let call = (await api.get(`/api/calls/${callId}`)).body;
  for (
    const end = Date.now() + scaled(ms);
    !done(call) && Date.now() < end;
    call = (await api.get(`/api/calls/${callId}`)).body
  )
    await new Promise((r) => setTimeout(r, 100));
  return call;
}

/** The call's detail once it has an outcome (it ended and was recorded), else its last state after `ms`. */
export const callOnceEnded = (api: ApiClient, callId: string, ms = 5_000): Promise<any> =>
  callWhen(api, callId, (call) => !!call.outcome, ms);

let seq = 0;
/**
 * Registers a fresh organization and answers an authenticated client for its admin. Its address is
 * verified (so a phone number can go live) unless `verified: false`: directly in the database for this
 * process's test servers, else by following the emailed link from the dev inbox.
 */
export async function registerOrg(
  baseUrl: string,
  input: { industry?: string; timezone?: string; name?: string; verified?: boolean } = {},
) {
  const email = `owner${Date.now()}${seq++}${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = 'correct-horse-battery';
  const res = await apiClient(baseUrl).post('/api/auth/register', {
    email,
    password,
    organizationName: input.name ?? 'Test Plumbing',
    timezone: input.timezone ?? 'America/Chicago',
    industry: input.industry ?? 'plumbing',
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const api = apiClient(baseUrl, res.body.accessToken);
  if (input.verified !== false) await verifyEmailOf(baseUrl, email, api);
  return { ...res.body, email, password, api } as {
    accessToken: string;
    refreshToken: string;
    user: any;
    organization: any;
    email: string;
    password: string;
    api: ApiClient;
  };
}

/** The token of the newest account link (`/verify-email`, `/reset-password`, `/set-password`) mailed to `email`, from the dev inbox. */
export async function accountLinkFromInbox(
  api: ApiClient,
  email: string,
  page: string,
  ms = scaled(15_000),
): Promise<string> {
  const end = Date.now() + ms;
  const re = new RegExp(`${page}#token=([\\w-]+)`);
  for (;;) {
    const items = ((await api.get('/api/dev-inbox?channel=email')).body?.items ?? []) as { to: string; text: string }[];
    const token = items
      .filter((i) => i.to === email)
      .map((i) => re.exec(i.text)?.[1])
      .find(Boolean);
    if (token) return token;
    if (Date.now() > end) throw new Error(`no ${page} link for ${email} in the dev inbox`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Verifies a sign-up's address: the fixture shortcut on this process's servers, the emailed link elsewhere. */
export async function verifyEmailOf(baseUrl: string, email: string, api: ApiClient): Promise<void> {
  if (await markEmailVerified(baseUrl, email)) return;
  const token = await accountLinkFromInbox(api, email, '/verify-email');
  const r = await apiClient(baseUrl).post('/api/auth/verify-email', { token });
  if (r.status !== 204) throw new Error(`verify-email answered ${r.status} ${JSON.stringify(r.body)}`);
}

/** A one-time ticket (POST /api/tickets with the bearer token) for the live stream or the browser test call. */
export async function ticketFor(base: string, token: string, purpose: 'events' | 'test-call'): Promise<string> {
  const r = await apiClient(base, token).post('/api/tickets', { for: purpose });
  if (r.status !== 200) throw new Error(`ticket answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.ticket as string;
}

/** The dashboard's live stream (SSE) of one organization, collected; opened as the page does, with a one-time ticket. */
export function listenEvents(base: string, token: string) {
  const ctrl = new AbortController();
  const events: any[] = [];
  const ready = ticketFor(base, token, 'events')
    .then((ticket) => fetch(`${base}/api/events?ticket=${encodeURIComponent(ticket)}`, { signal: ctrl.signal }))
    .then(async (res) => {
      if (res.status !== 200) throw new Error(`live events answered ${res.status}`);
      if (!res.headers.get('content-type')?.includes('text/event-stream'))
        throw new Error('live events are not an event stream');
      const reader = res.body!.getReader();
      let buf = '';
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buf += new TextDecoder().decode(value);
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data && !block.startsWith('event: ready')) events.push(JSON.parse(data.slice(6)));
          }
        }
      })();
    });
  return { events, ready, stop: () => ctrl.abort() };
}
