// Invariant: an owner's browser that subscribes gets an urgent lead as a Web Push notification — the VAPID token checks out at the push service and the payload decrypts to the lead — with VAPID keys generated once and kept with the server secrets (the same after a restart); bad subscriptions are refused in plain terms, subscriptions are the organization's own, and one the push service calls gone is removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { startFakePushService, type FakePushService } from '../fakes/push-service.js';
import { fixedClock } from '../../src/lib/index.js';
import { schema } from '../../src/db/index.js';
import { eq } from 'drizzle-orm';
import { scaled } from '../harness/timing.js';

const clock = fixedClock('2026-03-10T15:00:00Z', true);
let server: Awaited<ReturnType<typeof startTestServer>>;
let push: FakePushService;

beforeAll(async () => {
  push = await startFakePushService(() => clock.now());
  server = await startTestServer({ clock, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
});
afterAll(async () => {
  await server?.close();
  await push?.close();
});

/** A website chat reporting an emergency, through the public chat API (the product's own path to an urgent lead). */
async function reportEmergency(chatKey: string) {
  const anon = apiClient(server.url);
  const s = await anon.post(`/api/chat/${chatKey}/sessions`, {});
  const replies: string[] = [];
  for (const text of [
    'A pipe burst and water is flooding my basement!',
    'Pat Kim',
    '3125550188',
    '12 Elm Street, Springfield',
    'yes',
  ]) {
    const r = await anon.post(`/api/chat/${chatKey}/sessions/${s.body.id}/messages`, { text });
    replies.push(r.body.reply);
    if (r.body.done) break;
  }
  return replies;
}

async function pushes(path: string, n: number) {
  const end = performance.now() + scaled(10_000);
  while (performance.now() < end && push.hits.filter((h) => h.path === path).length < n)
    await new Promise((r) => setTimeout(r, 50));
  return push.hits.filter((h) => h.path === path);
}

describe('Web Push for urgent leads', () => {
  it(
    'a subscribed browser gets an urgent lead as a signed, encrypted push it can read',
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing', name: 'Rapid Rooter' });
      const key = await org.api.get('/api/push/public-key');
      expect(key.status).toBe(200);
      expect(Buffer.from(key.body.publicKey, 'base64url')).toHaveLength(65);
      const phone = push.subscribe('owner-phone');
      const sub = await org.api.post('/api/push/subscriptions', { ...phone, expirationTime: null });
      expect(sub.status, JSON.stringify(sub.body)).toBe(201);
      expect((await org.api.get('/api/push/subscriptions')).body.items.map((s: any) => s.endpoint)).toEqual([
        phone.endpoint,
      ]);

      const replies = await reportEmergency(org.organization.chatKey);
      const [hit] = await pushes('/push/owner-phone', 1);
      expect(hit, `no push; the chat went: ${replies.join(' | ')}`).toBeDefined();
      expect(hit.problems).toEqual([]);
      expect(hit.status).toBe(201);
      expect(hit.serverKey).toBe(key.body.publicKey);
      expect(hit.claims).toMatchObject({ aud: push.url, sub: expect.stringMatching(/^mailto:/) });
      expect(hit.headers.urgency).toBe('high');
      expect(hit.payload).toMatchObject({
        title: expect.stringMatching(/^URGENT/),
        url: expect.stringMatching(/^\/leads/),
        urgent: true,
      });
      expect(hit.payload.body).toMatch(/Pat Kim|flood|pipe/i);
      const [lead] = await server.database.db
        .select()
        .from(schema.leads)
        .where(eq(schema.leads.organizationId, org.organization.id));
      expect(lead.priority).toBe('URGENT');
      expect(hit.payload.url).toBe(`/leads?lead=${lead.id}`);

      // Unsubscribed: the next emergency pushes nothing to it.
      expect(
        (await org.api.delete(`/api/push/subscriptions?endpoint=${encodeURIComponent(phone.endpoint)}`)).status,
      ).toBe(204);
      expect(
        (await org.api.delete(`/api/push/subscriptions?endpoint=${encodeURIComponent(phone.endpoint)}`)).status,
      ).toBe(404);
      const outboxBefore = (
        await server.database.db
          .select()
          .from(schema.outbox)
          .where(eq(schema.outbox.organizationId, org.organization.id))
      ).filter((m) => m.channel === 'push').length;
      await reportEmergency(org.organization.chatKey);
      const outboxAfter = (
        await server.database.db
          .select()
          .from(schema.outbox)
          .where(eq(schema.outbox.organizationId, org.organization.id))
      ).filter((m) => m.channel === 'push').length;
      expect(outboxAfter).toBe(outboxBefore);
      expect(push.hits.filter((h) => h.path === '/push/owner-phone')).toHaveLength(1);
    },
    scaled(60_000),
  );

  it(
    'refuses bad subscriptions in plain terms, keeps each organization to its own, and drops one the push service calls gone',
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing' });
      const other = await registerOrg(server.url, { industry: 'plumbing' });
      const good = push.subscribe('gone-phone');
      const bad = await org.api.post('/api/push/subscriptions', {
        endpoint: good.endpoint,
        keys: { p256dh: 'abc', auth: good.keys.auth },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/p256dh/) });
      expect(
        (await org.api.post('/api/push/subscriptions', { endpoint: 'ftp://push.example/x', keys: good.keys })).status,
      ).toBe(400);
      expect((await apiClient(server.url).post('/api/push/subscriptions', good)).status).toBe(401);
      expect((await apiClient(server.url).get('/api/push/public-key')).status).toBe(401);

      expect((await org.api.post('/api/push/subscriptions', good)).status).toBe(201);
      expect((await other.api.get('/api/push/subscriptions')).body.items).toEqual([]);
      expect(
        (await other.api.delete(`/api/push/subscriptions?endpoint=${encodeURIComponent(good.endpoint)}`)).status,
      ).toBe(404);

      push.gone.add('/push/gone-phone');
      await reportEmergency(org.organization.chatKey);
      const [hit] = await pushes('/push/gone-phone', 1);
      expect(hit?.status).toBe(410);
      await expect
        .poll(async () => (await org.api.get('/api/push/subscriptions')).body.items.length, { timeout: scaled(5000) })
        .toBe(0);
    },
    scaled(60_000),
  );

  it('the VAPID key is generated once and kept: a restarted server signs with the same key', async () => {
    const org = await registerOrg(server.url);
    const first = (await org.api.get('/api/push/public-key')).body.publicKey;
    const restarted = await startTestServer({ clock, database: server.database });
    try {
      expect((await apiClient(restarted.url, org.accessToken).get('/api/push/public-key')).body.publicKey).toBe(first);
    } finally {
      await restarted.close();
    }
    const [row] = await server.database.db
      .select()
      .from(schema.serverSecrets)
      .where(eq(schema.serverSecrets.name, 'vapid-private-key'));
    expect(row.value).toMatch(/^[0-9a-f]{64}$/);
  });
});
