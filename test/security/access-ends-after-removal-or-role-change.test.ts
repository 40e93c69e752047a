// Invariant: an access token stops working within 60 s of its user's removal or role change, on every
// node: each request checks the user's token version (cached per node for 30 s on the injected clock,
// shared through Redis when configured). On the old code a demoted or removed user's token kept
// working until it expired (15 minutes): GET /api/me answered 200 after the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createLogger, type Clock } from '../../src/lib/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabase } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let database: Awaited<ReturnType<typeof testDatabase>>;
let a: RunningServer;
let b: RunningServer;

/** Two nodes of one deployment: the same database, the same Redis namespace (when REDIS_URL is set). */
beforeAll(async () => {
  database = await testDatabase();
  const prefix = `io-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
  const node = async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      REGISTER_RATE_LIMIT: '1000',
    });
    return startServer(config, { database, clock, logger: createLogger('silent', { pretty: false }) });
  };
  a = await node();
  b = await node();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.close();
});

async function teamMember(admin: Awaited<ReturnType<typeof registerOrg>>, role: 'operator' | 'admin') {
  const email = `m${Math.random().toString(36).slice(2, 8)}@example.com`;
  const invited = await admin.api.post('/api/users', { email, role, password: 'member-password-1' });
  expect(invited.status).toBe(201);
  const login = await apiClient(a.url).post('/api/auth/login', { email, password: 'member-password-1' });
  expect(login.status).toBe(200);
  return { id: invited.body.id as string, email, token: login.body.accessToken as string };
}

describe('access tokens end with the user’s standing', () => {
  it('a demoted user’s token is refused at once on the node that changed it and within the window on another', async () => {
    const admin = await registerOrg(a.url);
    const m = await teamMember(admin, 'admin');
    expect((await apiClient(b.url, m.token).get('/api/me')).status).toBe(200);
    expect((await apiClient(a.url, m.token).get('/api/me')).status).toBe(200);

    expect((await admin.api.patch(`/api/users/${m.id}`, { role: 'viewer' })).status).toBe(200);
    const onA = await apiClient(a.url, m.token).get('/api/users');
    expect(onA.status).toBe(401);
    // Node B trusted the version it read for at most 30 s of its clock: past that, the old token is refused there too.
    offsetMs += 31_000;
    expect((await apiClient(b.url, m.token).get('/api/me')).status).toBe(401);
    expect((await apiClient(b.url, m.token).put('/api/organization', { name: 'Taken over' })).status).toBe(401);

    // Signing in again gives a token of the new role, which works.
    const again = await apiClient(b.url).post('/api/auth/login', { email: m.email, password: 'member-password-1' });
    expect(again.status).toBe(200);
    const me = await apiClient(a.url, again.body.accessToken).get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('viewer');
  });

  it('a removed user’s token is refused on every node within 60 s', async () => {
    const admin = await registerOrg(a.url);
    const m = await teamMember(admin, 'operator');
    expect((await apiClient(b.url, m.token).get('/api/leads')).status).toBe(200);
    expect((await admin.api.delete(`/api/users/${m.id}`)).status).toBe(204);
    expect((await apiClient(a.url, m.token).get('/api/leads')).status).toBe(401);
    offsetMs += 60_000;
    expect((await apiClient(b.url, m.token).get('/api/leads')).status).toBe(401);
    // The admin's own token is untouched.
    expect((await apiClient(b.url, admin.accessToken).get('/api/leads')).status).toBe(200);
  });
});
