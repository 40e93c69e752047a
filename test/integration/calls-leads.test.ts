// Invariant: the owner can page and filter every call, follow up leads, and read today's numbers — all of their own organization only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { createCall, completeCall, recordTurn, recordEvent } from '../../src/calls/index.js';
import { captureLead } from '../../src/leads/index.js';
import { schema } from '../../src/db/index.js';
import { eq } from 'drizzle-orm';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function seedCalls(organizationId: string, n: number) {
  const db = server.database.db;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const startedAt = new Date(Date.UTC(2026, 2, 10, 14, i));
    const call = await createCall(db, {
      organizationId,
      channel: 'phone',
      callSid: `CA${organizationId.slice(0, 8)}${i}`,
      from: `+1312555${String(100 + i).padStart(4, '0')}`,
      to: '+13125550199',
      startedAt,
    });
    await db.update(schema.calls).set({ answeredAt: startedAt }).where(eq(schema.calls.id, call.id));
    await recordTurn(db, call, {
      callerText: i === 3 ? 'my basement is flooding' : 'what are your hours',
      agentText: 'We are open 8 to 5.',
      e2eMs: 400 + i * 10,
    });
    if (i % 2 === 0) await recordEvent(db, call, 'tool_call', { name: 'answer_question', ok: true });
    await completeCall(db, call.id, { endedAt: new Date(startedAt.getTime() + 65_000) });
    ids.push(call.id);
  }
  return ids;
}

describe('calls list, leads and metrics', () => {
  it('pages newest first with a cursor, filters by outcome and finds what was said', async () => {
    const org = await registerOrg(server.url);
    const ids = await seedCalls(org.organization.id, 7);
    const first = await org.api.get('/api/calls?limit=3');
    expect(first.body.items.map((c: any) => c.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await org.api.get(`/api/calls?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: any) => c.id)).toEqual([ids[3], ids[2], ids[1]]);
    const third = await org.api.get(`/api/calls?limit=3&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((c: any) => c.id)).toEqual([ids[0]]);
    expect(third.body.nextCursor).toBeUndefined();
    const answered = await org.api.get('/api/calls?outcome=answered&limit=100');
    expect(answered.body.items).toHaveLength(7);
    const flooding = await org.api.get('/api/calls?q=flooding');
    expect(flooding.body.items.map((c: any) => c.id)).toEqual([ids[3]]);
    expect((await org.api.get('/api/calls?cursor=garbage')).status).toBe(400);
    const other = await registerOrg(server.url);
    expect((await other.api.get('/api/calls?limit=100')).body.items).toHaveLength(0);
  });

  it('filters by direction: the calls the agent placed apart from the ones it answered; a bad value is 400', async () => {
    const org = await registerOrg(server.url);
    const inbound = await seedCalls(org.organization.id, 2);
    const db = server.database.db;
    const placed = await createCall(db, {
      organizationId: org.organization.id,
      channel: 'phone',
      direction: 'outbound',
      callSid: `CAout${org.organization.id.slice(0, 8)}`,
      from: '+13125550199',
      to: '+13125550177',
      startedAt: new Date(Date.UTC(2026, 2, 10, 15, 0)),
    });
    const out = await org.api.get('/api/calls?direction=outbound');
    expect(out.body.items.map((c: any) => [c.id, c.direction, c.to])).toEqual([
      [placed.id, 'outbound', '+13125550177'],
    ]);
    const inb = await org.api.get('/api/calls?direction=inbound&limit=100');
    expect(inb.body.items.map((c: any) => c.id).sort()).toEqual([...inbound].sort());
    const bad = await org.api.get('/api/calls?direction=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    // Another organization's outbound calls are not listed.
    expect((await (await registerOrg(server.url)).api.get('/api/calls?direction=outbound')).body.items).toEqual([]);
  });

  it('dashboard metrics count calls, answered rate, latency percentiles, minutes and cost', async () => {
    const org = await registerOrg(server.url);
    await seedCalls(org.organization.id, 5);
    await captureLead(server.database.db, undefined, {
      organizationId: org.organization.id,
      name: 'Flood',
      priority: 'URGENT',
      need: 'flooding',
    });
    const m = (await org.api.get('/api/dashboard/metrics?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z')).body;
    expect(m.calls).toBe(5);
    expect(m.answered).toBe(5);
    expect(m.answeredRate).toBe(1);
    expect(m.avgE2eMs).toBe(420);
    expect(m.p50E2eMs).toBe(420);
    expect(m.p95E2eMs).toBe(440);
    expect(m.minutes).toBeCloseTo((5 * 65) / 60, 1);
    expect(m.estimatedCostCents).toBeGreaterThan(0);
    expect(m.callsPerDay).toEqual([{ day: '2026-03-10', calls: 5 }]);
    const leads = (await org.api.get('/api/dashboard/metrics')).body;
    expect(leads.urgent).toBe(1);
  });

  it('leads are filtered by priority and followed up with status and notes', async () => {
    const org = await registerOrg(server.url);
    const db = server.database.db;
    const urgent = await captureLead(db, undefined, {
      organizationId: org.organization.id,
      name: 'Gas Smell',
      phone: '+13125550142',
      priority: 'URGENT',
    });
    await captureLead(db, undefined, { organizationId: org.organization.id, name: 'Quote', priority: 'NORMAL' });
    const list = await org.api.get('/api/leads?priority=URGENT');
    expect(list.body.items.map((l: any) => l.id)).toEqual([urgent.id]);
    const patched = await org.api.patch(`/api/leads/${urgent.id}`, {
      status: 'contacted',
      notes: 'Called back at 3pm',
    });
    expect(patched.body).toMatchObject({ status: 'contacted', notes: 'Called back at 3pm' });
    expect((await org.api.patch(`/api/leads/${urgent.id}`, { status: 'bogus' })).status).toBe(400);
    const other = await registerOrg(server.url);
    expect((await other.api.patch(`/api/leads/${urgent.id}`, { status: 'lost' })).status).toBe(404);
    expect((await org.api.get(`/api/leads/${urgent.id}`)).body.status).toBe('contacted');
  });

  it('a lead captured twice on one call stays one lead and keeps the higher priority', async () => {
    const org = await registerOrg(server.url);
    const db = server.database.db;
    const call = await createCall(db, { organizationId: org.organization.id, channel: 'chat' });
    await captureLead(db, undefined, {
      organizationId: org.organization.id,
      callId: call.id,
      name: 'Dana',
      need: 'leak',
    });
    await captureLead(db, undefined, {
      organizationId: org.organization.id,
      callId: call.id,
      phone: '+13125550142',
      priority: 'HIGH',
      need: 'ceiling dripping',
    });
    const items = (await apiClient(server.url, org.accessToken).get('/api/leads')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: 'Dana',
      phone: '+13125550142',
      priority: 'HIGH',
      need: 'leak; ceiling dripping',
    });
  });

  it('a message left after an emergency on the same call keeps the lead an urgent emergency', async () => {
    const org = await registerOrg(server.url);
    const db = server.database.db;
    const call = await createCall(db, { organizationId: org.organization.id, channel: 'chat' });
    const base = { organizationId: org.organization.id, callId: call.id, name: 'Priya' };
    await captureLead(db, undefined, {
      ...base,
      kind: 'emergency',
      priority: 'URGENT',
      need: 'water through the light',
    });
    await captureLead(db, undefined, { ...base, kind: 'message', priority: 'HIGH', need: 'stopcock is off now' });
    const items = (await apiClient(server.url, org.accessToken).get('/api/leads')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'emergency',
      priority: 'URGENT',
      need: 'water through the light; stopcock is off now',
    });
  });
});
