// Invariant: 50 simultaneous bookings of one slot on a PostgreSQL server → exactly one wins (two with two staff), the rest get 409 slot_taken with alternatives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/db/index.js';
import { fixedClock } from '../../src/lib/index.js';
import type { RunningServer } from '../../src/server.js';
import { createBookingRoutes } from '../../src/api/routes/booking/index.js';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';

// Read here only to decide whether this suite can run at all (the harness makes a fresh database on that server).
const DATABASE_URL = process.env.DATABASE_URL;
const PARALLEL = 50;
let server: RunningServer;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function business(staffNames: string[]) {
  const reg = await registerOrg(server.url, { timezone: 'America/Chicago', name: 'Race Salon' });
  const token = reg.accessToken;
  const week = [['09:00', '17:00']];
  await call('PUT', '/api/config', token, {
    hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
    holidays: [],
    minNoticeMin: 0,
    maxDaysAhead: 60,
  });
  const svc = await call('POST', '/api/services', token, { name: 'Haircut', durationMin: 45, bufferMin: 15 });
  for (const name of staffNames) await call('POST', '/api/staff', token, { name, serviceIds: [svc.body.id] });
  return { token, organizationId: reg.organization.id as string, serviceId: svc.body.id as string };
}

async function race(staffNames: string[]) {
  const b = await business(staffNames);
  const start = '2026-05-05T10:00:00-05:00';
  const results = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) =>
      call('POST', '/api/appointments', b.token, { serviceId: b.serviceId, start, customer: { name: `Caller ${i}` } }),
    ),
  );
  const rows = await server.ctx.database.db
    .select()
    .from(schema.appointments)
    .where(and(eq(schema.appointments.organizationId, b.organizationId), eq(schema.appointments.status, 'booked')));
  return { results, rows };
}

describe.skipIf(!DATABASE_URL)('50 simultaneous bookings on PostgreSQL', () => {
  beforeAll(async () => {
    server = await startTestServer({
      clock: fixedClock('2026-05-01T12:00:00Z', true),
      routes: [createBookingRoutes()],
    });
  }, scaled(60_000));
  afterAll(async () => {
    await server?.close();
  });

  it('one slot, no staff: exactly one 201, 49 × 409 slot_taken with alternatives, one row', async () => {
    const { results, rows } = await race([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(PARALLEL - 1);
    expect(
      refused.every((r) => r.body.error.code === 'slot_taken' && r.body.error.details.alternatives.length > 0),
    ).toBe(true);
    expect(rows).toHaveLength(1);
  });

  it('one slot, two staff: exactly two succeed, one per staff member', async () => {
    const { results, rows } = await race(['Ana', 'Ben']);
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(2);
    expect(new Set(won.map((r) => r.body.staffId)).size).toBe(2);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'slot_taken')).toHaveLength(PARALLEL - 2);
    expect(rows).toHaveLength(2);
  });
});
