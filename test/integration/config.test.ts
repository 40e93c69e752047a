// Invariant: the business configuration accepts what owners really type, normalises it, refuses the impossible, and every change is audited (who, before → after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('business configuration', () => {
  it('a partial PUT changes only the fields sent and normalises phone numbers to E.164', async () => {
    const org = await registerOrg(server.url);
    const before = (await org.api.get('/api/config')).body;
    const res = await org.api.put('/api/config', { escalationNumber: '(312) 555-0100', holidays: ['2026-12-25'] });
    expect(res.status).toBe(200);
    expect(res.body.escalationNumber).toBe('+13125550100');
    expect(res.body.hours).toEqual(before.hours);
    expect(res.body.greeting).toBe(before.greeting);
    expect((await org.api.get('/api/config')).body.holidays).toEqual(['2026-12-25']);
  });

  it('accepts several opening ranges a day and overnight ones, and refuses overlapping or empty ones', async () => {
    const org = await registerOrg(server.url);
    const ok = await org.api.put('/api/config', {
      hours: {
        mon: [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
        sat: [],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.hours.mon).toHaveLength(2);
    const overlap = await org.api.put('/api/config', {
      hours: {
        mon: [
          ['08:00', '12:00'],
          ['11:00', '17:00'],
        ],
      },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.details.fields[0].path).toContain('hours.mon');
    const empty = await org.api.put('/api/config', { hours: { tue: [['09:00', '09:00']] } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('closes (09:00) when it opens (09:00)');
    expect((await org.api.get('/api/config')).body.hours.mon).toEqual([
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ]);
    // a bar open from 6 pm to 2 am: the range runs into the next day
    const overnight = await org.api.put('/api/config', { hours: { fri: [['18:00', '02:00']] } });
    expect(overnight.status).toBe(200);
    expect(overnight.body.hours.fri).toEqual([['18:00', '02:00']]);
    const overnightOverlap = await org.api.put('/api/config', {
      hours: {
        sat: [
          ['18:00', '02:00'],
          ['20:00', '23:00'],
        ],
      },
    });
    expect(overnightOverlap.status).toBe(400);
  });

  it('every change is in the audit log with who, before and after', async () => {
    const org = await registerOrg(server.url);
    await org.api.put('/api/config', { greeting: 'Hello from the audit test' });
    await org.api.put('/api/organization', { timezone: 'Europe/London' });
    const log = (await org.api.get('/api/audit-log')).body.items;
    const greeting = log.find((e: any) => e.entity === 'config');
    expect(greeting.userId).toBe(org.user.id);
    expect(greeting.after.greeting).toBe('Hello from the audit test');
    expect(greeting.before.greeting).not.toBe('Hello from the audit test');
    const tz = log.find((e: any) => e.entity === 'organization');
    expect(tz.before.timezone).toBe('America/Chicago');
    expect(tz.after.timezone).toBe('Europe/London');
  });

  it('services, staff and knowledge can be created, changed and removed', async () => {
    const org = await registerOrg(server.url);
    const svc = await org.api.post('/api/services', {
      name: 'Sump Pump Install',
      durationMin: 180,
      bufferMin: 30,
      priceCents: 89900,
      synonyms: ['sump pump'],
    });
    expect(svc.status).toBe(201);
    const staff = await org.api.post('/api/staff', {
      name: 'Luis',
      serviceIds: [svc.body.id],
      hours: { mon: [['07:00', '15:00']] },
    });
    expect(staff.status).toBe(201);
    expect((await org.api.put(`/api/services/${svc.body.id}`, { durationMin: 150 })).body.durationMin).toBe(150);
    expect((await org.api.get(`/api/staff/${staff.body.id}`)).body.serviceIds).toEqual([svc.body.id]);
    expect((await org.api.delete(`/api/staff/${staff.body.id}`)).status).toBe(204);
    expect((await org.api.get(`/api/staff/${staff.body.id}`)).status).toBe(404);
    const kb = await org.api.post('/api/knowledge', { question: 'Do you work weekends?', body: 'Saturdays 9 to 1.' });
    expect(kb.status).toBe(201);
  });

  it('a phone number routes to one organization only', async () => {
    const a = await registerOrg(server.url);
    const b = await registerOrg(server.url);
    const n = `+1 (415) 555-01${String(Math.floor(Math.random() * 90) + 10)}`;
    expect((await a.api.post('/api/phone-numbers', { e164: n })).status).toBe(201);
    const dup = await b.api.post('/api/phone-numbers', { e164: n });
    expect(dup.status).toBe(409);
  });

  it('templates cover the six industries with services, hours and emergency words', async () => {
    const org = await registerOrg(server.url);
    const items = (await org.api.get('/api/templates')).body.items;
    expect(items.map((t: any) => t.industry).sort()).toEqual([
      'auto',
      'dental',
      'electrical',
      'hvac',
      'plumbing',
      'salon',
    ]);
    for (const t of items) {
      expect(t.services.length).toBeGreaterThanOrEqual(4);
      expect(Object.keys(t.hours).length).toBeGreaterThanOrEqual(5);
      for (const s of t.services) expect(s.durationMin).toBeGreaterThan(0);
    }
    expect(items.find((t: any) => t.industry === 'plumbing').emergencyKeywords.map((k: any) => k.phrase)).toContain(
      'burst pipe',
    );
  });
});

describe('system', () => {
  it('health reports the database and version; metrics are Prometheus text; docs are served', async () => {
    const anon = apiClient(server.url);
    const health = await anon.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', db: 'ok' });
    expect(['ok', 'absent']).toContain(health.body.redis);
    const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
    expect(metrics).toContain('http_request_duration_seconds_bucket');
    const doc = (await anon.get('/docs/json')).body;
    expect(doc.paths['/api/config'].put.requestBody).toBeTruthy();
    expect((await fetch(`${server.url}/docs`)).status).toBeLessThan(400);
  });

  it('every response carries a request id, and a given one is echoed', async () => {
    const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await fetch(`${server.url}/health`);
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
