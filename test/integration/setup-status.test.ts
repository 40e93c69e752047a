// Invariant: the owner is told in plain words whether the receptionist is live and what is missing — a number, hours, a service nobody can perform, alerts that reach no one — and it turns live only when all of it is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const item = (status: { items: { key: string; ok: boolean; message: string }[] }, key: string) =>
  status.items.find((i) => i.key === key)!;

describe('setup status', () => {
  it('a new sign-up has alerts going to the sign-up email, and is not live until a number is connected', async () => {
    const org = await registerOrg(server.url, { industry: 'salon' });
    expect((await org.api.get('/api/config')).body.notifyEmail).toBe(org.email);
    const s = (await org.api.get('/api/setup-status')).body;
    expect(s.live).toBe(false);
    expect(item(s, 'alerts')).toMatchObject({ ok: true });
    expect(item(s, 'alerts').message).toContain(org.email);
    expect(item(s, 'hours').ok).toBe(true);
    expect(item(s, 'phone_number')).toMatchObject({ ok: false });
    expect((await org.api.post('/api/phone-numbers', { e164: '+1 312 555 0181' })).status).toBe(201);
    const live = (await org.api.get('/api/setup-status')).body;
    expect(item(live, 'phone_number').message).toContain('+13125550181');
    expect(live.live).toBe(true);
  });

  it('names every service that nobody can perform once staff exist, and alerts that reach no one', async () => {
    const org = await registerOrg(server.url, { industry: 'salon' });
    const services: { id: string; name: string }[] = (await org.api.get('/api/services')).body.items;
    expect(services.length).toBeGreaterThan(1);
    const [first, ...rest] = services;
    expect((await org.api.post('/api/staff', { name: 'Ana', serviceIds: [first.id] })).status).toBe(201);
    expect((await org.api.put('/api/config', { notifyEmail: null, notifyPhone: null })).status).toBe(200);
    const s = (await org.api.get('/api/setup-status')).body;
    const bookable = item(s, 'services_bookable');
    expect(bookable.ok).toBe(false);
    for (const svc of rest) expect(bookable.message).toContain(svc.name);
    expect(bookable.message).not.toContain(`${first.name},`);
    expect(item(s, 'alerts')).toMatchObject({ ok: false });
    // A second stylist doing everything else fixes it; closing every day breaks hours.
    expect((await org.api.post('/api/staff', { name: 'Bo', serviceIds: rest.map((x) => x.id) })).status).toBe(201);
    expect(item((await org.api.get('/api/setup-status')).body, 'services_bookable').ok).toBe(true);
    expect((await org.api.put('/api/config', { hours: {} })).status).toBe(200);
    const closed = (await org.api.get('/api/setup-status')).body;
    expect(item(closed, 'hours').ok).toBe(false);
    expect(closed.live).toBe(false);
  });

  it('answers only for the caller’s own organization and needs a token', async () => {
    const a = await registerOrg(server.url);
    const b = await registerOrg(server.url);
    await a.api.post('/api/phone-numbers', { e164: '+1 312 555 0182' });
    expect(item((await b.api.get('/api/setup-status')).body, 'phone_number').ok).toBe(false);
    expect((await fetch(`${server.url}/api/setup-status`)).status).toBe(401);
  });
});
