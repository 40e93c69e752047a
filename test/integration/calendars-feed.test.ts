// Invariant: GET /api/calendar.ics serves, without a bearer but only for its secret token, a real-parser-valid feed of exactly that organization's (or staff member's) live appointments.
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createLogger, fixedClock, newToken } from '../../src/lib/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createBookingRoutes } from '../../src/api/routes/booking/index.js';
import { createIntegrationRoutes } from '../../src/api/routes/integrations/index.js';
import { createCalendars } from '../../src/booking/calendars/index.js';
import { testDatabase } from '../harness/server.js';
import { apiClient } from '../harness/client.js';
import { scaled } from '../harness/timing.js';

const TZ = 'America/Chicago';
let server: RunningServer;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  const database = await testDatabase();
  closeDb = database.close;
  const clock = fixedClock('2026-04-06T12:00:00Z', true);
  // No OAuth clients configured: the feed needs none, and the listing says so.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'f'.repeat(40),
    DATA_DIR: ':memory:',
  });
  const calendars = createCalendars({ db: database.db, clock, config });
  server = await startServer(config, {
    database,
    clock,
    logger: createLogger('silent', { pretty: false }),
    routes: [createBookingRoutes({ calendar: calendars }), createIntegrationRoutes(calendars)],
  });
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
  await closeDb?.();
});

/** A business with two staff and a few appointments; answers its admin client, feed URLs and ids. */
async function business() {
  const reg = await apiClient(server.url).post('/api/auth/register', {
    email: `o-${newToken(6)}@example.com`,
    password: 'correct horse battery',
    organizationName: 'Shear Bliss, Salon & Spa',
    timezone: TZ,
  });
  const api = apiClient(server.url, reg.body.accessToken);
  const week = [['09:00', '18:00']];
  await api.put('/api/config', {
    hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
    minNoticeMin: 0,
    maxDaysAhead: 60,
  });
  const svc = (await api.post('/api/services', { name: 'Cut, colour; blow-dry', durationMin: 90, bufferMin: 15 })).body;
  const ana = (await api.post('/api/staff', { name: 'Ana', serviceIds: [svc.id] })).body;
  const bo = (await api.post('/api/staff', { name: 'Bo', serviceIds: [svc.id] })).body;
  const book = async (start: string, staffId: string, name: string, notes?: string) => {
    const r = await api.post('/api/appointments', {
      serviceId: svc.id,
      start,
      staffId,
      customer: { name, phone: '+1 312 555 0100' },
      notes,
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const notes = `Allergic to ammonia, prefers Ana\\Bo; ${'long note '.repeat(12)}\nParking: rear lot`;
  const a1 = await book('2026-04-07T10:00:00-05:00', ana.id, 'Mia Wong', notes);
  const a2 = await book('2026-04-07T10:00:00-05:00', bo.id, 'Zoë Ødegård');
  const a3 = await book('2026-04-08T14:00:00-05:00', ana.id, 'Cancelled Carl');
  expect((await api.post(`/api/appointments/${a3}/cancel`)).status).toBe(200);
  const list = await api.get('/api/integrations');
  expect(list.status).toBe(200);
  return { api, list: list.body, ana: ana.id as string, bo: bo.id as string, a1, a2, a3, notes };
}

const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];

describe('ICS feed', () => {
  it('serves the organization’s live appointments as valid iCalendar, times in UTC, text escaped and folded', async () => {
    const b = await business();
    const url: string = b.list.feeds.organization;
    expect(url.startsWith(`${server.url}/api/calendar.ics?token=`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const evs = events(text);
    expect(evs.map((e) => e.uid).sort()).toEqual([`${b.a1}@infinioffice`, `${b.a2}@infinioffice`].sort());
    const mia = evs.find((e) => e.uid === `${b.a1}@infinioffice`)!;
    expect(mia.start.toISOString()).toBe('2026-04-07T15:00:00.000Z');
    expect(mia.end!.toISOString()).toBe('2026-04-07T16:30:00.000Z');
    expect(String(mia.summary)).toBe('Cut, colour; blow-dry — Mia Wong');
    expect(String(mia.description)).toContain(`Notes: ${b.notes}`);
    expect(String(mia.description)).toContain('With: Ana');
    expect(String(evs.find((e) => e.uid === `${b.a2}@infinioffice`)!.summary)).toBe(
      'Cut, colour; blow-dry — Zoë Ødegård',
    );
    expect(text).toMatch(/\r\nDTSTART:20260407T150000Z\r\n/);
  });

  it('gives each staff member a feed of only their appointments', async () => {
    const b = await business();
    const staff: { staffId: string; name: string; url: string }[] = b.list.feeds.staff;
    expect(staff.map((s) => s.name)).toEqual(['Ana', 'Bo']);
    const bo = events(await (await fetch(staff.find((s) => s.staffId === b.bo)!.url)).text());
    expect(bo.map((e) => e.uid)).toEqual([`${b.a2}@infinioffice`]);
    const ana = events(await (await fetch(staff.find((s) => s.staffId === b.ana)!.url)).text());
    expect(ana.map((e) => e.uid)).toEqual([`${b.a1}@infinioffice`]);
  });

  it('answers 404 to a wrong, tampered or other staff member’s token, and 400 without one', async () => {
    const b = await business();
    const anaUrl = new URL(b.list.feeds.staff.find((s: { staffId: string }) => s.staffId === b.ana).url);
    const token = anaUrl.searchParams.get('token')!;
    const [, mac] = token.split('.');
    for (const bad of [
      `${b.bo}.${mac}`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      newToken(24),
      'x',
    ]) {
      expect((await fetch(`${server.url}/api/calendar.ics?token=${encodeURIComponent(bad)}`)).status).toBe(404);
    }
    expect((await fetch(`${server.url}/api/calendar.ics`)).status).toBe(400);
    const other = await business();
    const theirs = events(await (await fetch(other.list.feeds.organization)).text());
    expect(theirs.some((e) => e.uid === `${b.a1}@infinioffice`)).toBe(false);
  });

  it('lists both providers as not configured when the server has no OAuth clients, and refuses to connect', async () => {
    const b = await business();
    expect(
      b.list.items.map((i: { provider: string; configured: boolean; status: string }) => [
        i.provider,
        i.configured,
        i.status,
      ]),
    ).toEqual([
      ['google', false, 'not_connected'],
      ['microsoft', false, 'not_connected'],
    ]);
    const r = await b.api.get('/api/integrations/google/connect');
    expect([r.status, r.body.error.code]).toEqual([422, 'integration_not_configured']);
  });
});
