// Invariant: nodes behind a load balancer share one PostgreSQL and one Redis — a session, a rate limit and a live event started on one node hold on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/lib/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabase } from '../harness/server.js';
import { apiClient, registerOrg, ticketFor } from '../harness/client.js';

const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const nodes: RunningServer[] = [];
let closeDb: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (!shared) return;
  const db = await testDatabase();
  closeDb = db.close;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL,
    LOGIN_RATE_LIMIT: '3',
    REGISTER_RATE_LIMIT: '1000',
    JWT_SECRET: 'm'.repeat(40),
    ENCRYPTION_KEY: 'ab'.repeat(32),
    REDIS_KEY_PREFIX: `io-test-multi-${Date.now()}:`,
  });
  for (const nodeId of ['node-a', 'node-b']) {
    nodes.push(await startServer({ ...config, nodeId }, { logger: createLogger('silent', { pretty: false }) }));
  }
});
afterAll(async () => {
  for (const n of nodes) await n.close();
  await closeDb();
});

describe.skipIf(!shared)('two nodes on one PostgreSQL and Redis', () => {
  it('a token from node A works on node B, and a refresh token rotated on A is dead on B', async () => {
    const org = await registerOrg(nodes[0].url);
    expect((await apiClient(nodes[1].url, org.accessToken).get('/api/me')).status).toBe(200);
    expect((await apiClient(nodes[0].url).post('/api/auth/refresh', { refreshToken: org.refreshToken })).status).toBe(
      200,
    );
    expect((await apiClient(nodes[1].url).post('/api/auth/refresh', { refreshToken: org.refreshToken })).status).toBe(
      401,
    );
  });

  it('failed logins on both nodes count against one limit', async () => {
    const org = await registerOrg(nodes[0].url);
    for (const n of [0, 1, 0])
      expect(
        (await apiClient(nodes[n].url).post('/api/auth/login', { email: org.email, password: 'wrong-password-x' }))
          .status,
      ).toBe(401);
    expect(
      (await apiClient(nodes[1].url).post('/api/auth/login', { email: org.email, password: org.password })).status,
    ).toBe(429);
  });

  it('a call started on node A shows up live on a dashboard connected to node B', async () => {
    const org = await registerOrg(nodes[0].url);
    const ctrl = new AbortController();
    const ticket = await ticketFor(nodes[0].url, org.accessToken, 'events'); // issued on A, redeemed on B
    const res = await fetch(`${nodes[1].url}/api/events?ticket=${ticket}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    let text = '';
    const got = (async () => {
      const end = Date.now() + 5000;
      while (!text.includes('call.started') && Date.now() < end) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    const chat = await apiClient(nodes[0].url).post(`/api/chat/${org.organization.chatKey}/sessions`, {});
    await got;
    ctrl.abort();
    expect(text).toContain('call.started');
    expect(text).toContain(chat.body.id);
    const active = await apiClient(nodes[1].url, org.accessToken).get('/api/calls/active');
    expect(active.body.items.map((c: any) => c.id)).toContain(chat.body.id);
  });
});
