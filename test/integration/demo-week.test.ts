// Invariant: the demo business comes with a week of activity the product made itself — the simulator's plumbing callers played through the receptionist — spread over the seven days before the clock: calls with transcripts, bookings made on those calls, leads (one urgent) and returning clients, with the home metrics counting them; played once, offline, and quickly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';

const NOW = '2026-03-11T18:30:00Z';
const clock = fixedClock(NOW, true);
let server: Awaited<ReturnType<typeof startTestServer>>;
let startMs = 0;
let owner: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const t0 = performance.now();
  server = await startTestServer({ clock, env: { SEED_DEMO: 'true' } });
  startMs = performance.now() - t0;
  const login = await apiClient(server.url).post('/api/auth/login', {
    email: 'owner@demo-plumbing.test',
    password: 'demo-password-123',
  });
  expect(login.status).toBe(200);
  owner = apiClient(server.url, login.body.accessToken);
});
afterAll(async () => {
  await server?.close();
});

describe('the demo business’s week', () => {
  it('has calls with transcripts spread over the last seven days, bookings made on them, leads with one emergency, and metrics that count them', async () => {
    console.log(`server start with the demo week: ${Math.round(startMs)} ms`);
    const calls = (await owner.get('/api/calls?limit=100')).body.items as any[];
    expect(calls.length).toBeGreaterThanOrEqual(6);
    const weekAgo = Date.parse(NOW) - 8 * 86_400_000;
    for (const c of calls) {
      expect(Date.parse(c.startedAt)).toBeGreaterThan(weekAgo);
      expect(Date.parse(c.startedAt)).toBeLessThan(Date.parse(NOW));
      expect(c.channel).toBe('phone');
    }
    // spread over at least four different days
    expect(new Set(calls.map((c) => c.startedAt.slice(0, 10))).size).toBeGreaterThanOrEqual(4);
    const detail = (await owner.get(`/api/calls/${calls[0].id}`)).body;
    expect(detail.turns.filter((t: any) => t.role === 'caller').length).toBeGreaterThan(0);
    expect(detail.turns.find((t: any) => t.role === 'agent').text).toMatch(/Demo Plumbing/);
    expect(calls.every((c) => c.outcome)).toBe(true);
    expect(calls.some((c) => c.outcome === 'booked')).toBe(true);

    const appts = (await owner.get(`/api/appointments?from=2026-03-01T00:00:00Z&to=2026-04-30T00:00:00Z&limit=500`))
      .body.items as any[];
    const fromCalls = appts.filter((a) => a.callId && calls.some((c) => c.id === a.callId));
    expect(fromCalls.length).toBeGreaterThanOrEqual(2);

    const leads = (await owner.get('/api/leads?limit=100')).body.items as any[];
    expect(leads.filter((l) => l.priority === 'URGENT')).toHaveLength(1); // one emergency in the week
    for (const l of leads.filter((x) => x.callId))
      expect(Date.parse(l.createdAt)).toBeLessThan(Date.parse(NOW) - 3_600_000);

    const clients = (await owner.get('/api/clients')).body.items as any[];
    expect(clients.length).toBeGreaterThanOrEqual(4);

    const m = (await owner.get(`/api/dashboard/metrics?from=${new Date(weekAgo).toISOString()}&to=${NOW}`)).body;
    expect(m.calls).toBe(calls.length);
    expect(m.minutes).toBeGreaterThan(0);

    // played once: a restart on the same database adds nothing
    const again = await startTestServer({ clock, database: server.database, env: { SEED_DEMO: 'true' } });
    try {
      expect((await owner.get('/api/calls?limit=100')).body.items).toHaveLength(calls.length);
    } finally {
      await again.close();
    }
  });
});
