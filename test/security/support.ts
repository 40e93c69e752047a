/** Helpers shared by the security suites: an organization with one booked customer, the dev inbox. */
import { expect } from 'vitest';
import { apiClient, registerOrg, type ApiClient } from '../harness/client.js';

/** Registers an organization and books `customer` into its first free slot; answers both. */
export async function orgWithBooking(url: string, customer: { name: string; phone: string }) {
  const org = await registerOrg(url, { industry: 'plumbing', timezone: 'America/Chicago' });
  const services = (await org.api.get('/api/services')).body.items;
  const serviceId = services[0].id as string;
  const slots = (
    await org.api.get(
      `/api/availability?serviceId=${serviceId}&from=2026-03-12T00:00:00-06:00&to=2026-03-13T00:00:00-06:00`,
    )
  ).body.slots;
  expect(slots.length).toBeGreaterThan(0);
  const booked = await org.api.post('/api/appointments', { serviceId, start: slots[0].start, customer });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return { org, appointment: booked.body as { id: string; start: string }, serviceName: services[0].name as string };
}

/** The appointment's status as the owner sees it. */
export async function statusOf(api: ApiClient, id: string): Promise<string> {
  const r = await api.get('/api/appointments?from=2026-03-01T00:00:00Z&to=2026-04-30T00:00:00Z');
  return r.body.items.find((a: any) => a.id === id)?.status;
}

/** Waits (events, not a fixed sleep: polls until it holds or `ms` pass) for a dev-inbox item. */
export async function waitForInbox(api: ApiClient, match: (i: any) => boolean, ms = 15_000): Promise<any> {
  const end = Date.now() + ms;
  for (;;) {
    const items = (await api.get('/api/dev-inbox')).body.items as any[];
    const hit = items.find(match);
    if (hit || Date.now() > end) return hit;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Adds a user with `role` to the organization and answers a client signed in as them. */
export async function staffClient(url: string, admin: ApiClient, role: 'operator' | 'viewer') {
  const email = `${role}${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = `${role}-password-1`;
  const added = await admin.post('/api/users', { email, role, password });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const login = await apiClient(url).post('/api/auth/login', { email, password });
  expect(login.status).toBe(200);
  return { api: apiClient(url, login.body.accessToken), login: login.body };
}
