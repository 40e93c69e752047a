/**
 * The billing service the edges use: the account overview, usage, the hard cap, Stripe Checkout
 * and the Customer Portal, signed webhooks, call admission and the metering sink. Without Stripe
 * keys it runs in local test mode: everything but checkout and portal works.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '../db/index.js';
import { errors, type Clock, type Logger } from '../lib/index.js';
import { loadBilling, localDay, setHardCap } from './account.js';
import { billingErrors } from './errors.js';
import { admitCall } from './limits.js';
import { reportOverage } from './overage.js';
import { PLANS, PLAN_IDS, estimateBill, type PlanId } from './plans.js';
import { createStripeClient, type StripeApi } from './stripe/client.js';
import { handleStripeEvent, type StripeEvent } from './stripe/events.js';
import { verifyStripeSignature } from './stripe/signature.js';
import { meterCall, periodUsage, usageByDay, type MeteredCall, type UsageNoticeSink } from './usage.js';

/** Stripe's settings (from config/ at the composition root). */
export interface StripeSettings {
  secretKey: string;
  webhookSecret?: string;
  apiBase: string;
  /** Stripe price ids per plan: the monthly price and the metered overage price. */
  prices: Partial<Record<PlanId, { base?: string; overage?: string }>>;
  meterEventName: string;
}

/** What billing is built from. */
export interface BillingDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  stripe?: StripeSettings;
  notices?: UsageNoticeSink;
  stripeApi?: StripeApi;
}

/** The plans as the API lists them. */
export const publicPlans = () =>
  PLANS.map(({ id, name, monthlyPriceCents, includedMinutes, overagePerMinuteCents, roundingSeconds, features }) => ({
    id,
    name,
    monthlyPriceCents,
    includedMinutes,
    overagePerMinuteCents,
    roundingSeconds,
    features: [...features],
  }));

/** Builds billing over its dependencies. */
export function createBilling(deps: BillingDeps) {
  const { db, clock } = deps;
  const stripe = deps.stripe
    ? (deps.stripeApi ?? createStripeClient({ secretKey: deps.stripe.secretKey, apiBase: deps.stripe.apiBase }))
    : null;
  const priceToPlan: Record<string, PlanId> = {};
  for (const id of PLAN_IDS)
    for (const price of Object.values(deps.stripe?.prices[id] ?? {})) if (price) priceToPlan[price] = id;

  async function state(organizationId: string) {
    const s = await loadBilling(db, organizationId, clock.now());
    if (!s) throw errors.notFound('organization');
    return s;
  }

  async function customerOf(organizationId: string, who: { email?: string; name: string }) {
    const s = await state(organizationId);
    if (s.stripeCustomerId) return s.stripeCustomerId;
    const c = await stripe!.createCustomer({ ...who, organizationId }, `customer-${organizationId}`);
    await db
      .update(schema.billingAccounts)
      .set({ stripeCustomerId: c.id })
      .where(
        and(eq(schema.billingAccounts.organizationId, organizationId), isNull(schema.billingAccounts.stripeCustomerId)),
      );
    return (await state(organizationId)).stripeCustomerId ?? c.id;
  }

  return {
    /** True when Stripe keys are configured (otherwise local test mode). */
    configured: stripe !== null,
    /** GET /api/billing: plan, status, trial, period, usage, limits and the estimated bill. */
    async overview(organizationId: string) {
      const now = clock.now();
      const s = await state(organizationId);
      const used = await periodUsage(db, s);
      const bill = s.complimentary
        ? { baseCents: 0, overageMinutes: 0, overageCents: 0, totalCents: 0 }
        : estimateBill(s.effective, used.minutes);
      const trialDaysLeft =
        s.status === 'trialing' && s.trialEndsAt
          ? Math.max(0, Math.ceil((s.trialEndsAt.getTime() - now.getTime()) / 86_400_000))
          : null;
      return {
        plan: s.plan,
        effectivePlan: s.effective.id,
        status: s.status,
        complimentary: s.complimentary,
        trialEndsAt: s.status === 'trialing' ? s.trialEndsAt?.toISOString() : undefined,
        trialDaysLeft,
        currentPeriod: { start: s.period.start.toISOString(), end: s.period.end.toISOString() },
        renewsAt: s.renewsAt?.toISOString() ?? null,
        usage: { minutes: Math.round(used.minutes * 10) / 10, calls: used.calls, chats: used.chats },
        limits: {
          includedMinutes: s.effective.includedMinutes,
          overagePerMinuteCents: s.effective.overagePerMinuteCents,
          hardCapMinutes: s.hardCapMinutes,
          roundingSeconds: s.effective.roundingSeconds,
        },
        features: [...s.effective.features],
        estimate: bill,
        stripe: {
          configured: stripe !== null,
          customer: s.stripeCustomerId !== null,
          subscription: s.stripeSubscriptionId !== null,
        },
      };
    },
    /**
     * Per-day usage between two bounds, each an instant or a local date (YYYY-MM-DD); `to` is
     * exclusive. Without bounds: the current period.
     */
    async usage(organizationId: string, from?: Date | string, to?: Date | string) {
      const s = await state(organizationId);
      const day = (b: Date | string) => (typeof b === 'string' ? b : localDay(b, s.timezone));
      const [fromDay, toDay] = [day(from ?? s.period.start), day(to ?? s.period.end)];
      return {
        timezone: s.timezone,
        from: fromDay,
        to: toDay,
        items: await usageByDay(db, organizationId, fromDay, toDay),
      };
    },
    async setHardCap(organizationId: string, minutes: number | null) {
      await state(organizationId);
      await setHardCap(db, organizationId, minutes);
    },
    /** Stripe Checkout for a plan (or, with a subscription already, the portal's plan-change flow). */
    async checkout(
      organizationId: string,
      plan: PlanId,
      who: { email?: string; name: string },
      returnUrl: string,
    ): Promise<{ url: string }> {
      if (!stripe || !deps.stripe) throw billingErrors.notConfigured();
      const prices = deps.stripe.prices[plan];
      if (!prices?.base) throw billingErrors.priceMissing(plan);
      const s = await state(organizationId);
      const customer = await customerOf(organizationId, who);
      if (s.stripeSubscriptionId && s.status !== 'canceled') {
        const session = await stripe.createPortalSession({
          customer,
          return_url: returnUrl,
          flow_data: { type: 'subscription_update', subscription_update: { subscription: s.stripeSubscriptionId } },
        });
        return { url: session.url };
      }
      const session = await stripe.createCheckoutSession({
        mode: 'subscription',
        customer,
        client_reference_id: organizationId,
        line_items: [{ price: prices.base, quantity: 1 }, ...(prices.overage ? [{ price: prices.overage }] : [])],
        subscription_data: { metadata: { organization_id: organizationId, plan } },
        success_url: `${returnUrl}?checkout=success`,
        cancel_url: `${returnUrl}?checkout=cancel`,
      });
      return { url: session.url };
    },
    /** The Stripe Customer Portal (invoices, payment method, cancel). */
    async portal(organizationId: string, returnUrl: string): Promise<{ url: string }> {
      if (!stripe) throw billingErrors.notConfigured();
      const s = await state(organizationId);
      if (!s.stripeCustomerId) throw billingErrors.noCustomer();
      return { url: (await stripe.createPortalSession({ customer: s.stripeCustomerId, return_url: returnUrl })).url };
    },
    /** POST /stripe/webhook: verifies the signature over the raw body, then applies the event once. */
    async webhook(rawBody: string, signature: string | undefined) {
      const secret = deps.stripe?.webhookSecret;
      if (!secret) throw billingErrors.notConfigured();
      const check = verifyStripeSignature(rawBody, signature, secret, clock.now());
      if (!check.ok) throw errors.validation(`invalid Stripe signature (${check.reason})`, { reason: check.reason });
      let event: StripeEvent;
      try {
        event = JSON.parse(rawBody) as StripeEvent;
      } catch {
        throw errors.validation('the event is not JSON');
      }
      if (!event?.id || !event.type || !event.data?.object) throw errors.validation('not a Stripe event');
      return handleStripeEvent(
        { db, priceToPlan, retrieveSubscription: stripe ? (id) => stripe.retrieveSubscription(id) : undefined },
        event,
      );
    },
    /** Reports the last closed period's overage of every subscribed organization (no-op in test mode). */
    async reportOverage() {
      if (!stripe || !deps.stripe) return { reported: 0, failed: 0 };
      return reportOverage(
        { db, stripe, meterEventName: deps.stripe.meterEventName, logger: deps.logger },
        clock.now(),
      );
    },
    /** Whether a new call is taken by the receptionist (the hard cap), at the organization's `now`. */
    admit: (organizationId: string) => admitCall(db, organizationId, clock.now()),
    /** The metering sink: call it inside the transaction that completes a call. */
    meter: (tx: Queryable, call: MeteredCall) => meterCall(tx, call, clock.now(), deps.notices),
  };
}

/** The billing service. */
export type Billing = ReturnType<typeof createBilling>;
