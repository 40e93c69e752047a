// Invariant: billing speaks Stripe's real HTTP API (customers, Checkout, Customer Portal, subscriptions) and trusts only signed webhooks: a bad, missing, stale or future signature is refused with 400; the same event twice changes nothing; events out of order never roll a subscription back, and a canceled subscription is never revived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { schema } from '../../src/db/index.js';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe.js';

let now = new Date('2027-02-03T16:00:00Z');
const setNow = (d: Date) => {
  now = d;
  stripe.setNow(Math.floor(d.getTime() / 1000));
};
let stripe: FakeStripe;
let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof registerOrg>>;

beforeAll(async () => {
  stripe = await startFakeStripe({ now: Math.floor(now.getTime() / 1000) });
  server = await startTestServer({
    clock: { now: () => now },
    env: {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      STRIPE_PRICE_STARTER: 'price_starter',
      STRIPE_PRICE_GROWTH: 'price_growth',
      STRIPE_PRICE_SCALE: 'price_scale',
      STRIPE_OVERAGE_PRICE_GROWTH: 'price_growth_overage',
      PUBLIC_URL: 'https://app.example.test',
    },
  });
  stripe.webhookUrl = `${server.url}/stripe/webhook`;
  org = await registerOrg(server.url, { name: 'Stripe Plumbing' });
});
afterAll(async () => {
  await server?.close();
  await stripe?.close();
});

const account = async () => (await org.api.get('/api/billing')).body;

describe('Checkout and the Customer Portal', () => {
  it('checkout creates the customer once and a subscription Checkout session on the plan and overage prices', async () => {
    const first = await org.api.post('/api/billing/checkout', { plan: 'growth' });
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(new RegExp(`^${stripe.url}/pay/`));
    expect((await org.api.post('/api/billing/checkout', { plan: 'growth' })).status).toBe(200);
    expect(stripe.customers.size).toBe(1);
    const [customer] = stripe.customers.values();
    expect(customer).toMatchObject({
      name: 'Stripe Plumbing',
      email: org.email,
      metadata: { organization_id: org.organization.id },
    });
    const [session] = stripe.checkoutSessions.values();
    expect(session).toMatchObject({
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: org.organization.id,
      line_items: [{ price: 'price_growth', quantity: '1' }, { price: 'price_growth_overage' }],
      subscription_data: { metadata: { organization_id: org.organization.id, plan: 'growth' } },
      success_url: 'https://app.example.test/billing?checkout=success',
    });
    expect(
      stripe.requests
        .filter((r) => r.path === '/v1/customers')
        .every((r) => r.idempotencyKey === `customer-${org.organization.id}`),
    ).toBe(true);
    const portal = await org.api.post('/api/billing/portal');
    expect(portal.body.url).toMatch(new RegExp(`^${stripe.url}/portal/`));
    expect(stripe.portalSessions[0]).toMatchObject({
      customer: customer.id,
      return_url: 'https://app.example.test/billing',
    });
  });
});

describe('signed webhooks', () => {
  let subId: string;
  it('completing Checkout makes the organization an active Growth subscriber (delivered out of order and twice)', async () => {
    const [session] = stripe.checkoutSessions.values();
    const {
      subscription,
      events: [created, completed],
    } = stripe.completeCheckout(session.id);
    subId = subscription.id;
    expect(await stripe.deliver(completed)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    expect(await stripe.deliver(created)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    expect(await stripe.deliver(created)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(await account()).toMatchObject({
      plan: 'growth',
      effectivePlan: 'growth',
      status: 'active',
      trialDaysLeft: null,
      stripe: { customer: true, subscription: true },
    });
    expect((await account()).trialEndsAt).toBeUndefined();
    const [row] = await server.database.db
      .select({ plan: schema.organizations.plan })
      .from(schema.organizations)
      .where(eq(schema.organizations.id, org.organization.id));
    expect(row.plan).toBe('growth');
  });

  it('an older event arriving after a newer one never rolls the subscription back', async () => {
    setNow(new Date(now.getTime() + 100_000));
    const toScale = stripe.updateSubscription(subId, { price: 'price_scale' });
    setNow(new Date(now.getTime() + 100_000));
    const toStarter = stripe.updateSubscription(subId, { price: 'price_starter' });
    expect((await stripe.deliver(toStarter)).body.outcome).toBe('applied');
    expect((await stripe.deliver(toScale)).body.outcome).toBe('stale');
    expect(await account()).toMatchObject({ plan: 'starter', status: 'active' });
    // The same event replayed changes nothing either.
    expect((await stripe.deliver(toStarter)).body.outcome).toBe('duplicate');
  });

  it('a canceled subscription stays canceled whatever arrives after, even in the same second', async () => {
    setNow(new Date(now.getTime() + 100_000));
    const canceled = stripe.updateSubscription(subId, { status: 'canceled' });
    const revived = stripe.updateSubscription(subId, { status: 'active' });
    expect((await stripe.deliver(canceled)).body.outcome).toBe('applied');
    expect(await account()).toMatchObject({ status: 'canceled', effectivePlan: 'starter' });
    expect((await stripe.deliver(revived)).body.outcome).toBe('stale');
    expect(await account()).toMatchObject({ status: 'canceled' });
  });

  it('refuses a bad, missing, stale or future signature with 400 and nothing changes', async () => {
    const before = await account();
    const e = stripe.updateSubscription(subId, { status: 'past_due' });
    const t = stripe.now();
    for (const opts of [{ badSignature: true }, { noSignature: true }, { t: t - 301 }, { t: t + 301 }]) {
      const res = await stripe.deliver(e, opts);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const [seen] = await server.database.db.select().from(schema.stripeEvents).where(eq(schema.stripeEvents.id, e.id));
    expect(seen).toBeUndefined();
    expect(await account()).toEqual(before);
    // Within the 300 s tolerance the same event is accepted (and, the subscription being canceled, ignored).
    expect((await stripe.deliver(e, { t: t - 299 })).status).toBe(200);
  });
});
