/**
 * A fake Microsoft identity platform (v2.0 authorize / token, rotating refresh tokens) and Graph v1.0
 * (/me, calendarView with paging, events create / update / delete, transactionId idempotency) on
 * 127.0.0.1:0, answering with Graph's shapes: dateTimeTimeZone without offset, `@odata.nextLink`,
 * `{ error: { code, message } }`. Knobs: `down` (503), `pageSize`, `expireAccessTokens()`, `revokeGrants()`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { startFake, type FakeServer } from './common.js';

/** A stored Graph event. */
export interface GraphEvent {
  id: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName: string };
  showAs: string;
  isCancelled: boolean;
  transactionId?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/** The fake and its knobs. */
export interface FakeGraph extends FakeServer {
  readonly env: Record<string, string>;
  /** The account the next consent signs in as (each has its own calendar). */
  account: string;
  readonly tenant: string;
  down: boolean;
  consent: 'allow' | 'deny';
  tokenTtlSec: number;
  /** calendarView page size (Graph's default is 10; we ask for more with $top). */
  pageSize: number;
  /** account → event id → event. */
  readonly events: Map<string, Map<string, GraphEvent>>;
  readonly requests: { method: string; path: string; body: string; headers: IncomingMessage['headers'] }[];
  addExternalEvent(start: Date, end: Date, showAs?: string, account?: string): GraphEvent;
  /** Events of an account's calendar. */
  eventsOf(account?: string): GraphEvent[];
  expireAccessTokens(): void;
  revokeGrants(): void;
}

const CLIENT_ID = '6731de76-14a6-49ae-97bc-6eba6914391e';
const CLIENT_SECRET = 'fake-ms-secret';

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8' }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
const graphError = (code: string, message: string) => ({
  error: {
    code,
    message,
    innerError: { date: new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') },
  },
});
const oauthError = (error: string, description: string) => ({
  error,
  error_description: description,
  error_codes: [70000],
  timestamp: new Date().toISOString(),
});
/** Graph's dateTimeTimeZone in UTC: `2026-04-07T13:00:00.0000000`. */
const graphUtc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}.0000000`;
const parseGraph = (t: { dateTime: string; timeZone: string }) =>
  Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(t.dateTime) ? t.dateTime : `${t.dateTime}Z`);

/** Starts the fake Microsoft on an ephemeral port. */
export async function startFakeGraph(
  account = 'owner@fixitplumbing.onmicrosoft.com',
  tenant = 'common',
): Promise<FakeGraph> {
  const codes = new Map<string, { redirect: string; account: string }>();
  const access = new Map<string, string>();
  const refresh = new Map<string, string>();
  const events = new Map<string, Map<string, GraphEvent>>();
  const calendarOf = (who: string) => events.get(who) ?? events.set(who, new Map()).get(who)!;
  const requests: FakeGraph['requests'] = [];
  const token = (p: string) => `${p}${randomBytes(16).toString('base64url')}`;
  const oauthBase = `/${tenant}/oauth2/v2.0`;

  function tokens(scope: string, who: string) {
    const at = token('eyJ0eXAi.');
    const rt = token('0.AXoA');
    access.set(at, who);
    refresh.set(rt, who);
    return {
      token_type: 'Bearer',
      scope,
      expires_in: fake.tokenTtlSec,
      ext_expires_in: fake.tokenTtlSec,
      access_token: at,
      refresh_token: rt,
    };
  }

  function identity(req: IncomingMessage, res: ServerResponse, url: URL, body: string): boolean {
    if (req.method === 'GET' && url.pathname === `${oauthBase}/authorize`) {
      const q = url.searchParams;
      const back = new URL(q.get('redirect_uri')!);
      if (q.get('client_id') !== CLIENT_ID) {
        send(res, 400, oauthError('unauthorized_client', 'AADSTS700016: Application not found.'));
        return true;
      }
      if (fake.consent === 'deny') {
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_description', 'AADSTS65004: User declined to consent to access the app.');
      } else {
        const code = token('0.AQ');
        codes.set(code, { redirect: q.get('redirect_uri')!, account: fake.account });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', q.get('state') ?? '');
      send(res, 302, undefined, { location: back.toString() });
      return true;
    }
    if (req.method === 'POST' && url.pathname === `${oauthBase}/token`) {
      const f = new URLSearchParams(body);
      if (f.get('client_id') !== CLIENT_ID || f.get('client_secret') !== CLIENT_SECRET) {
        send(res, 401, oauthError('invalid_client', 'AADSTS7000215: Invalid client secret provided.'));
        return true;
      }
      const scope = f.get('scope') ?? '';
      if (f.get('grant_type') === 'authorization_code') {
        const c = codes.get(f.get('code') ?? '');
        codes.delete(f.get('code') ?? '');
        if (!c || c.redirect !== f.get('redirect_uri')) {
          send(
            res,
            400,
            oauthError('invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired.'),
          );
          return true;
        }
        send(res, 200, tokens(scope, c.account));
        return true;
      }
      if (f.get('grant_type') === 'refresh_token') {
        const old = f.get('refresh_token') ?? '';
        const who = refresh.get(old);
        if (!who) {
          send(res, 400, oauthError('invalid_grant', 'AADSTS700082: The refresh token has expired due to inactivity.'));
          return true;
        }
        // Stricter than Graph (which lets the old token live until it expires): proves the rotated one is stored.
        refresh.delete(old);
        send(res, 200, tokens(scope, who));
        return true;
      }
      send(res, 400, oauthError('unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.'));
      return true;
    }
    return false;
  }

  function calendarView(res: ServerResponse, url: URL, events: Map<string, GraphEvent>) {
    const q = url.searchParams;
    const from = Date.parse(q.get('startDateTime') ?? '');
    const to = Date.parse(q.get('endDateTime') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to))
      return send(
        res,
        400,
        graphError(
          'ErrorInvalidParameter',
          'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        ),
      );
    const top = Math.min(Number(q.get('$top') ?? 10), fake.pageSize);
    const skip = Number(q.get('$skip') ?? 0);
    const all = [...events.values()]
      .filter((e) => parseGraph(e.start) < to && parseGraph(e.end) > from)
      .sort((a, b) => parseGraph(a.start) - parseGraph(b.start));
    const page = all.slice(skip, skip + top).map((e) => ({
      id: e.id,
      showAs: e.showAs,
      isCancelled: e.isCancelled,
      start: e.start,
      end: e.end,
      subject: e.subject,
    }));
    const next =
      skip + top < all.length
        ? (() => {
            const n = new URL(url.toString());
            n.searchParams.set('$skip', String(skip + top));
            return `${fake.url}${n.pathname}${n.search}`;
          })()
        : undefined;
    send(res, 200, {
      '@odata.context': `${fake.url}/v1.0/$metadata#users('me')/calendarView`,
      value: page,
      ...(next ? { '@odata.nextLink': next } : {}),
    });
  }

  function eventsApi(
    req: IncomingMessage,
    res: ServerResponse,
    id: string | undefined,
    body: string,
    events: Map<string, GraphEvent>,
  ) {
    const now = new Date().toISOString();
    if (req.method === 'POST' && !id) {
      const e = JSON.parse(body) as Partial<GraphEvent>;
      if (!e.start?.dateTime || !e.end?.dateTime)
        return send(
          res,
          400,
          graphError('ErrorInvalidRequest', "Your request can't be completed. The start and end times are required."),
        );
      const existing = e.transactionId
        ? [...events.values()].find((x) => x.transactionId === e.transactionId)
        : undefined;
      if (existing) return send(res, 201, existing);
      const ev: GraphEvent = {
        showAs: 'busy',
        isCancelled: false,
        ...e,
        id: `AAMkAGI2${randomBytes(24).toString('base64url')}=`,
        createdDateTime: now,
        lastModifiedDateTime: now,
      } as GraphEvent;
      events.set(ev.id, ev);
      return send(res, 201, ev);
    }
    const ev = id ? events.get(decodeURIComponent(id)) : undefined;
    if (!ev) return send(res, 404, graphError('ErrorItemNotFound', 'The specified object was not found in the store.'));
    if (req.method === 'PATCH') {
      Object.assign(ev, JSON.parse(body), { id: ev.id, lastModifiedDateTime: now });
      return send(res, 200, ev);
    }
    if (req.method === 'DELETE') {
      events.delete(ev.id);
      return send(res, 204);
    }
    if (req.method === 'GET') return send(res, 200, ev);
    send(res, 405, graphError('ErrorInvalidRequest', 'Method not allowed'));
  }

  const server = await startFake(async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body, headers: req.headers });
    if (fake.down)
      return send(res, 503, graphError('serviceNotAvailable', 'The service is temporarily unavailable.'), {
        'retry-after': '2',
      });
    if (identity(req, res, url, body)) return;
    if (!url.pathname.startsWith('/v1.0/'))
      return send(res, 404, graphError('BadRequest', 'Resource not found for the segment.'));
    const who = access.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!who) {
      return send(res, 401, graphError('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'));
    }
    const path = url.pathname.slice('/v1.0'.length);
    if (req.method === 'GET' && path === '/me')
      return send(res, 200, {
        id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
        displayName: 'Fix-It Owner',
        mail: who,
        userPrincipalName: who,
      });
    if (req.method === 'GET' && (path === '/me/calendarView' || path === '/me/calendar/calendarView'))
      return calendarView(res, url, calendarOf(who));
    const m = /^\/me\/(?:calendar\/)?events(?:\/([^/]+))?$/.exec(path);
    if (m) return eventsApi(req, res, m[1], body, calendarOf(who));
    send(res, 404, graphError('BadRequest', `Resource not found for the segment '${path.split('/')[1]}'.`));
  });

  const fake: FakeGraph = {
    ...server,
    env: {
      MS_CLIENT_ID: CLIENT_ID,
      MS_CLIENT_SECRET: CLIENT_SECRET,
      MS_TENANT: tenant,
      MS_LOGIN_BASE: server.url,
      MS_GRAPH_BASE: `${server.url}/v1.0`,
    },
    account,
    tenant,
    down: false,
    consent: 'allow',
    tokenTtlSec: 3599,
    pageSize: 250,
    events,
    requests,
    addExternalEvent(start, end, showAs = 'busy', who = fake.account) {
      const now = new Date().toISOString();
      const ev: GraphEvent = {
        id: `AAMkExt${randomBytes(18).toString('base64url')}=`,
        subject: 'School pickup',
        start: { dateTime: graphUtc(start.getTime()), timeZone: 'UTC' },
        end: { dateTime: graphUtc(end.getTime()), timeZone: 'UTC' },
        showAs,
        isCancelled: false,
        createdDateTime: now,
        lastModifiedDateTime: now,
      };
      calendarOf(who).set(ev.id, ev);
      return ev;
    },
    eventsOf: (who = fake.account) => [...calendarOf(who).values()],
    expireAccessTokens: () => access.clear(),
    revokeGrants: () => {
      refresh.clear();
      access.clear();
    },
  };
  return fake;
}
