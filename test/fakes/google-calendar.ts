/**
 * A fake Google: OAuth 2.0 (consent page that redirects straight back, /token for code and refresh
 * grants, /revoke) and Calendar API v3 (freeBusy, events insert / patch / delete) on 127.0.0.1:0,
 * answering with Google's field names, statuses and error bodies. Knobs: `down` (503 everywhere),
 * `consent`, `expireAccessTokens()`, `revokeGrants()`; `events` and `requests` to look at.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { startFake, type FakeServer } from './common.js';

/** A stored Google event (the fields we read back in tests). */
export interface GoogleEvent {
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  location?: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  transparency?: string;
  extendedProperties?: { private?: Record<string, string> };
  created: string;
  updated: string;
}

/** The fake and its knobs. */
export interface FakeGoogle extends FakeServer {
  /** Environment for loadConfig: client credentials and endpoints pointing here. */
  readonly env: Record<string, string>;
  /** The account the next consent signs in as (each account has its own primary calendar). */
  account: string;
  down: boolean;
  consent: 'allow' | 'deny';
  tokenTtlSec: number;
  /** calendarId (the account's email for its primary calendar) → event id → event. */
  readonly events: Map<string, Map<string, GoogleEvent>>;
  readonly requests: { method: string; path: string; body: string }[];
  /** An event the owner put in their calendar themselves. */
  addExternalEvent(start: Date, end: Date, opts?: { transparent?: boolean; account?: string }): GoogleEvent;
  /** Every access token issued so far stops working (as after an hour). */
  expireAccessTokens(): void;
  /** The owner revoked our access: refresh tokens fail with invalid_grant. */
  revokeGrants(): void;
  /** Events of an account's primary calendar that are not cancelled. */
  liveEvents(account?: string): GoogleEvent[];
}

const CLIENT_ID = 'fake-google-client.apps.googleusercontent.com';
const CLIENT_SECRET = 'fake-google-secret';
const EVENT_ID = /^[a-v0-9]{5,1024}$/;

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
const apiError = (code: number, message: string, reason: string, status: string) => ({
  error: { code, message, errors: [{ domain: 'global', reason, message }], status },
});

/** Starts the fake Google on an ephemeral port. */
export async function startFakeGoogle(account = 'owner@fix-it-plumbing.example'): Promise<FakeGoogle> {
  const codes = new Map<string, { redirectUri: string; offline: boolean; account: string }>();
  const access = new Map<string, string>();
  const refresh = new Map<string, string>();
  const events = new Map<string, Map<string, GoogleEvent>>();
  const primary = (who: string) => events.get(who) ?? events.set(who, new Map()).get(who)!;
  const requests: FakeGoogle['requests'] = [];
  const token = (p: string) => `${p}${randomBytes(12).toString('hex')}`;
  const calendar = (id: string, who: string) => (id === 'primary' ? primary(who) : events.get(decodeURIComponent(id)));

  function issueAccess(who: string): string {
    const t = token('ya29.');
    access.set(t, who);
    return t;
  }

  function oauth(req: IncomingMessage, res: ServerResponse, url: URL, body: string): boolean {
    if (req.method === 'GET' && url.pathname === '/o/oauth2/v2/auth') {
      const q = url.searchParams;
      if (q.get('client_id') !== CLIENT_ID) {
        send(res, 400, { error: 'invalid_client' });
        return true;
      }
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('state', q.get('state') ?? '');
      if (fake.consent === 'deny') back.searchParams.set('error', 'access_denied');
      else {
        const code = token('4/0A');
        codes.set(code, {
          redirectUri: q.get('redirect_uri')!,
          offline: q.get('access_type') === 'offline',
          account: fake.account,
        });
        back.searchParams.set('code', code);
      }
      send(res, 302, undefined, { location: back.toString() });
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const f = new URLSearchParams(body);
      if (f.get('client_id') !== CLIENT_ID || f.get('client_secret') !== CLIENT_SECRET) {
        send(res, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
        return true;
      }
      if (f.get('grant_type') === 'authorization_code') {
        const c = codes.get(f.get('code') ?? '');
        codes.delete(f.get('code') ?? '');
        if (!c || c.redirectUri !== f.get('redirect_uri')) {
          send(res, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
          return true;
        }
        const idToken = [
          'e30',
          Buffer.from(
            JSON.stringify({ iss: 'https://accounts.google.com', email: c.account, email_verified: true }),
          ).toString('base64url'),
          'sig',
        ].join('.');
        const rt = c.offline ? token('1//0g') : undefined;
        if (rt) refresh.set(rt, c.account);
        send(res, 200, {
          access_token: issueAccess(c.account),
          expires_in: fake.tokenTtlSec,
          ...(rt ? { refresh_token: rt } : {}),
          scope: 'openid email https://www.googleapis.com/auth/calendar.events',
          token_type: 'Bearer',
          id_token: idToken,
        });
        return true;
      }
      if (f.get('grant_type') === 'refresh_token') {
        const who = refresh.get(f.get('refresh_token') ?? '');
        if (!who) {
          send(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
          return true;
        }
        send(res, 200, {
          access_token: issueAccess(who),
          expires_in: fake.tokenTtlSec,
          scope: 'https://www.googleapis.com/auth/calendar.events',
          token_type: 'Bearer',
        });
        return true;
      }
      send(res, 400, { error: 'unsupported_grant_type' });
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/revoke') {
      const t = new URLSearchParams(body).get('token') ?? url.searchParams.get('token') ?? '';
      const known = refresh.delete(t) || access.delete(t);
      send(res, known ? 200 : 400, known ? {} : { error: 'invalid_token' });
      return true;
    }
    return false;
  }

  function freeBusy(res: ServerResponse, body: string, who: string) {
    const q = JSON.parse(body) as { timeMin: string; timeMax: string; items: { id: string }[] };
    const from = Date.parse(q.timeMin);
    const to = Date.parse(q.timeMax);
    if (!(from < to))
      return send(res, 400, apiError(400, 'The specified time range is empty.', 'timeRangeEmpty', 'INVALID_ARGUMENT'));
    const calendars: Record<string, unknown> = {};
    for (const { id } of q.items) {
      const cal = calendar(id, who);
      if (!cal) {
        calendars[id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const spans = [...cal.values()]
        .filter((e) => e.status !== 'cancelled' && e.transparency !== 'transparent')
        .map((e) => [Math.max(from, Date.parse(e.start.dateTime)), Math.min(to, Date.parse(e.end.dateTime))])
        .filter(([s, e]) => s < e)
        .sort((a, b) => a[0] - b[0]);
      const merged: number[][] = [];
      for (const s of spans) {
        const last = merged.at(-1);
        if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
        else merged.push([...s]);
      }
      // Google answers busy intervals in UTC, merged, clipped to the query.
      calendars[id] = {
        busy: merged.map(([s, e]) => ({
          start: new Date(s).toISOString().replace('.000', ''),
          end: new Date(e).toISOString().replace('.000', ''),
        })),
      };
    }
    send(res, 200, { kind: 'calendar#freeBusy', timeMin: q.timeMin, timeMax: q.timeMax, calendars });
  }

  function eventsApi(
    req: IncomingMessage,
    res: ServerResponse,
    calId: string,
    eventId: string | undefined,
    body: string,
    who: string,
  ) {
    const cal = calendar(calId, who);
    if (!cal) return send(res, 404, apiError(404, 'Not Found', 'notFound', 'NOT_FOUND'));
    const now = new Date().toISOString();
    if (req.method === 'POST' && !eventId) {
      const e = JSON.parse(body) as Partial<GoogleEvent>;
      if (!e.start?.dateTime || !e.end?.dateTime)
        return send(res, 400, apiError(400, 'Missing end time.', 'required', 'INVALID_ARGUMENT'));
      const id = e.id ?? randomBytes(13).toString('hex');
      if (!EVENT_ID.test(id))
        return send(res, 400, apiError(400, 'Invalid resource id value.', 'invalid', 'INVALID_ARGUMENT'));
      if (cal.has(id))
        return send(res, 409, apiError(409, 'The requested identifier already exists.', 'duplicate', 'ALREADY_EXISTS'));
      const ev = { ...e, id, status: e.status ?? 'confirmed', created: now, updated: now } as GoogleEvent;
      cal.set(id, ev);
      return send(res, 200, {
        kind: 'calendar#event',
        etag: `"${Date.now()}"`,
        htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
        iCalUID: `${id}@google.com`,
        ...ev,
      });
    }
    const ev = eventId ? cal.get(decodeURIComponent(eventId)) : undefined;
    if (!ev) return send(res, 404, apiError(404, 'Not Found', 'notFound', 'NOT_FOUND'));
    if (req.method === 'PATCH') {
      Object.assign(ev, JSON.parse(body), { id: ev.id, updated: now });
      return send(res, 200, { kind: 'calendar#event', ...ev });
    }
    if (req.method === 'DELETE') {
      if (ev.status === 'cancelled')
        return send(res, 410, apiError(410, 'Resource has been deleted', 'deleted', 'GONE'));
      ev.status = 'cancelled';
      ev.updated = now;
      return send(res, 204);
    }
    if (req.method === 'GET') return send(res, 200, { kind: 'calendar#event', ...ev });
    send(res, 405, apiError(405, 'Method Not Allowed', 'httpMethodNotAllowed', 'METHOD_NOT_ALLOWED'));
  }

  const server = await startFake(async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body });
    if (fake.down)
      return send(res, 503, apiError(503, 'The service is currently unavailable.', 'backendError', 'UNAVAILABLE'));
    if (oauth(req, res, url, body)) return;
    if (!url.pathname.startsWith('/calendar/v3/'))
      return send(res, 404, apiError(404, 'Not Found', 'notFound', 'NOT_FOUND'));
    const who = access.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!who) {
      return send(
        res,
        401,
        apiError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token.',
          'authError',
          'UNAUTHENTICATED',
        ),
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
      );
    }
    const path = url.pathname.slice('/calendar/v3'.length);
    if (req.method === 'POST' && path === '/freeBusy') return freeBusy(res, body, who);
    const m = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (m) return eventsApi(req, res, m[1], m[2], body, who);
    send(res, 404, apiError(404, 'Not Found', 'notFound', 'NOT_FOUND'));
  });

  const fake: FakeGoogle = {
    ...server,
    env: {
      GOOGLE_CLIENT_ID: CLIENT_ID,
      GOOGLE_CLIENT_SECRET: CLIENT_SECRET,
      GOOGLE_OAUTH_BASE: server.url,
      GOOGLE_AUTH_URL: `${server.url}/o/oauth2/v2/auth`,
      GOOGLE_CALENDAR_BASE: `${server.url}/calendar/v3`,
    },
    account,
    down: false,
    consent: 'allow',
    tokenTtlSec: 3599,
    events,
    requests,
    addExternalEvent(start, end, opts = {}) {
      const now = new Date().toISOString();
      const ev: GoogleEvent = {
        id: randomBytes(13).toString('hex'),
        status: 'confirmed',
        summary: 'Dentist (personal)',
        start: { dateTime: start.toISOString() },
        end: { dateTime: end.toISOString() },
        transparency: opts.transparent ? 'transparent' : 'opaque',
        created: now,
        updated: now,
      };
      primary(opts.account ?? fake.account).set(ev.id, ev);
      return ev;
    },
    expireAccessTokens: () => access.clear(),
    revokeGrants: () => {
      refresh.clear();
      access.clear();
    },
    liveEvents: (who = fake.account) => [...primary(who).values()].filter((e) => e.status !== 'cancelled'),
  };
  return fake;
}
