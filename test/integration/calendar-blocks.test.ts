// Invariant: blocked time (a break, time off) is never offered or booked, for that staff member only (or the whole business); an appointment's length changes only onto free time (409 otherwise); another organization cannot see or remove a block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
let serviceId: string;
let sam: string;
let alex: string;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
  org = await registerOrg(server.url, { industry: 'salon', timezone: 'America/Chicago' });
  serviceId = (await org.api.get('/api/services')).body.items[0].id;
  sam = (await org.api.post('/api/staff', { name: 'Sam', serviceIds: [serviceId] })).body.id;
  alex = (await org.api.post('/api/staff', { name: 'Alex', serviceIds: [serviceId] })).body.id;
});
afterAll(async () => {
  await server?.close();
});

const day = { from: '2026-03-11T00:00:00-05:00', to: '2026-03-12T00:00:00-05:00' };
const slotsOf = async (staffId: string) =>
  (
    await org.api.get(
      `/api/availability?serviceId=${serviceId}&staffId=${staffId}&from=${encodeURIComponent(day.from)}&to=${encodeURIComponent(day.to)}`,
    )
  ).body.slots as { start: string; end: string }[];
const overlaps = (s: { start: string; end: string }, a: string, b: string) =>
  Date.parse(s.start) < Date.parse(b) && Date.parse(s.end) > Date.parse(a);

describe('blocked time and resizing', () => {
  it('a staff member’s break is never offered nor booked, while the other staff member stays bookable then; another organization cannot touch it', async () => {
    const lunch = { start: '2026-03-11T12:00:00-05:00', end: '2026-03-11T13:00:00-05:00' };
    expect((await slotsOf(sam)).some((s) => overlaps(s, lunch.start, lunch.end))).toBe(true);
    const made = await org.api.post('/api/blocked-times', { staffId: sam, kind: 'break', ...lunch, reason: 'Lunch' });
    expect(made.status).toBe(201);
    expect((await slotsOf(sam)).some((s) => overlaps(s, lunch.start, lunch.end))).toBe(false);
    expect((await slotsOf(alex)).some((s) => overlaps(s, lunch.start, lunch.end))).toBe(true);
    const refused = await org.api.post('/api/appointments', {
      serviceId,
      staffId: sam,
      start: lunch.start,
      customer: { name: 'Ann Lee', phone: '+13125550111' },
    });
    expect(refused.status).toBe(409);
    const listed = (
      await org.api.get(`/api/blocked-times?from=${encodeURIComponent(day.from)}&to=${encodeURIComponent(day.to)}`)
    ).body.items;
    expect(listed).toMatchObject([{ staffId: sam, kind: 'break', reason: 'Lunch' }]);

    const bad = await org.api.post('/api/blocked-times', { staffId: sam, start: lunch.end, end: lunch.start });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('The end must be after the start');

    const other = await registerOrg(server.url, { industry: 'salon' });
    expect((await other.api.delete(`/api/blocked-times/${made.body.id}`)).status).toBe(404);
    expect((await other.api.post('/api/blocked-times', { staffId: sam, ...lunch })).status).toBe(404);
    expect(
      (await other.api.get(`/api/blocked-times?from=${encodeURIComponent(day.from)}&to=${encodeURIComponent(day.to)}`))
        .body.items,
    ).toEqual([]);
    expect((await org.api.delete(`/api/blocked-times/${made.body.id}`)).status).toBe(204);
    expect((await slotsOf(sam)).some((s) => overlaps(s, lunch.start, lunch.end))).toBe(true);
  });

  it('time off for the whole business (no staff member) blocks everyone', async () => {
    const off = { start: '2026-03-11T15:00:00-05:00', end: '2026-03-11T17:00:00-05:00' };
    expect((await org.api.post('/api/blocked-times', { staffId: null, kind: 'time_off', ...off })).status).toBe(201);
    for (const id of [sam, alex]) expect((await slotsOf(id)).some((s) => overlaps(s, off.start, off.end))).toBe(false);
  });

  it('an appointment is made longer onto free time, and refused (409) when the longer one would overlap the next booking', async () => {
    const book = async (start: string) =>
      (
        await org.api.post('/api/appointments', {
          serviceId,
          staffId: alex,
          start,
          customer: { name: 'Bo Kim', phone: '+13125550122' },
        })
      ).body;
    const first = await book('2026-03-11T09:00:00-05:00');
    const lengthMin = (Date.parse(first.end) - Date.parse(first.start)) / 60_000;
    const longer = await org.api.patch(`/api/appointments/${first.id}`, { durationMin: lengthMin + 30 });
    expect(longer.status, JSON.stringify(longer.body)).toBe(200);
    expect(Date.parse(longer.body.end) - Date.parse(longer.body.start)).toBe((lengthMin + 30) * 60_000);
    const next = await book(new Date(Date.parse(longer.body.end) + 60 * 60_000).toISOString());
    expect(next.id).toBeTruthy();
    const tooLong = await org.api.patch(`/api/appointments/${first.id}`, { durationMin: lengthMin + 120 });
    expect(tooLong.status).toBe(409);
    expect((await org.api.patch(`/api/appointments/${first.id}`, { durationMin: 2 })).status).toBe(400);
  });
});
