// Invariant: whatever fails — the mail server or webhook receiver down, a dispatcher dying mid-send, two dispatcher processes on one database — every message reaches its recipient, and the recipient processes it exactly once; hopeless messages end dead-lettered, not retried forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../harness/timing.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../harness/server.js';
import { startFakeSmtp } from '../fakes/smtp.js';
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/webhook-receiver.js';
import { sleep } from '../fakes/common.js';
import { openDatabase, schema, type Database, type Db } from '../../src/db/index.js';
import { createLogger, newToken } from '../../src/lib/index.js';
import {
  createAnnouncer,
  createChannels,
  createDispatcher,
  devInboxChannel,
  enqueue,
  type Channel,
  type Channels,
  type DispatcherOptions,
  type EscalationState,
  type MessagePayload,
} from '../../src/notify/index.js';

let now = new Date('2026-04-06T15:00:00Z');
const clock = { now: () => now };
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const logger = createLogger('silent', { pretty: false });
const announce = createAnnouncer(clock);
let database: Database;
let db: Db;

async function organization(ownerEmail: string | null = 'owner@faulty.test'): Promise<string> {
  const [org] = await db
    .insert(schema.organizations)
    .values({ name: 'Faulty Plumbing', timezone: 'America/Chicago', chatKey: newToken(12), icsToken: newToken(12) })
    .returning();
  await db.insert(schema.businessConfigs).values({ organizationId: org.id, notifyEmail: ownerEmail });
  return org.id;
}

async function subscribe(organizationId: string, rx: WebhookReceiver): Promise<string> {
  const secret = `whsec_${newToken(16)}`;
  const [hook] = await db
    .insert(schema.webhooks)
    .values({ organizationId, url: `${rx.url}/hook`, events: ['lead.created'], secret })
    .returning();
  rx.secret = secret;
  return hook.id;
}

async function newLead(organizationId: string, name = 'Casey') {
  await db.transaction(async (tx) => {
    const [lead] = await tx.insert(schema.leads).values({ organizationId, name, need: 'water heater' }).returning();
    await announce(tx, { type: 'lead.created', lead });
  });
}

const dispatcher = (channels: Channels, options: DispatcherOptions = {}) =>
  createDispatcher({
    db,
    channels,
    clock,
    logger,
    options: { backoffBaseMs: 1000, random: () => 0.5, escalations: false, ...options },
  });
const rows = (channel: 'email' | 'webhook') =>
  db.select().from(schema.outbox).where(eq(schema.outbox.channel, channel));

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
}, 60_000);
afterAll(async () => {
  await database?.close();
});

describe('outages', () => {
  it('mail server down for the first attempts: the email arrives once it is back, exactly once', async () => {
    await db.delete(schema.outbox);
    const smtp = await startFakeSmtp();
    await smtp.stop();
    const organizationId = await organization();
    const d = dispatcher({
      email: createChannels(db, { smtp: { url: smtp.url, from: 'io@test' }, publicUrl: 'http://x' }).email,
    });
    await newLead(organizationId, 'Morgan');
    expect(await d.runOnce()).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    const [afterFirst] = await rows('email');
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFirst.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(afterFirst.nextAttemptAt.getTime()).toBe(now.getTime() + 750); // backoff 1 s, jitter half
    expect((await d.runOnce()).claimed).toBe(0); // not due yet
    advance(1000);
    expect(await d.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await rows('email'))[0].nextAttemptAt.getTime()).toBe(now.getTime() + 1500); // doubled
    await smtp.start();
    advance(2000);
    expect(await d.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    advance(3_600_000);
    expect((await d.runOnce()).claimed).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].headers.subject).toContain('New lead: Morgan');
    expect((await rows('email'))[0]).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    // Had the dispatcher died after the server took the mail but before recording it, the retry
    // would carry the same Message-ID: the recipient's mail system sees one message.
    await db.update(schema.outbox).set({ status: 'sending', lockedUntil: now });
    advance(1);
    expect((await d.runOnce()).sent).toBe(1);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.distinctMessageIds()).toBe(1);
    await smtp.close();
  });

  it('webhook receiver down, then failing, then healthy: delivered once, processed once', async () => {
    await db.delete(schema.outbox);
    const rx = await startWebhookReceiver(() => now.getTime());
    const organizationId = await organization();
    await subscribe(organizationId, rx);
    const url = rx.url;
    await rx.close(); // down: connection refused
    const d = dispatcher(createChannels(db, { webhookAllowPrivate: true, clock }));
    await newLead(organizationId);
    expect((await d.runOnce()).retried).toBe(1);
    const back = await startWebhookReceiver(() => now.getTime());
    await db
      .update(schema.webhooks)
      .set({ url: `${back.url}/hook` })
      .where(eq(schema.webhooks.url, `${url}/hook`));
    back.secret = rx.secret;
    back.script.push(503, 429);
    for (let i = 0; i < 4; i++) {
      advance(60_000);
      await d.runOnce();
    }
    expect(back.hits.map((h) => h.status)).toEqual([503, 429, 200]);
    expect(new Set(back.hits.map((h) => h.deliveryId)).size).toBe(1);
    expect(back.processed.size).toBe(1);
    expect((await rows('webhook'))[0]).toMatchObject({ status: 'sent', attempts: 4 });
    await back.close();
  });

  it('dead-letters after the maximum attempts, and at once on a permanent refusal', async () => {
    await db.delete(schema.outbox);
    const rx = await startWebhookReceiver(() => now.getTime());
    const organizationId = await organization();
    await subscribe(organizationId, rx);
    const d = dispatcher(createChannels(db, { webhookAllowPrivate: true, clock }), { maxAttempts: 3 });
    rx.script.push(500, 500, 500, 500);
    await newLead(organizationId);
    for (let i = 0; i < 6; i++) {
      advance(60_000);
      await d.runOnce();
    }
    expect(rx.hits).toHaveLength(3);
    expect((await rows('webhook'))[0]).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'webhook: receiver answered 500',
    });

    await db.delete(schema.outbox);
    rx.script.splice(0, rx.script.length, 400);
    await newLead(organizationId, 'Second');
    for (let i = 0; i < 3; i++) {
      advance(60_000);
      await d.runOnce();
    }
    expect((await rows('webhook'))[0]).toMatchObject({ status: 'dead', attempts: 1 });
    await rx.close();
  });
});

describe('refusals', () => {
  it('an SMS from an organization without a sending number is dead at once, saying why', async () => {
    await db.delete(schema.outbox);
    const organizationId = await organization(null);
    await db
      .insert(schema.notificationSettings)
      .values({ organizationId, settings: { phones: ['+13125550111'], events: { 'lead.created': ['sms'] } } });
    const sms = createChannels(db, {
      twilio: { accountSid: 'AC' + '1'.repeat(32), authToken: 't', apiBase: 'http://127.0.0.1:9' },
    }).sms!;
    await newLead(organizationId);
    expect(await dispatcher({ sms }).runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    const [row] = await db.select().from(schema.outbox).where(eq(schema.outbox.organizationId, organizationId));
    expect(row).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'no sending number: connect a phone number to the organization',
    });
  });
});

describe('a dispatcher dying mid-send', () => {
  it('webhook: another dispatcher redelivers after the lease with the same delivery id; the late first one changes nothing', async () => {
    await db.delete(schema.outbox);
    const rx = await startWebhookReceiver(() => now.getTime());
    const organizationId = await organization(null);
    await subscribe(organizationId, rx);
    rx.script.push('hang');
    await newLead(organizationId);
    const channels = createChannels(db, { webhookAllowPrivate: true, clock });
    const a = dispatcher(channels, { leaseMs: 5_000, sendTimeoutMs: 60_000 });
    const dying = a.runOnce(); // the receiver takes the delivery in; A never hears back
    while (rx.hits.length === 0) await sleep(10);
    const b = dispatcher(channels, { leaseMs: 5_000 });
    expect((await b.runOnce()).claimed).toBe(0); // A's claim still holds
    advance(5_000);
    expect(await b.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    rx.releaseHung(); // A wakes up late
    expect(await dying).toMatchObject({ claimed: 1, sent: 0, retried: 0 });
    expect(rx.hits.map((h) => h.deliveryId)).toEqual([rx.hits[0].deliveryId, rx.hits[0].deliveryId]);
    expect(rx.processed.size).toBe(1);
    expect((await rows('webhook'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    await rx.close();
  });

  it('a graceful stop does not wait on a hung receiver: the send is aborted and retried later', async () => {
    await db.delete(schema.outbox);
    const rx = await startWebhookReceiver(() => now.getTime());
    const organizationId = await organization(null);
    await subscribe(organizationId, rx);
    rx.script.push('hang');
    await newLead(organizationId);
    const d = dispatcher(createChannels(db, { webhookAllowPrivate: true, clock }), { stopGraceMs: 100, pollMs: 10 });
    d.start();
    while (rx.hits.length === 0) await sleep(10);
    const t0 = Date.now();
    await d.stop();
    expect(Date.now() - t0).toBeLessThan(scaled(2_000));
    expect((await rows('webhook'))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    advance(60_000);
    expect(await d.runOnce()).toMatchObject({ claimed: 1, sent: 1 }); // usable again after stop
    rx.releaseHung();
    await rx.close();
  });

  it('dev inbox: the message written just before the crash is not written twice', async () => {
    await db.delete(schema.outbox);
    const organizationId = await organization();
    const inbox = devInboxChannel(db, { publicUrl: 'http://x' });
    const crashing: Channel = {
      label: 'crashing',
      send: async (m, s) => {
        await inbox.send(m, s);
        await new Promise(() => undefined);
      },
    };
    await newLead(organizationId, 'Jordan');
    void dispatcher({ email: crashing }, { leaseMs: 5_000 }).runOnce();
    while (
      (await db.select().from(schema.devInbox).where(eq(schema.devInbox.organizationId, organizationId))).length === 0
    )
      await sleep(10);
    advance(5_000);
    expect(await dispatcher({ email: inbox }).runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    const inboxRows = await db.select().from(schema.devInbox).where(eq(schema.devInbox.organizationId, organizationId));
    expect(inboxRows).toHaveLength(1);
    expect(inboxRows[0].subject).toContain('New lead: Jordan');
  });
});

/** Starts bench/notify/worker.ts as its own process on the suite's database. */
function worker(url: string, args: string[]): { child: ChildProcess; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/notify/worker.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
}

describe.skipIf(!process.env.DATABASE_URL)('dispatcher processes on one PostgreSQL database', () => {
  async function webhookMessages(organizationId: string, hookId: string, n: number) {
    const payload: MessagePayload = {
      template: 'new_lead',
      event: 'lead.created',
      urgent: false,
      orgName: 'Faulty',
      timezone: 'UTC',
      data: {},
      webhookId: hookId,
    };
    for (let i = 0; i < n; i += 250) {
      await enqueue(
        db,
        Array.from({ length: Math.min(250, n - i) }, (_, k) => ({
          organizationId,
          event: 'lead.created',
          channel: 'webhook' as const,
          recipient: 'hook',
          payload: { ...payload, data: { n: i + k } },
          idempotencyKey: `bulk:${i + k}`,
        })),
        new Date(Date.now() - 1000),
      );
    }
  }

  it(
    'two processes deliver 1,000 messages, each exactly once, sharing the work',
    async () => {
      await db.delete(schema.outbox);
      const rx = await startWebhookReceiver();
      const organizationId = await organization();
      const hookId = await subscribe(organizationId, rx);
      await webhookMessages(organizationId, hookId, 1000);
      const url = (database as Database & { url?: string }).url!;
      const ws = [0, 1].map(() => worker(url, ['--drain', '--batch', '100', '--concurrency', '16']));
      const results = await Promise.all(
        ws.map(async (w) => {
          await w.lines.next(); // ready
          return JSON.parse((await w.lines.next()).value as string);
        }),
      );
      expect(rx.hits).toHaveLength(1000);
      expect(new Set(rx.hits.map((h) => h.deliveryId)).size).toBe(1000);
      expect(rx.hits.every((h) => h.valid)).toBe(true);
      expect(results[0].sent + results[1].sent).toBe(1000);
      expect(results[0].sent).toBeGreaterThan(0);
      expect(results[1].sent).toBeGreaterThan(0);
      const [{ n }] = (
        (await db.execute(
          sql`select count(*)::int as n from outbox where status = 'sent' and attempts = 1`,
        )) as unknown as { rows: Array<{ n: number }> }
      ).rows;
      expect(n).toBe(1000);
      await rx.close();
    },
    scaled(120_000),
  );

  it(
    'two dispatchers advancing the same 20 escalation ladders take every step once',
    async () => {
      await db.delete(schema.outbox);
      const organizationId = await organization(null);
      await db.insert(schema.notificationSettings).values({
        organizationId,
        settings: {
          onCall: ['+13125550101', '+13125550102'],
          events: { 'lead.urgent': ['call', 'sms'] },
          escalation: { waitSec: 10, maxRounds: 1 },
        },
      });
      const leadIds: string[] = [];
      for (let i = 0; i < 20; i++) {
        await db.transaction(async (tx) => {
          const [lead] = await tx
            .insert(schema.leads)
            .values({ organizationId, name: `L${i}`, need: 'flood', priority: 'URGENT' })
            .returning();
          await announce(tx, { type: 'lead.urgent', lead });
          leadIds.push(lead.id);
        });
      }
      const other = await openDatabase({
        kind: 'postgres',
        url: (database as Database & { url?: string }).url!,
        poolSize: 5,
      });
      try {
        const mk = (d: Db) =>
          createDispatcher({ db: d, channels: createChannels(d, {}), clock, logger, options: { summaryEveryMs: 0 } });
        const [d1, d2] = [mk(db), mk(other.db)];
        for (let t = 0; t <= 40; t += 10) {
          await Promise.all([d1.runOnce(), d2.runOnce()]);
          advance(10_000);
        }
      } finally {
        await other.close();
      }
      const leads = await db
        .select({ e: schema.leads.escalation })
        .from(schema.leads)
        .where(eq(schema.leads.organizationId, organizationId));
      for (const l of leads) {
        const trail = (l.e as unknown as EscalationState).trail.map((t) =>
          t.action === 'step' ? `${t.round}.${t.step}` : t.action,
        );
        expect(trail).toEqual(['1.0', '1.1', '1.2', 'exhausted']);
      }
      const inbox = await db.select().from(schema.devInbox).where(eq(schema.devInbox.organizationId, organizationId));
      expect(inbox).toHaveLength(20 * 4); // two calls and two texts per lead
    },
    scaled(60_000),
  );

  it(
    'a dispatcher process killed with SIGKILL mid-send loses nothing; the survivor delivers the rest once each',
    async () => {
      await db.delete(schema.outbox);
      const rx = await startWebhookReceiver();
      const organizationId = await organization();
      const hookId = await subscribe(organizationId, rx);
      await webhookMessages(organizationId, hookId, 200);
      rx.script.push(...Array(4).fill('hang'));
      const url = (database as Database & { url?: string }).url!;
      const victim = worker(url, ['--lease-ms', '1500', '--concurrency', '4', '--send-timeout-ms', '60000']);
      await victim.lines.next();
      while (rx.hits.length < 4) await sleep(10);
      victim.child.kill('SIGKILL');
      await new Promise((r) => victim.child.once('exit', r));
      const stuck = (
        (await db.execute(sql`select count(*)::int as n from outbox where status = 'sending'`)) as unknown as {
          rows: Array<{ n: number }>;
        }
      ).rows[0].n;
      expect(stuck).toBeGreaterThan(0); // the victim died holding claims
      const survivor = worker(url, ['--drain', '--lease-ms', '1500']);
      await survivor.lines.next();
      const result = JSON.parse((await survivor.lines.next()).value as string);
      expect(result.sent).toBe(200);
      const statuses = (await db.execute(
        sql`select status, count(*)::int as n from outbox group by status`,
      )) as unknown as { rows: Array<{ status: string; n: number }> };
      expect(statuses.rows).toEqual([{ status: 'sent', n: 200 }]);
      // The 4 deliveries the victim had on the wire reached the receiver again (same delivery id): the
      // receiver processed every message once, and each message got exactly one acknowledged delivery.
      expect(rx.hits).toHaveLength(204);
      expect(rx.processed.size).toBe(200);
      expect(rx.hits.filter((h) => h.status === 200)).toHaveLength(200);
      const redelivered = (
        (await db.execute(sql`select count(*)::int as n from outbox where attempts = 2`)) as unknown as {
          rows: Array<{ n: number }>;
        }
      ).rows[0].n;
      expect(redelivered).toBe(stuck);
      rx.releaseHung();
      await rx.close();
    },
    scaled(120_000),
  );
});
