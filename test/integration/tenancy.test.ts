// Invariant: one organization never sees or changes another's data (their ids answer 404), and a viewer can change nothing (403 on every write).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { captureLead } from '../../src/leads/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let a: Awaited<ReturnType<typeof registerOrg>>;
let b: Awaited<ReturnType<typeof registerOrg>>;
let viewerToken: string;
const idsOfA: Record<string, string> = {};

/** Routes that are public, organization-less, guarded by their own key (simulator), or a stream (SSE is checked on its own). */
const PUBLIC = [
  /^\/api\/events$/,
  /^\/api\/simulator\//,
  /^\/health$/,
  /^\/metrics$/,
  /^\/docs/,
  /^\/api\/auth\/(register|login|refresh)$/,
  /^\/twilio\//,
  /^\/stripe\//,
  /^\/api\/chat\//,
  /^\/api\/calendar\.ics$/,
  /callback$/,
  /^\/api\/ack\//,
];

beforeAll(async () => {
  server = await startTestServer();
  a = await registerOrg(server.url, { name: 'Org A' });
  b = await registerOrg(server.url, { name: 'Org B' });
  idsOfA.services = (await a.api.get('/api/services')).body.items[0].id;
  const staff = await a.api.post('/api/staff', { name: 'Ann', serviceIds: [idsOfA.services] });
  idsOfA.staff = staff.body.id;
  idsOfA.knowledge = (await a.api.get('/api/knowledge')).body.items[0].id;
  idsOfA['phone-numbers'] = (await a.api.post('/api/phone-numbers', { e164: '(312) 555-0142' })).body.id;
  const viewer = await a.api.post('/api/users', {
    email: `viewer${Date.now()}@example.com`,
    role: 'viewer',
    password: 'viewer-password',
  });
  idsOfA.users = viewer.body.id;
  viewerToken = (
    await apiClient(server.url).post('/api/auth/login', { email: viewer.body.email, password: 'viewer-password' })
  ).body.accessToken;
  // Records of the other capabilities: a chat call, an appointment and a lead of A.
  const chat = await apiClient(server.url).post(`/api/chat/${a.organization.chatKey}/sessions`, {
    phone: '+13125550142',
  });
  idsOfA.calls = chat.body.id;
  const slots = (await a.api.get(`/api/availability?serviceId=${idsOfA.services}`)).body.slots;
  const appt = await a.api.post('/api/appointments', {
    serviceId: idsOfA.services,
    start: slots[0].start,
    customer: { name: 'Ann Customer', phone: '+13125550142' },
  });
  idsOfA.appointments = appt.body.id;
  idsOfA.leads = (
    await captureLead(server.database.db, undefined, {
      organizationId: a.organization.id,
      name: 'Lead of A',
      phone: '+13125550143',
    })
  ).id;
});
afterAll(async () => {
  await server?.close();
});

async function authenticatedRoutes(): Promise<{ method: string; path: string }[]> {
  const doc = (await apiClient(server.url).get('/docs/json')).body;
  const out: { method: string; path: string }[] = [];
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    if (PUBLIC.some((re) => re.test(path))) continue;
    for (const method of Object.keys(ops))
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

function fill(path: string): string {
  return path
    .replace(
      /\/api\/([\w-]+)\/\{id\}/,
      (_m, resource) => `/api/${resource}/${idsOfA[resource] ?? '7d9f3c52-1b7a-4c1e-9a55-0d4c3b2a1f00'}`,
    )
    .replace(/\{(\w+)\}/g, 'x');
}

describe('tenancy', () => {
  it('every route that takes an id answers 404 for another organization’s id, and A’s data is unchanged', async () => {
    const routes = (await authenticatedRoutes()).filter((r) => r.path.includes('{id}'));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const before = JSON.stringify((await a.api.get('/api/services')).body);
    for (const r of routes) {
      const res = await b.api.call(
        r.method,
        fill(r.path),
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      );
      expect.soft([400, 404], `${r.method} ${r.path} answered ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.body ?? '')).not.toContain(idsOfA.services);
    }
    const valid: [string, string, unknown][] = [
      ['PUT', `/api/services/${idsOfA.services}`, { name: 'Hijacked' }],
      ['PUT', `/api/staff/${idsOfA.staff}`, { name: 'Hijacked' }],
      ['PUT', `/api/knowledge/${idsOfA.knowledge}`, { body: 'Hijacked' }],
      ['PATCH', `/api/users/${idsOfA.users}`, { role: 'admin' }],
      ['DELETE', `/api/services/${idsOfA.services}`, undefined],
      ['DELETE', `/api/phone-numbers/${idsOfA['phone-numbers']}`, undefined],
      ['DELETE', `/api/users/${idsOfA.users}`, undefined],
    ];
    for (const [m, p, body] of valid) {
      const res = await b.api.call(m, p, body);
      expect(res.status, `${m} ${p}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect(JSON.stringify((await a.api.get('/api/services')).body)).toBe(before);
  });

  it('lists show only the caller’s own rows', async () => {
    const routes = (await authenticatedRoutes()).filter((r) => r.method === 'GET' && !r.path.includes('{'));
    for (const r of routes) {
      const res = await b.api.get(r.path);
      expect.soft(res.status, r.path).toBeLessThan(500);
      const text = JSON.stringify(res.body ?? '');
      for (const id of Object.values(idsOfA)) expect.soft(text, `${r.path} leaks ${id}`).not.toContain(id);
      expect.soft(text).not.toContain(a.organization.id);
    }
  });
});

describe('roles', () => {
  it('a viewer gets 403 on every write route and can still read', async () => {
    const viewer = apiClient(server.url, viewerToken);
    // /api/auth/* acts on the caller's own account (logout, password, email, two-factor) and /api/tickets opens the
    // caller's own live stream: every role may use them.
    // a browser's own alert subscription is every role's (a viewer may be alerted on their phone)
    const writes = (await authenticatedRoutes()).filter(
      (r) =>
        r.method !== 'GET' &&
        !r.path.startsWith('/api/auth/') &&
        !r.path.startsWith('/api/push/') &&
        r.path !== '/api/tickets',
    );
    expect(writes.length).toBeGreaterThanOrEqual(15);
    for (const r of writes) {
      const res = await viewer.call(r.method, fill(r.path), r.method === 'DELETE' ? undefined : {});
      expect.soft(res.status, `${r.method} ${r.path}`).toBe(403);
    }
    expect((await viewer.get('/api/services')).status).toBe(200);
    expect((await viewer.get('/api/config')).status).toBe(200);
  });

  it('an operator may edit knowledge but not the business configuration or the team', async () => {
    const op = await a.api.post('/api/users', {
      email: `op${Date.now()}@example.com`,
      role: 'operator',
      password: 'operator-password',
    });
    const token = (
      await apiClient(server.url).post('/api/auth/login', { email: op.body.email, password: 'operator-password' })
    ).body.accessToken;
    const operator = apiClient(server.url, token);
    expect(
      (await operator.post('/api/knowledge', { question: 'Parking?', body: 'Free parking behind the shop.' })).status,
    ).toBe(201);
    expect((await operator.put('/api/config', { greeting: 'Hi' })).status).toBe(403);
    expect((await operator.post('/api/users', { email: 'x@example.com', role: 'admin' })).status).toBe(403);
  });

  it('admins change roles, but the last admin cannot be demoted or removed', async () => {
    const org = await registerOrg(server.url);
    const demote = await org.api.patch(`/api/users/${org.user.id}`, { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_admin');
    const invited = await org.api.post('/api/users', { email: `second${Date.now()}@example.com`, role: 'viewer' });
    expect(invited.status).toBe(201);
    // The invited user chooses a password through the emailed link: no password in the answer.
    expect(invited.body.temporaryPassword).toBeUndefined();
    expect(invited.body.invitationPending).toBe(true);
    const promoted = await org.api.patch(`/api/users/${invited.body.id}`, { role: 'admin' });
    expect(promoted.body.role).toBe('admin');
    expect((await org.api.patch(`/api/users/${org.user.id}`, { role: 'operator' })).status).toBe(200);
  });
});
