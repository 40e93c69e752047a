// Invariant: over real HTTP, booking routes answer API.md's contract — slots, 201 / 409 slot_taken with alternatives, idempotent retries, moves, cancels — scoped to the caller's organization.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/index.js';
import type { RunningServer } from '../../src/server.js';
import { createBookingRoutes } from '../../src/api/routes/booking/index.js';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';

const TZ = 'America/New_York';
let server: RunningServer;

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** A fresh organization with weekday hours 08–17, one 60 min service (+30 min buffer) and the given staff. */
async function business(staffNames: string[] = []) {
  const token = (await registerOrg(server.url, { timezone: TZ, name: 'Fix-It Plumbing' })).accessToken;
  const week = [['08:00', '17:00']];
  const cfg = await call('PUT', '/api/config', token, {
    hours: { mon: week, tue: week, wed: week, thu: week, fri: week },
    holidays: ['2026-04-10'],
    minNoticeMin: 60,
    maxDaysAhead: 30,
    slotStepMin: 30,
  });
  expect(cfg.status).toBe(200);
  const svc = await call('POST', '/api/services', token, { name: 'Drain repair', durationMin: 60, bufferMin: 30 });
  expect(svc.status).toBe(201);
  const staffIds: string[] = [];
  for (const name of staffNames)
    staffIds.push((await call('POST', '/api/staff', token, { name, serviceIds: [svc.body.id] })).body.id);
  return { token, serviceId: svc.body.id as string, staffIds };
}

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-04-06T12:00:00Z', true), routes: [createBookingRoutes()] });
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
});

describe('booking over HTTP', () => {
  it('lists slots in the business’s local offset, and none on holidays', async () => {
    const b = await business();
    const r = await call(
      'GET',
      `/api/availability?serviceId=${b.serviceId}&from=2026-04-07T00:00:00-04:00&to=2026-04-08T00:00:00-04:00`,
      b.token,
    );
    expect(r.status).toBe(200);
    expect(r.body.timezone).toBe(TZ);
    expect(r.body.slots[0]).toEqual({
      start: '2026-04-07T08:00:00.000-04:00',
      end: '2026-04-07T09:00:00.000-04:00',
      staffId: null,
    });
    expect(r.body.slots.at(-1).start).toBe('2026-04-07T16:00:00.000-04:00');
    const holiday = await call(
      'GET',
      `/api/availability?serviceId=${b.serviceId}&from=2026-04-10T00:00:00-04:00&to=2026-04-11T00:00:00-04:00`,
      b.token,
    );
    expect(holiday.body.slots).toEqual([]);
  });

  it('books with 201, answers 409 slot_taken with alternatives for the same slot, and replays an Idempotency-Key', async () => {
    const b = await business();
    const body = {
      serviceId: b.serviceId,
      start: '2026-04-07T09:00:00-04:00',
      customer: { name: 'Dana Whitfield', phone: '212 555 0147' },
    };
    const first = await call('POST', '/api/appointments', b.token, body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      start: '2026-04-07T09:00:00.000-04:00',
      end: '2026-04-07T10:00:00.000-04:00',
      status: 'booked',
      customer: { phone: '+12125550147' },
    });
    const retry = await call('POST', '/api/appointments', b.token, body, { 'idempotency-key': 'k-1' });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const taken = await call('POST', '/api/appointments', b.token, body, { 'idempotency-key': 'k-2' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_taken');
    expect(taken.body.error.details.alternatives.length).toBeGreaterThan(0);
    expect(taken.body.error.details.alternatives.map((a: { start: string }) => a.start)).toContain(
      '2026-04-07T10:30:00.000-04:00',
    );
    const list = await call(
      'GET',
      '/api/appointments?from=2026-04-07T00:00:00-04:00&to=2026-04-08T00:00:00-04:00',
      b.token,
    );
    expect(list.body.items).toHaveLength(1);
  });

  it('answers 422 with the reason for a time that can never be booked, and 400 for a malformed body', async () => {
    const b = await business();
    const closed = await call('POST', '/api/appointments', b.token, {
      serviceId: b.serviceId,
      start: '2026-04-11T09:00:00-04:00',
      customer: { name: 'Sat Urday' },
    });
    expect(closed.status).toBe(422);
    expect(closed.body.error).toMatchObject({ code: 'slot_unavailable', details: { reason: 'closed' } });
    const bad = await call('POST', '/api/appointments', b.token, {
      serviceId: b.serviceId,
      start: 'tomorrow',
      customer: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('moves with PATCH (history kept), refuses a move onto a booking, cancels, and frees the slot', async () => {
    const b = await business();
    const a = (
      await call('POST', '/api/appointments', b.token, {
        serviceId: b.serviceId,
        start: '2026-04-08T09:00:00-04:00',
        customer: { name: 'A' },
      })
    ).body;
    await call('POST', '/api/appointments', b.token, {
      serviceId: b.serviceId,
      start: '2026-04-08T13:00:00-04:00',
      customer: { name: 'B' },
    });
    const clash = await call('PATCH', `/api/appointments/${a.id}`, b.token, { start: '2026-04-08T13:30:00-04:00' });
    expect(clash.status).toBe(409);
    const moved = await call('PATCH', `/api/appointments/${a.id}`, b.token, { start: '2026-04-08T11:00:00-04:00' });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe('2026-04-08T11:00:00.000-04:00');
    const cancelled = await call('POST', `/api/appointments/${a.id}/cancel`, b.token);
    expect(cancelled.body.status).toBe('cancelled');
    const full = await call('GET', `/api/appointments/${a.id}`, b.token);
    expect(full.body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'rescheduled', 'cancelled']);
    const again = await call('POST', '/api/appointments', b.token, {
      serviceId: b.serviceId,
      start: '2026-04-08T11:00:00-04:00',
      customer: { name: 'C' },
    });
    expect(again.status).toBe(201);
    const booked = await call('GET', '/api/appointments?status=booked', b.token);
    expect(booked.body.items.map((x: { customer: { name: string } }) => x.customer.name).sort()).toEqual(['B', 'C']);
  });

  it('keeps organizations apart: another organization’s appointment is 404 and its slots are not mine', async () => {
    const mine = await business();
    const theirs = await business();
    const a = (
      await call('POST', '/api/appointments', theirs.token, {
        serviceId: theirs.serviceId,
        start: '2026-04-09T09:00:00-04:00',
        customer: { name: 'Theirs' },
      })
    ).body;
    expect((await call('GET', `/api/appointments/${a.id}`, mine.token)).status).toBe(404);
    expect((await call('POST', `/api/appointments/${a.id}/cancel`, mine.token)).status).toBe(404);
    expect((await call('PATCH', `/api/appointments/${a.id}`, mine.token, { status: 'completed' })).status).toBe(404);
    expect((await call('GET', `/api/availability?serviceId=${theirs.serviceId}`, mine.token)).status).toBe(404);
    const same = await call('POST', '/api/appointments', mine.token, {
      serviceId: mine.serviceId,
      start: '2026-04-09T09:00:00-04:00',
      customer: { name: 'Mine' },
    });
    expect(same.status).toBe(201);
    expect((await call('GET', '/api/appointments')).status).toBe(401);
  });
});
