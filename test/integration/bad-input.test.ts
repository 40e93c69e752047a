// Invariant: bad input of any kind gets a 4xx with { error: { code, message } } and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;
let serviceId: string;
beforeAll(async () => {
  server = await startTestServer({ env: { BODY_LIMIT_BYTES: '65536' } });
  org = await registerOrg(server.url);
  serviceId = (await org.api.get('/api/services')).body.items[0].id;
});
afterAll(async () => {
  await server?.close();
});

const big = 'x'.repeat(100_000);
type Case = [name: string, method: string, path: () => string, body: unknown, headers?: Record<string, string>];
const CASES: Case[] = [
  ['wrong type for durationMin', 'POST', () => '/api/services', { name: 'A', durationMin: '60' }],
  ['missing name', 'POST', () => '/api/services', { durationMin: 60 }],
  ['negative duration', 'POST', () => '/api/services', { name: 'A', durationMin: -5 }],
  ['duration of a week', 'POST', () => '/api/services', { name: 'A', durationMin: 10_080 }],
  ['fractional duration', 'POST', () => '/api/services', { name: 'A', durationMin: 12.5 }],
  ['overlong service name', 'POST', () => '/api/services', { name: 'n'.repeat(500), durationMin: 30 }],
  ['unknown field on service', 'POST', () => '/api/services', { name: 'A', durationMin: 30, color: 'red' }],
  ['synonyms not a list', 'POST', () => '/api/services', { name: 'A', durationMin: 30, synonyms: 'trim' }],
  ['empty name (whitespace)', 'POST', () => '/api/services', { name: '   ', durationMin: 30 }],
  ['invalid timezone', 'PUT', () => '/api/organization', { timezone: 'Mars/Olympus_Mons' }],
  ['timezone abbreviation', 'PUT', () => '/api/organization', { timezone: 'EST5EDT-ish' }],
  ['unknown industry', 'PUT', () => '/api/organization', { industry: 'rocketry' }],
  [
    'overlapping hours',
    'PUT',
    () => '/api/config',
    {
      hours: {
        mon: [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
        ],
      },
    },
  ],
  ['a range that closes when it opens', 'PUT', () => '/api/config', { hours: { fri: [['08:00', '08:00']] } }],
  ['hour 25', 'PUT', () => '/api/config', { hours: { mon: [['09:00', '25:00']] } }],
  ['time without colon', 'PUT', () => '/api/config', { hours: { mon: [['0900', '1700']] } }],
  ['unknown weekday', 'PUT', () => '/api/config', { hours: { funday: [['09:00', '17:00']] } }],
  ['impossible holiday date', 'PUT', () => '/api/config', { holidays: ['2026-02-30'] }],
  ['phone that cannot be a number', 'PUT', () => '/api/config', { escalationNumber: '555-1234' }],
  ['letters as phone', 'PUT', () => '/api/config', { notifyPhone: 'call me maybe' }],
  ['invalid email', 'PUT', () => '/api/config', { notifyEmail: 'owner-at-example' }],
  ['unknown after-hours mode', 'PUT', () => '/api/config', { afterHours: 'panic' }],
  ['minimum notice of years', 'PUT', () => '/api/config', { minNoticeMin: 99_999_999 }],
  ['unknown config field', 'PUT', () => '/api/config', { greeting: 'Hi', isAdmin: true }],
  ['null body on a settings PUT', 'PUT', () => '/api/config', null],
  ['array body', 'PUT', () => '/api/config', [1, 2, 3]],
  ['malformed JSON', 'PUT', () => '/api/config', '{"greeting": "Hi",', { 'content-type': 'application/json' }],
  [
    'wrong content type',
    'PUT',
    () => '/api/config',
    'greeting=Hi',
    { 'content-type': 'application/x-www-form-urlencoded' },
  ],
  ['huge body', 'PUT', () => '/api/config', { greeting: big }],
  ['overlong greeting', 'PUT', () => '/api/config', { greeting: 'g'.repeat(5000) }],
  ['SQL fragment as an id', 'GET', () => `/api/services/1' OR '1'='1`, undefined],
  ['script fragment as an id', 'DELETE', () => '/api/services/<script>alert(1)</script>', undefined],
  ['not-a-uuid id', 'PUT', () => '/api/services/123', { name: 'B' }],
  [
    'staff with foreign service id',
    'POST',
    () => '/api/staff',
    { name: 'Z', serviceIds: ['7d9f3c52-1b7a-4c1e-9a55-0d4c3b2a1f00'] },
  ],
  ['staff with non-uuid service id', 'POST', () => '/api/staff', { name: 'Z', serviceIds: ['1; DROP TABLE staff;--'] }],
  ['invalid role on invite', 'POST', () => '/api/users', { email: 'new@example.com', role: 'superuser' }],
  [
    'short password on invite',
    'POST',
    () => '/api/users',
    { email: 'new2@example.com', role: 'viewer', password: 'short' },
  ],
  ['unknown agent engine', 'PUT', () => '/api/agent', { engine: 'telepathy' }],
  ['phone number of a fake country code', 'POST', () => '/api/phone-numbers', { e164: '+999 123' }],
  ['knowledge without body', 'POST', () => '/api/knowledge', { question: 'Where?' }],
  [
    'register with a bad email',
    'POST',
    () => '/api/auth/register',
    { email: 'x', password: 'longenough', organizationName: 'A' },
  ],
  [
    'register with a bad timezone',
    'POST',
    () => '/api/auth/register',
    { email: 'tz@example.com', password: 'longenough', organizationName: 'A', timezone: 'Nowhere/Land' },
  ],
];

async function snapshot() {
  const [config, organization, services, staff, users, knowledge, agent] = await Promise.all(
    [
      '/api/config',
      '/api/organization',
      '/api/services',
      '/api/staff',
      '/api/users',
      '/api/knowledge',
      '/api/agent',
    ].map((p) => org.api.get(p).then((r) => r.body)),
  );
  return JSON.stringify({ config, organization, services, staff, users, knowledge, agent });
}

describe('bad input', () => {
  it(`has at least 30 cases`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s → 4xx with the error shape, nothing changed', async (_name, method, path, body, headers) => {
    const before = await snapshot();
    const res = await org.api.call(
      method,
      path(),
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      { 'content-type': 'application/json', ...headers },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error).toEqual(
      expect.objectContaining({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) }),
    );
    expect(await snapshot()).toBe(before);
  });

  it('SQL and script fragments in text fields are stored as plain text, not executed', async () => {
    const name = `Robert'); DROP TABLE services;-- <script>alert(1)</script>`;
    const res = await org.api.post('/api/services', { name, durationMin: 30 });
    expect(res.status).toBe(201);
    expect((await org.api.get(`/api/services/${res.body.id}`)).body.name).toBe(name);
    expect((await org.api.get(`/api/services/${serviceId}`)).status).toBe(200);
  });
});
