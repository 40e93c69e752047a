// Invariant: a month of calls metered in the transactions that complete them gives exactly the usage the plan's rounding says (a retried completion adds nothing), the owner is told once at 80% and once at 100% of the included minutes, the hard cap sends new calls to voicemail while overage otherwise continues, and the month's overage reaches Stripe's meter exactly once however often the report runs or fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { testDatabase } from '../harness/server.js';
import { schema, type Database } from '../../src/db/index.js';
import { createOrganization } from '../../src/business/index.js';
import { completeCall, createCall } from '../../src/calls/index.js';
import { createBilling, type Billing } from '../../src/billing/index.js';
import { createLogger } from '../../src/lib/index.js';
import { usageNotices } from '../../src/wiring/product.js';
import { startFakeStripe } from '../fakes/stripe.js';

let database: Database;
let billing: Billing;
let organizationId: string;
let now = new Date('2027-03-01T14:00:00Z');
const clock = { now: () => now };

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  const org = await createOrganization(db, { name: 'Month Plumbing', timezone: 'America/Chicago' });
  organizationId = org.id;
  await db
    .insert(schema.users)
    .values({ organizationId, email: `owner-${organizationId}@example.com`, passwordHash: 'x', role: 'admin' });
  // A paying Starter customer: 150 included minutes, each call rounded up to the whole minute.
  await db.insert(schema.billingAccounts).values({ organizationId, plan: 'starter', status: 'active' });
  billing = createBilling({
    db,
    clock,
    logger: createLogger('silent', { pretty: false }),
    notices: usageNotices(clock),
  });
});
afterAll(async () => {
  await database?.close();
});

/** One finished conversation, completed through calls/ with billing's meter as its sink (twice when `retry`). */
async function converse(
  channel: 'phone' | 'chat',
  direction: 'inbound' | 'outbound',
  startedAt: Date,
  seconds: number,
  retry = false,
) {
  const db = database.db;
  const call = await createCall(db, { organizationId, channel, direction, startedAt });
  const end = { endedAt: new Date(startedAt.getTime() + seconds * 1000) };
  const sink = (tx: Parameters<Billing['meter']>[0], row: Parameters<Billing['meter']>[1]) => billing.meter(tx, row);
  await completeCall(db, call.id, end, sink);
  if (retry) await Promise.all([completeCall(db, call.id, end, sink), completeCall(db, call.id, end, sink)]);
}

const dataOf = (n: { payload: unknown }) => (n.payload as { data: Record<string, unknown> }).data;
const notices = () =>
  database.db
    .select()
    .from(schema.outbox)
    .where(
      and(eq(schema.outbox.organizationId, organizationId), like(schema.outbox.idempotencyKey, 'billing.usage_%')),
    );

describe('a simulated month of calls', () => {
  it('meters every day, rounds per call, counts chats apart, and tells the owner at 80% and 100% once each', async () => {
    const dayOf80: number[] = [];
    const dayOf100: number[] = [];
    for (let d = 0; d < 31; d++) {
      const morning = new Date(Date.UTC(2027, 2, 1 + d, 15, 0, 0));
      now = morning;
      // 61 s → 2 min, 125 s → 3 min, 30 s → 1 min inbound; 45 s → 1 min outbound; a 5-minute chat: 7 billable minutes a day.
      await converse('phone', 'inbound', morning, 61, d % 5 === 0);
      await converse('phone', 'inbound', new Date(morning.getTime() + 3_600_000), 125);
      await converse('phone', 'inbound', new Date(morning.getTime() + 7_200_000), 30);
      await converse('phone', 'outbound', new Date(morning.getTime() + 9_000_000), 45, true);
      await converse('chat', 'inbound', new Date(morning.getTime() + 10_000_000), 300);
      const sent = (await notices()).map((n) => dataOf(n).threshold);
      if (sent.includes(80) && !dayOf80.length) dayOf80.push(d + 1);
      if (sent.includes(100) && !dayOf100.length) dayOf100.push(d + 1);
    }
    now = new Date('2027-03-31T23:00:00Z');
    const usage = await billing.usage(
      organizationId,
      new Date('2027-03-01T06:00:00Z'),
      new Date('2027-04-01T05:00:00Z'),
    );
    expect(usage.items).toHaveLength(31);
    for (const day of usage.items) {
      expect(day).toMatchObject({
        minutes: 7,
        calls: 4,
        inbound: { calls: 3, minutes: 6 },
        outbound: { calls: 1, minutes: 1 },
        chat: { conversations: 1, minutes: 5 },
      });
    }
    const overview = await billing.overview(organizationId);
    expect(overview.usage).toEqual({ minutes: 217, calls: 124, chats: 31 });
    // 217 − 150 included = 67 overage minutes at Starter's 45¢.
    expect(overview.estimate).toEqual({
      baseCents: 4900,
      overageMinutes: 67,
      overageCents: 67 * 45,
      totalCents: 4900 + 67 * 45,
    });
    // 120 minutes (80%) are reached on day 18 (126), 150 on day 22 (154).
    expect(dayOf80).toEqual([18]);
    expect(dayOf100).toEqual([22]);
    const sent = await notices();
    expect(sent.map((n) => dataOf(n).threshold).sort()).toEqual([100, 80]);
    expect(sent.every((n) => n.channel === 'email' && n.recipient === `owner-${organizationId}@example.com`)).toBe(
      true,
    );
    expect(sent.find((n) => dataOf(n).threshold === 100)!.payload.data).toMatchObject({
      includedMinutes: 150,
      planName: 'Starter',
    });
  });

  it('beyond the included minutes calls continue as overage; at the hard cap they are not admitted', async () => {
    now = new Date('2027-03-31T23:00:00Z');
    expect(await billing.admit(organizationId)).toEqual({ admit: true, overage: true });
    await billing.setHardCap(organizationId, 217);
    expect(await billing.admit(organizationId)).toMatchObject({
      admit: false,
      reason: 'hard_cap',
      usedMinutes: 217,
      capMinutes: 217,
    });
    await billing.setHardCap(organizationId, 300);
    expect(await billing.admit(organizationId)).toEqual({ admit: true, overage: true });
  });

  it('a new period starts from zero and its notices are new', async () => {
    now = new Date('2027-04-02T15:00:00Z');
    await converse('phone', 'inbound', now, 600);
    const overview = await billing.overview(organizationId);
    expect(overview.currentPeriod.start).toBe('2027-04-01T05:00:00.000Z');
    expect(overview.usage).toEqual({ minutes: 10, calls: 1, chats: 0 });
    expect(await billing.admit(organizationId)).toEqual({ admit: true, overage: false });
    expect(await notices()).toHaveLength(2);
  });
});

describe('overage to Stripe', () => {
  it('reports the closed month overage once, with one identifier, through failures, lost answers and repeated runs', async () => {
    const stripe = await startFakeStripe({ now: Math.floor(now.getTime() / 1000) });
    try {
      await database.db
        .update(schema.billingAccounts)
        .set({ stripeCustomerId: 'cus_month' })
        .where(eq(schema.billingAccounts.organizationId, organizationId));
      const paid = createBilling({
        db: database.db,
        clock,
        logger: createLogger('silent', { pretty: false }),
        stripe: { secretKey: stripe.secretKey, apiBase: stripe.url, prices: {}, meterEventName: 'overage_minutes' },
      });
      now = new Date('2027-04-02T15:00:00Z');
      stripe.meterScript.push('fail', 'lose');
      expect(await paid.reportOverage()).toEqual({ reported: 0, failed: 1 });
      expect(await paid.reportOverage()).toEqual({ reported: 0, failed: 1 });
      expect(await paid.reportOverage()).toEqual({ reported: 1, failed: 0 });
      const again = await Promise.all([paid.reportOverage(), paid.reportOverage()]);
      expect(again).toEqual([
        { reported: 0, failed: 0 },
        { reported: 0, failed: 0 },
      ]);
      expect(stripe.meterEvents).toHaveLength(1);
      const march = new Date('2027-03-01T06:00:00Z');
      expect(stripe.meterEvents[0]).toEqual({
        event_name: 'overage_minutes',
        identifier: `overage-${organizationId}-${march.toISOString()}`,
        timestamp: Date.parse('2027-04-01T05:00:00Z') / 1000 - 1,
        payload: { stripe_customer_id: 'cus_month', value: '67' },
      });
      const attempts = stripe.requests.filter((r) => r.path === '/v1/billing/meter_events');
      expect(attempts).toHaveLength(3);
      expect(new Set(attempts.map((r) => r.idempotencyKey))).toEqual(
        new Set([`overage-${organizationId}-${march.toISOString()}`]),
      );
    } finally {
      await stripe.close();
    }
  });
});
