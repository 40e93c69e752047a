// Invariant: connected Google and Microsoft calendars block availability, mirror every booking / move / cancel as an event (retried until the provider is back, never failing the booking), and their tokens are refreshed and stored only sealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../src/config/index.js';
import { schema } from '../../src/db/index.js';
import { createLogger, newToken, type Clock } from '../../src/lib/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createBookingRoutes } from '../../src/api/routes/booking/index.js';
import { createIntegrationRoutes } from '../../src/api/routes/integrations/index.js';
import {
  createCalendars,
  createTokenCipher,
  googleEventId,
  type Calendars,
} from '../../src/booking/calendars/index.js';
import { testDatabase } from '../harness/server.js';
import { apiClient, type ApiClient } from '../harness/client.js';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google-calendar.js';
import { startFakeGraph, type FakeGraph } from '../fakes/ms-graph.js';
import { scaled } from '../harness/timing.js';

const TZ = 'America/New_York';
const KEY = 'c0ffee'.repeat(10) + 'c0ff';
const BASE = Date.parse('2026-04-06T12:00:00Z');
const started = Date.now();
let skewMs = 0;
/** The product's clock: 2026-04-06 12:00Z plus real time plus whatever a test skips ahead. */
const clock: Clock = { now: () => new Date(BASE + (Date.now() - started) + skewMs) };
/** Skips past the busy-time cache (1 s in this suite). */
const pastCache = () => {
  skewMs += 2_000;
};

let server: RunningServer;
let calendars: Calendars;
let google: FakeGoogle;
let graph: FakeGraph;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  [google, graph] = await Promise.all([startFakeGoogle(), startFakeGraph()]);
  const database = await testDatabase();
  closeDb = database.close;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'j'.repeat(40),
    DATA_DIR: ':memory:',
    ENCRYPTION_KEY: KEY,
    ...google.env,
    ...graph.env,
  });
  calendars = createCalendars({ db: database.db, clock, config, options: { ttlMs: 1_000, retryBaseMs: 30_000 } });
  server = await startServer(config, {
    database,
    clock,
    logger: createLogger('silent', { pretty: false }),
    routes: [createBookingRoutes({ calendar: calendars }), createIntegrationRoutes(calendars)],
  });
}, scaled(60_000));
afterAll(async () => {
  await calendars?.sync.stop();
  await server?.close();
  await closeDb?.();
  await Promise.all([google?.close(), graph?.close()]);
});

/** A business open weekdays 08–17 in New York with a 60-minute service, and its admin's client. */
async function business() {
  const anon = apiClient(server.url);
  const reg = await anon.post('/api/auth/register', {
    email: `owner-${newToken(6)}@example.com`,
    password: 'correct horse battery',
    organizationName: 'Fix-It Plumbing',
    timezone: TZ,
  });
  expect(reg.status).toBe(201);
  const api = apiClient(server.url, reg.body.accessToken);
  const week = [['08:00', '17:00']];
  expect(
    (
      await api.put('/api/config', {
        hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
        minNoticeMin: 60,
        maxDaysAhead: 30,
        slotStepMin: 30,
      })
    ).status,
  ).toBe(200);
  const svc = await api.post('/api/services', { name: 'Drain repair', durationMin: 60, bufferMin: 0 });
  return {
    api,
    token: reg.body.accessToken as string,
    organizationId: reg.body.organization.id as string,
    serviceId: svc.body.id as string,
  };
}

/** The cookies a response set, as a browser would send them back (name=value; …). */
const browserCookie = (h: Headers) =>
  h
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Runs the OAuth dance like a browser: our connect → provider consent → our callback. */
async function connect(api: ApiClient, provider: 'google' | 'microsoft', account: string, query = '') {
  (provider === 'google' ? google : graph).account = account;
  const start = await api.get(`/api/integrations/${provider}/connect${query}`);
  expect(start.status).toBe(200);
  const consent = await fetch(start.body.url, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const callback = consent.headers.get('location')!;
  expect(callback.startsWith(`${server.url}/api/integrations/${provider}/callback?`)).toBe(true);
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: browserCookie(start.headers) } });
  return {
    status: done.status,
    body: done.status === 200 ? await done.json() : await done.text(),
    location: done.headers.get('location'),
    callback,
  };
}

const local = (wall: string) => new Date(`${wall}-04:00`);
const slotStarts = async (api: ApiClient, serviceId: string, day: string) =>
  (
    await api.get(
      `/api/availability?serviceId=${serviceId}&from=${encodeURIComponent(`${day}T00:00:00-04:00`)}&to=${encodeURIComponent(`${day}T23:59:00-04:00`)}`,
    )
  ).body.slots.map((s: { start: string }) => s.start.slice(11, 16));
/** Lets the after-commit sync finish, then runs whatever is due. */
const settle = async () => {
  await new Promise((r) => setImmediate(r));
  await calendars.sync.runDue();
};

describe('Google Calendar', () => {
  it('connects through OAuth and stores only sealed tokens; the listing names the account', async () => {
    const b = await business();
    const account = `g-${newToken(4).toLowerCase()}@example.com`;
    const done = await connect(b.api, 'google', account);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ provider: 'google', status: 'connected', accountEmail: account });
    const [row] = await calendars.db
      .select()
      .from(schema.integrations)
      .where(eq(schema.integrations.organizationId, b.organizationId));
    expect(row.accessTokenEnc).not.toContain('ya29.');
    expect(row.refreshTokenEnc).not.toContain('1//');
    expect(createTokenCipher(KEY).open(row.accessTokenEnc!)).toMatch(/^ya29\./);
    expect(createTokenCipher(KEY).open(row.refreshTokenEnc!)).toMatch(/^1\/\/0g/);
    const list = await b.api.get('/api/integrations');
    expect(list.body.items.map((i: { provider: string; status: string }) => [i.provider, i.status])).toEqual([
      ['google', 'connected'],
      ['microsoft', 'not_connected'],
    ]);
  });

  it('refuses a forged state and a replayed code, and sends a refused consent back to the dashboard', async () => {
    const b = await business();
    google.account = `g-${newToken(4).toLowerCase()}@example.com`;
    const started = await b.api.get('/api/integrations/google/connect?returnTo=/settings');
    const start = started.body;
    const cookie = browserCookie(started.headers);
    const callback = new URL((await fetch(start.url, { redirect: 'manual' })).headers.get('location')!);
    const forged = new URL(callback);
    forged.searchParams.set(
      'state',
      callback.searchParams.get('state')!.replace(/^./, (c) => (c === 'e' ? 'f' : 'e')),
    );
    const bad = await fetch(forged);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('oauth_state_invalid');
    const ok = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/settings?integration=google&result=connected');
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    expect(replay.headers.get('location')).toBe('/settings?integration=google&result=error&reason=oauth_state_invalid');
    google.consent = 'deny';
    try {
      const s2 = (await b.api.get('/api/integrations/google/connect?returnTo=/settings')).body;
      const denied = await fetch((await fetch(s2.url, { redirect: 'manual' })).headers.get('location')!, {
        redirect: 'manual',
      });
      expect(denied.headers.get('location')).toBe('/settings?integration=google&result=error&reason=access_denied');
    } finally {
      google.consent = 'allow';
    }
  });

  it('blocks slots with the owner’s own Google events (re-checked at commit), but not with the events we wrote', async () => {
    const b = await business();
    const account = `g-${newToken(4).toLowerCase()}@example.com`;
    await connect(b.api, 'google', account);
    expect(await slotStarts(b.api, b.serviceId, '2026-04-08')).toContain('10:00');
    google.addExternalEvent(local('2026-04-08T10:00:00'), local('2026-04-08T11:00:00'), { account });
    google.addExternalEvent(local('2026-04-08T14:00:00'), local('2026-04-08T15:00:00'), { account, transparent: true });
    pastCache();
    const slots = await slotStarts(b.api, b.serviceId, '2026-04-08');
    expect(slots).not.toContain('10:00');
    expect(slots).not.toContain('09:30');
    expect(slots).toContain('11:00');
    expect(slots).toContain('14:00');
    // Added after the caller was offered 16:00: the commit reads the calendar again.
    google.addExternalEvent(local('2026-04-08T16:00:00'), local('2026-04-08T16:30:00'), { account });
    const late = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      start: '2026-04-08T16:00:00-04:00',
      customer: { name: 'Late Larry' },
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'slot_taken']);

    const booked = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      start: '2026-04-08T12:00:00-04:00',
      customer: { name: 'Dana Whitfield', phone: '212 555 0147' },
      notes: 'Kitchen sink, side door',
    });
    expect(booked.status).toBe(201);
    await settle();
    const ev = google.liveEvents(account).find((e) => e.id === googleEventId(booked.body.id));
    expect(ev).toMatchObject({
      summary: 'Drain repair — Dana Whitfield',
      start: { dateTime: '2026-04-08T16:00:00.000Z', timeZone: TZ },
    });
    expect(ev!.description).toContain('Kitchen sink, side door');
    pastCache();
    // Its own Google event must not stop the appointment moving half an hour.
    const moved = await b.api.patch(`/api/appointments/${booked.body.id}`, { start: '2026-04-08T12:30:00-04:00' });
    expect(moved.status).toBe(200);
    await settle();
    expect(google.liveEvents(account).find((e) => e.id === ev!.id)?.start.dateTime).toBe('2026-04-08T16:30:00.000Z');
    expect((await b.api.post(`/api/appointments/${booked.body.id}/cancel`)).status).toBe(200);
    await settle();
    expect(google.liveEvents(account).some((e) => e.id === ev!.id)).toBe(false);
  });

  it('books while Google is down, shows the pending sync, and creates the event once Google is back', async () => {
    const b = await business();
    const account = `g-${newToken(4).toLowerCase()}@example.com`;
    await connect(b.api, 'google', account);
    google.down = true;
    let id: string;
    try {
      pastCache();
      const booked = await b.api.post('/api/appointments', {
        serviceId: b.serviceId,
        start: '2026-04-09T09:00:00-04:00',
        customer: { name: 'Rosa Diaz' },
      });
      expect(booked.status).toBe(201);
      id = booked.body.id;
      await settle();
      const list = (await b.api.get('/api/integrations')).body.items[0];
      expect(list).toMatchObject({ provider: 'google', status: 'connected', pendingSyncJobs: 1 });
      expect(list.lastError).toMatch(/503/);
    } finally {
      google.down = false;
    }
    await settle();
    expect(google.liveEvents(account)).toHaveLength(0); // backing off, not hammering
    skewMs += 31_000; // past the first retry delay (30 s)
    await settle();
    expect(google.liveEvents(account).map((e) => e.id)).toEqual([googleEventId(id)]);
    const after = (await b.api.get('/api/integrations')).body.items[0];
    expect(after).toMatchObject({ pendingSyncJobs: 0, lastError: null });
  });

  it('refreshes an expired access token; a revoked grant asks the owner to reconnect and the work waits for it', async () => {
    const b = await business();
    const account = `g-${newToken(4).toLowerCase()}@example.com`;
    await connect(b.api, 'google', account);
    google.expireAccessTokens();
    const first = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      start: '2026-04-10T09:00:00-04:00',
      customer: { name: 'Ann Perkins' },
    });
    await settle();
    expect(google.liveEvents(account).map((e) => e.id)).toEqual([googleEventId(first.body.id)]);
    expect(google.requests.some((r) => r.path === '/token' && r.body.includes('grant_type=refresh_token'))).toBe(true);

    google.revokeGrants();
    const second = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      start: '2026-04-10T11:00:00-04:00',
      customer: { name: 'Ben Wyatt' },
    });
    expect(second.status).toBe(201);
    await settle();
    const list = (await b.api.get('/api/integrations')).body.items[0];
    expect(list).toMatchObject({ status: 'reauth_required', pendingSyncJobs: 1 });
    expect(list.lastError).toMatch(/invalid_grant/);
    await connect(b.api, 'google', account);
    await settle();
    expect(
      google
        .liveEvents(account)
        .map((e) => e.id)
        .sort(),
    ).toEqual([googleEventId(first.body.id), googleEventId(second.body.id)].sort());
  });
});

describe('Microsoft 365', () => {
  it('reads every page of calendarView as busy, writes events with a transactionId, and keeps rotating refresh tokens', async () => {
    const b = await business();
    const account = `m-${newToken(4).toLowerCase()}@example.com`;
    const done = await connect(b.api, 'microsoft', account);
    expect(done.body).toMatchObject({ provider: 'microsoft', status: 'connected', accountEmail: account });
    graph.pageSize = 2;
    try {
      for (const h of ['09', '11', '13'])
        graph.addExternalEvent(local(`2026-04-13T${h}:00:00`), local(`2026-04-13T${h}:30:00`), 'busy', account);
      graph.addExternalEvent(local('2026-04-13T15:00:00'), local('2026-04-13T16:00:00'), 'free', account);
      pastCache();
      const slots = await slotStarts(b.api, b.serviceId, '2026-04-13');
      for (const t of ['09:00', '11:00', '13:00', '12:30']) expect(slots).not.toContain(t);
      for (const t of ['10:00', '14:00', '15:00']) expect(slots).toContain(t);
      const view = graph.requests.filter((r) => r.path.startsWith('/v1.0/me/calendar/calendarView'));
      expect(view.some((r) => r.path.includes('%24skip=2'))).toBe(true);
      expect(view.at(-1)!.headers.prefer).toBe('outlook.timezone="UTC"');
    } finally {
      graph.pageSize = 250;
    }

    const booked = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      start: '2026-04-13T10:00:00-04:00',
      customer: { name: 'Leslie Knope', email: 'leslie@example.com' },
    });
    expect(booked.status).toBe(201);
    await settle();
    const mine = () => graph.eventsOf(account).filter((e) => e.transactionId === booked.body.id);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toMatchObject({
      subject: 'Drain repair — Leslie Knope',
      start: { dateTime: '2026-04-13T14:00:00.000', timeZone: 'UTC' },
    });

    for (let round = 0; round < 2; round++) {
      // Graph rotates refresh tokens (the fake retires the old one): a second refresh only works if the first one's token was stored.
      graph.expireAccessTokens();
      pastCache();
      const moved = await b.api.patch(`/api/appointments/${booked.body.id}`, {
        start: `2026-04-13T1${4 + round}:00:00-04:00`,
      });
      expect(moved.status).toBe(200);
      await settle();
      expect(mine()[0].start.dateTime).toBe(`2026-04-13T${18 + round}:00:00.000`);
    }
    expect((await b.api.get('/api/integrations')).body.items[1]).toMatchObject({
      status: 'connected',
      pendingSyncJobs: 0,
    });
    await b.api.post(`/api/appointments/${booked.body.id}/cancel`);
    await settle();
    expect(mine()).toHaveLength(0);
  });

  it('keeps taking bookings while Graph is down, still honouring the busy times it read just before', async () => {
    const b = await business();
    const account = `m-${newToken(4).toLowerCase()}@example.com`;
    await connect(b.api, 'microsoft', account);
    graph.addExternalEvent(local('2026-04-14T11:00:00'), local('2026-04-14T12:00:00'), 'oof', account);
    pastCache();
    expect(await slotStarts(b.api, b.serviceId, '2026-04-14')).not.toContain('11:00');
    graph.down = true;
    try {
      pastCache();
      const during = await slotStarts(b.api, b.serviceId, '2026-04-14');
      expect(during).not.toContain('11:00');
      expect(during).toContain('09:00');
      const booked = await b.api.post('/api/appointments', {
        serviceId: b.serviceId,
        start: '2026-04-14T09:00:00-04:00',
        customer: { name: 'April Ludgate' },
      });
      expect(booked.status).toBe(201);
    } finally {
      graph.down = false;
    }
    skewMs += 31_000; // past the first retry delay (30 s)
    await settle();
    expect(graph.eventsOf(account).filter((e) => e.transactionId)).toHaveLength(1);
  });
});

describe('a calendar connected for one staff member', () => {
  it('blocks only that person’s slots and mirrors only their appointments', async () => {
    const b = await business();
    const ana = (await b.api.post('/api/staff', { name: 'Ana', serviceIds: [b.serviceId] })).body.id as string;
    const bo = (await b.api.post('/api/staff', { name: 'Bo', serviceIds: [b.serviceId] })).body.id as string;
    const account = `g-${newToken(4).toLowerCase()}@example.com`;
    const done = await connect(b.api, 'google', account, `?staffId=${ana}`);
    expect(done.body).toMatchObject({ status: 'connected', staffId: ana });
    google.addExternalEvent(local('2026-04-16T09:00:00'), local('2026-04-16T10:00:00'), { account });
    pastCache();
    const slots = (
      await b.api.get(
        `/api/availability?serviceId=${b.serviceId}&from=${encodeURIComponent('2026-04-16T09:00:00-04:00')}&to=${encodeURIComponent('2026-04-16T09:01:00-04:00')}`,
      )
    ).body.slots;
    expect(slots.map((s: { staffId: string }) => s.staffId)).toEqual([bo]);
    const forBo = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      staffId: bo,
      start: '2026-04-16T13:00:00-04:00',
      customer: { name: 'Bo’s client' },
    });
    const forAna = await b.api.post('/api/appointments', {
      serviceId: b.serviceId,
      staffId: ana,
      start: '2026-04-16T13:00:00-04:00',
      customer: { name: 'Ana’s client' },
    });
    await settle();
    expect(
      google
        .liveEvents(account)
        .filter((e) => e.extendedProperties)
        .map((e) => e.id),
    ).toEqual([googleEventId(forAna.body.id)]);
    // Handing Ana's appointment to Bo takes it out of Ana's calendar.
    expect(
      (await b.api.patch(`/api/appointments/${forAna.body.id}`, { staffId: bo, start: '2026-04-16T15:00:00-04:00' }))
        .status,
    ).toBe(200);
    await settle();
    expect(google.liveEvents(account).filter((e) => e.extendedProperties)).toHaveLength(0);
    expect(forBo.status).toBe(201);
    expect((await b.api.get(`/api/integrations/google/connect?staffId=${newToken(4)}`)).status).toBe(404);
  });
});

describe('sync workers', () => {
  it('never write the same event twice when two nodes run due work at once', async () => {
    const b = await business();
    const account = `m-${newToken(4).toLowerCase()}@example.com`;
    await connect(b.api, 'microsoft', account);
    const otherNode = createCalendars({
      db: calendars.db,
      clock,
      config: loadConfig({ LOG_LEVEL: 'silent', ENCRYPTION_KEY: KEY, ...google.env, ...graph.env }),
      options: { retryBaseMs: 30_000 },
    });
    graph.down = true;
    const ids: string[] = [];
    try {
      for (const h of ['09', '11', '13']) {
        const r = await b.api.post('/api/appointments', {
          serviceId: b.serviceId,
          start: `2026-04-15T${h}:00:00-04:00`,
          customer: { name: `Caller ${h}` },
        });
        expect(r.status).toBe(201);
        ids.push(r.body.id);
      }
      await settle();
    } finally {
      graph.down = false;
    }
    skewMs += 31_000; // past the first retry delay (30 s)
    const before = graph.requests.length;
    await Promise.all([calendars.sync.runDue(), otherNode.sync.runDue(), calendars.sync.runDue()]);
    const creates = graph.requests.slice(before).filter((r) => r.method === 'POST' && r.path === '/v1.0/me/events');
    expect(creates.map((r) => JSON.parse(r.body).transactionId).sort()).toEqual([...ids].sort());
    expect(graph.eventsOf(account)).toHaveLength(3);
  });
});

describe('integrations routes', () => {
  it('lets only admins connect and disconnect; disconnecting forgets the tokens and revokes the grant', async () => {
    const b = await business();
    const account = `g-${newToken(4).toLowerCase()}@example.com`;
    await connect(b.api, 'google', account);
    const email = `op-${newToken(4).toLowerCase()}@example.com`;
    expect((await b.api.post('/api/users', { email, role: 'operator', password: 'operator-pass-1' })).status).toBe(201);
    const login = await apiClient(server.url).post('/api/auth/login', { email, password: 'operator-pass-1' });
    const op = apiClient(server.url, login.body.accessToken);
    expect((await op.get('/api/integrations')).status).toBe(200);
    expect((await op.get('/api/integrations')).body.feeds).toBeUndefined();
    expect((await op.get('/api/integrations/google/connect')).status).toBe(403);
    expect((await op.delete('/api/integrations/google')).status).toBe(403);
    expect((await apiClient(server.url).get('/api/integrations')).status).toBe(401);
    expect((await b.api.get('/api/integrations/outlook/connect')).status).toBe(400);

    const revokes = google.requests.filter((r) => r.path === '/revoke').length;
    expect((await b.api.delete('/api/integrations/google')).status).toBe(204);
    expect(google.requests.filter((r) => r.path === '/revoke').length).toBe(revokes + 1);
    expect(
      await calendars.db
        .select()
        .from(schema.integrations)
        .where(eq(schema.integrations.organizationId, b.organizationId)),
    ).toHaveLength(0);
    expect((await b.api.delete('/api/integrations/google')).status).toBe(404);
    expect((await b.api.get('/api/integrations')).body.items[0].status).toBe('not_connected');
  });

  it('answers the authorization URL with Google’s parameters, or redirects to it', async () => {
    const b = await business();
    const r = await b.api.get('/api/integrations/google/connect');
    const u = new URL(r.body.url);
    expect(u.origin + u.pathname).toBe(google.env.GOOGLE_AUTH_URL);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      client_id: google.env.GOOGLE_CLIENT_ID,
      response_type: 'code',
      access_type: 'offline',
      redirect_uri: `${server.url}/api/integrations/google/callback`,
      state: r.body.state,
    });
    const redirect = await fetch(`${server.url}/api/integrations/microsoft/connect?redirect=true`, {
      headers: { authorization: `Bearer ${b.token}` },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    const to = new URL(redirect.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(`${graph.url}/common/oauth2/v2.0/authorize`);
    expect(to.searchParams.get('scope')).toContain('offline_access');
  });
});
