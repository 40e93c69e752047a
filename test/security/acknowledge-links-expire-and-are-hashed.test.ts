// Invariant: an emergency's acknowledge link is a random token per alert step, stored only as its
// SHA-256 in `escalation_acks` (looked up by that key), working for 24 hours by the product's clock;
// once the message carrying it is sent, the raw token is gone from the outbox too, so someone who can
// read the database cannot silence an emergency. (On the old code the one raw token of the ladder sat
// in leads.escalation->>'ackToken', was found by a scan of that JSON, stayed in every sent outbox
// payload, and acknowledged forever: this test failed with "relation escalation_acks does not exist"
// and, past that, with the raw token found in the lead row and the 25-hour-old link answering 200.)
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { notifyRoutes } from '../../src/api/routes/notify/index.js';
import { createAnnouncer, createNotifications, type Dispatcher } from '../../src/notify/index.js';
import { createLogger } from '../../src/lib/index.js';
import { schema, type Db } from '../../src/db/index.js';
import { scaled } from '../harness/timing.js';

const T0 = new Date('2026-05-11T15:00:00Z');
let now = T0;
const clock = { now: () => now };
const at = (ms: number) => {
  now = new Date(T0.getTime() + ms);
};
let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Db;
let dispatcher: Dispatcher;

beforeAll(async () => {
  server = await startTestServer({ clock, routes: [notifyRoutes] });
  db = server.database.db;
  dispatcher = createNotifications({
    db,
    config: server.ctx.config,
    clock,
    logger: createLogger('silent', { pretty: false }),
    fallbackUrl: server.url,
  }).dispatcher;
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
});

const HOUR = 3_600_000;
const outboxOf = (leadId: string) =>
  db
    .select()
    .from(schema.outbox)
    .where(sql`${schema.outbox.payload}->'data'->>'leadId' = ${leadId}`);

describe('acknowledge links', () => {
  it('are stored hashed, leave the outbox once sent, and stop working after 24 hours', async () => {
    at(0);
    const org = await registerOrg(server.url);
    expect(
      (
        await org.api.put('/api/notifications', {
          onCall: ['+13125550101'],
          escalation: { waitSec: 3600, maxRounds: 1 },
        })
      ).status,
    ).toBe(200);
    const lead = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schema.leads)
        .values({
          organizationId: org.organization.id,
          name: 'Pat',
          phone: '+13125550177',
          need: 'burst pipe',
          priority: 'URGENT',
        })
        .returning();
      await createAnnouncer(clock)(tx, { type: 'lead.urgent', lead: row });
      return row;
    });
    const [queued] = await outboxOf(lead.id);
    const token = queued.payload.ackToken as string;
    expect(token).toMatch(/^[\w-]{20,}$/);

    // stored as a hash, found by its key; nowhere raw on the lead
    const hash = createHash('sha256').update(token).digest('base64url');
    const acks = await db.select().from(schema.escalationAcks).where(eq(schema.escalationAcks.leadId, lead.id));
    expect(acks.map((a) => a.tokenHash)).toEqual([hash]);
    const [leadRow] = await db.select().from(schema.leads).where(eq(schema.leads.id, lead.id));
    expect(JSON.stringify(leadRow)).not.toContain(token);

    // sent: the call carries the link, the outbox no longer holds the token
    await dispatcher.runOnce();
    const call = (await org.api.get('/api/dev-inbox?channel=call')).body.items.find(
      (i: any) => i.to === '+13125550101',
    );
    expect(call?.html).toContain(`/api/ack/${token}/call`);
    const after = await outboxOf(lead.id);
    expect(after.map((m) => m.status)).toEqual(['sent']);
    expect(JSON.stringify(after)).not.toContain(token);

    // works for 24 hours by the product's clock, not after
    at(24 * HOUR - 60_000);
    expect((await fetch(`${server.url}/api/ack/${token}`)).status).toBe(200);
    at(25 * HOUR);
    expect((await fetch(`${server.url}/api/ack/${token}`)).status).toBe(404);
    const post = await fetch(`${server.url}/api/ack/${token}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(post.status).toBe(404);
    expect((await org.api.get(`/api/notifications/escalations/${lead.id}`)).body.acknowledgedAt).toBeNull();
  });

  it('a link within its day acknowledges', async () => {
    at(0);
    const org = await registerOrg(server.url);
    expect(
      (
        await org.api.put('/api/notifications', {
          onCall: ['+13125550102'],
          escalation: { waitSec: 3600, maxRounds: 1 },
        })
      ).status,
    ).toBe(200);
    const lead = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schema.leads)
        .values({
          organizationId: org.organization.id,
          name: 'Lee',
          phone: '+13125550178',
          need: 'no heat',
          priority: 'URGENT',
        })
        .returning();
      await createAnnouncer(clock)(tx, { type: 'lead.urgent', lead: row });
      return row;
    });
    const token = (await outboxOf(lead.id))[0].payload.ackToken as string;
    at(23 * HOUR);
    const post = await fetch(`${server.url}/api/ack/${token}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(post.status).toBe(200);
    expect((await org.api.get(`/api/notifications/escalations/${lead.id}`)).body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'link',
    });
  });
});
