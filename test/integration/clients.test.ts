// Invariant: every person who booked, called or chatted is one client in the directory (found by name, email or any part of the number; notes kept), scoped to the organization; a returning client calling from their number is greeted by name and the call list names them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';
import { quiet, until } from '../harness/line.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { scaled } from '../harness/timing.js';

const TOKEN = 'test-twilio-auth-token';
const providers = createProviders({});
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
const NUMBER = `+1312555${String(Math.floor(Math.random() * 50) + 300).padStart(4, '0')}`;
const MARIA = '+13125550142';

beforeAll(async () => {
  server = await startTestServer({
    clock: fixedClock('2026-03-10T15:00:00Z', true),
    providers,
    env: { TWILIO_AUTH_TOKEN: TOKEN },
  });
  org = await registerOrg(server.url, { industry: 'salon', timezone: 'America/Chicago', name: 'Shear Joy' });
  expect((await org.api.post('/api/phone-numbers', { e164: NUMBER })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
});

async function book(name: string, phone: string, email?: string) {
  const service = (await org.api.get('/api/services')).body.items[0];
  const slots = (
    await org.api.get(`/api/availability?serviceId=${service.id}&from=2026-03-11T00:00:00Z&to=2026-03-14T00:00:00Z`)
  ).body.slots;
  const res = await org.api.post('/api/appointments', {
    serviceId: service.id,
    start: slots[0].start,
    customer: { name, phone, ...(email ? { email } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** An inbound call from `from`, as Twilio places it; answers the recorded call. */
async function call(from: string) {
  const form = {
    CallSid: 'CA' + Math.random().toString(16).slice(2).padEnd(32, '0'),
    AccountSid: 'AC' + '1'.repeat(32),
    From: from,
    To: NUMBER,
    CallStatus: 'ringing',
    Direction: 'inbound',
  };
  const hook = `${server.url}/twilio/voice`;
  const res = await fetch(hook, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(TOKEN, hook, form),
    },
    body: new URLSearchParams(form).toString(),
  });
  const xml = await res.text();
  const url = xml.match(/<Stream url="([^"]+)"/)![1];
  const params = Object.fromEntries(
    [...xml.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const peer = new FakeTwilioPeer(url, {
    headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) },
    callSid: form.CallSid,
  });
  await peer.begin(params);
  expect(await until(() => peer.media.length > 0, scaled(2000))).toBe(true);
  await quiet(peer);
  peer.stop();
  peer.close();
  await peer.closed;
  let detail: any;
  for (let i = 0; i < 50; i++) {
    detail = (await org.api.get(`/api/calls/${params.callId}`)).body;
    if (detail.turns?.some((t: any) => t.role === 'agent') && detail.status !== 'in-progress') break;
    await new Promise((r) => setTimeout(r, scaled(100)));
  }
  return detail;
}

describe('client directory', () => {
  it('lists everyone who booked or called once per number, finds them by name, email or digits, keeps notes, and hides them from other organizations', async () => {
    await book('Maria Lopez', '(312) 555-0142', 'Maria@Example.com');
    await book('Dev Patel', '+13125550199');
    const all = (await org.api.get('/api/clients')).body.items as any[];
    expect(all.map((c) => c.name).sort()).toEqual(['Dev Patel', 'Maria Lopez']);
    const maria = all.find((c) => c.name === 'Maria Lopez');
    expect(maria).toMatchObject({ phone: MARIA, email: 'maria@example.com', visits: 1 });
    for (const q of ['maria', 'MARIA@example', '555 0142', '5550142']) {
      expect(
        (await org.api.get(`/api/clients?q=${encodeURIComponent(q)}`)).body.items.map((c: any) => c.name),
        q,
      ).toEqual(['Maria Lopez']);
    }
    expect((await org.api.get('/api/clients?q=nobody')).body.items).toEqual([]);

    const patched = await org.api.patch(`/api/clients/${maria.id}`, { notes: 'Prefers Sam; allergic to latex' });
    expect(patched.status).toBe(200);
    expect((await org.api.get(`/api/clients/${maria.id}`)).body).toMatchObject({
      notes: 'Prefers Sam; allergic to latex',
      name: 'Maria Lopez',
    });
    expect((await org.api.patch(`/api/clients/${maria.id}`, { name: '' })).status).toBe(400);

    const other = await registerOrg(server.url, { industry: 'salon' });
    expect((await other.api.get('/api/clients')).body.items).toEqual([]);
    expect((await other.api.get(`/api/clients/${maria.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/clients/${maria.id}`, { notes: 'x' })).status).toBe(404);
    expect((await org.api.get('/api/clients/not-an-id')).status).toBe(404);
  });

  it('a returning client calling from their number is greeted by name; the call is theirs in the call list and on their page', async () => {
    const detail = await call(MARIA);
    const greeting = detail.turns.find((t: any) => t.role === 'agent').text;
    expect(greeting).toMatch(/^Hi Maria, welcome back!/);
    const stranger = await call('+13125550177');
    expect(stranger.turns.find((t: any) => t.role === 'agent').text).not.toMatch(/welcome back/);

    const rows = (await org.api.get('/api/calls')).body.items as any[];
    expect(rows.find((c) => c.id === detail.id).client).toMatchObject({ name: 'Maria Lopez' });
    expect(rows.find((c) => c.id === stranger.id).client).toBeNull();
    const maria = (await org.api.get('/api/clients?q=maria')).body.items[0];
    const page = (await org.api.get(`/api/clients/${maria.id}`)).body;
    expect(page.calls.map((c: any) => c.id)).toContain(detail.id);
    expect(page.appointments).toHaveLength(1);
    expect(page.appointments[0]).toMatchObject({ status: 'booked', service: expect.any(String) });
    // The stranger who called is a client too (known by number only).
    expect((await org.api.get('/api/clients?q=0177')).body.items).toMatchObject([
      { name: null, phone: '+13125550177', callCount: 1 },
    ]);
  });
});
