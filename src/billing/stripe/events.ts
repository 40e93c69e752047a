/**
 * Applying Stripe's webhook events to billing accounts. Each event id is handled once (the
 * stripe_events row is written in the same transaction as its effect), and a subscription never
 * moves back: an event older than the newest one applied is recorded and ignored, and a canceled
 * subscription stays canceled whatever arrives after.
 */
import { eq } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '../../db/index.js';
import { periodAt } from '../account.js';
import { PLAN_IDS, type PlanId } from '../plans.js';
import type { StripeSubscription } from './client.js';

/** A Stripe event as delivered to the webhook (the fields used). */
export interface StripeEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

/** What handling an event did. */
export type EventOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'unknown_customer';

type Status = (typeof schema.billingAccounts.$inferSelect)['status'];

/** Stripe's subscription status in billing's words (null: not a state to record, e.g. `incomplete`). */
export function statusOf(stripeStatus: string): Status | null {
  switch (stripeStatus) {
    case 'active':
    case 'trialing':
      return 'active';
    case 'past_due':
    case 'unpaid':
      return 'past_due';
    case 'canceled':
    case 'incomplete_expired':
    case 'paused':
      return 'canceled';
    default:
      return null;
  }
}

/** The plan a subscription is for: its price (as configured) or the plan named in its metadata. */
export function planOfSubscription(sub: StripeSubscription, priceToPlan: Record<string, PlanId>): PlanId | null {
  for (const item of sub.items?.data ?? []) if (priceToPlan[item.price.id]) return priceToPlan[item.price.id];
  const named = sub.metadata?.plan;
  return named && (PLAN_IDS as readonly string[]).includes(named) ? (named as PlanId) : null;
}

async function accountFor(q: Queryable, customer: string | undefined, organizationId: string | undefined) {
  const a = schema.billingAccounts;
  if (customer) {
    const [row] = await q.select().from(a).where(eq(a.stripeCustomerId, customer));
    if (row) return row;
  }
  if (organizationId && /^[0-9a-f-]{36}$/i.test(organizationId)) {
    const [row] = await q.select().from(a).where(eq(a.organizationId, organizationId));
    if (row && (!row.stripeCustomerId || row.stripeCustomerId === customer)) return row;
  }
  return null;
}

/** Records the subscription's state unless a newer event already did, or it would revive a canceled one. */
async function applySubscription(
  tx: Queryable,
  sub: StripeSubscription,
  eventAt: Date,
  priceToPlan: Record<string, PlanId>,
): Promise<EventOutcome> {
  const account = await accountFor(tx, sub.customer, sub.metadata?.organization_id);
  if (!account) return 'unknown_customer';
  if (account.subscriptionEventAt && eventAt < account.subscriptionEventAt) return 'stale';
  const status = statusOf(sub.status);
  if (!status) return 'ignored';
  // Stripe never reactivates a canceled subscription (a new one gets a new id): anything after is late.
  if (account.stripeSubscriptionId === sub.id && account.status === 'canceled' && status !== 'canceled') return 'stale';
  const plan = planOfSubscription(sub, priceToPlan) ?? account.plan;
  if (!account.stripeSubscriptionId) await closeUnbilledPeriods(tx, account.organizationId, eventAt);
  const item = sub.items?.data?.[0];
  await tx
    .update(schema.billingAccounts)
    .set({
      plan,
      status,
      stripeCustomerId: sub.customer,
      stripeSubscriptionId: sub.id,
      subscriptionEventAt: eventAt,
      // A paid subscription ends the trial (its features now come from the plan).
      trialEndsAt: null,
      currentPeriodStart: item?.current_period_start ? new Date(item.current_period_start * 1000) : null,
      currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
      updatedAt: eventAt,
    })
    .where(eq(schema.billingAccounts.organizationId, account.organizationId));
  await tx.update(schema.organizations).set({ plan }).where(eq(schema.organizations.id, account.organizationId));
  return 'applied';
}

/** Usage before the first subscription (the trial) is never billed as overage: its period is marked reported. */
async function closeUnbilledPeriods(tx: Queryable, organizationId: string, at: Date): Promise<void> {
  const [org] = await tx
    .select({ tz: schema.organizations.timezone })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  const current = periodAt(org?.tz ?? 'UTC', at);
  const previous = periodAt(org?.tz ?? 'UTC', new Date(current.start.getTime() - 1));
  await tx
    .insert(schema.billingPeriodMarks)
    .values({ organizationId, periodStart: previous.start.toISOString(), kind: 'overage_reported', quantity: 0 })
    .onConflictDoNothing();
}

/** Dependencies of event handling: the database and how prices map to plans. */
export interface StripeEventDeps {
  db: Db;
  priceToPlan: Record<string, PlanId>;
  retrieveSubscription?: (id: string) => Promise<StripeSubscription>;
}

/** Handles one verified event exactly once. */
export async function handleStripeEvent(deps: StripeEventDeps, event: StripeEvent): Promise<EventOutcome> {
  const obj = event.data.object;
  const eventAt = new Date(event.created * 1000);
  // Checkout completion carries only ids: the subscription itself is read from the API first.
  let sub: StripeSubscription | null = null;
  if (
    event.type === 'checkout.session.completed' &&
    typeof obj.subscription === 'string' &&
    deps.retrieveSubscription
  ) {
    sub = await deps.retrieveSubscription(obj.subscription);
    sub.metadata = {
      ...sub.metadata,
      organization_id: sub.metadata?.organization_id ?? String(obj.client_reference_id ?? ''),
    };
  } else if (event.type.startsWith('customer.subscription.')) {
    sub = obj as unknown as StripeSubscription;
  }
  return deps.db.transaction(async (tx) => {
    const [first] = await tx
      .insert(schema.stripeEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning();
    if (!first) return 'duplicate' as const;
    if (!sub) return 'ignored' as const;
    const outcome = await applySubscription(tx, sub, eventAt, deps.priceToPlan);
    if (outcome === 'applied') {
      const [acc] = await tx
        .select({ org: schema.billingAccounts.organizationId })
        .from(schema.billingAccounts)
        .where(eq(schema.billingAccounts.stripeSubscriptionId, sub.id));
      if (acc)
        await tx
          .update(schema.stripeEvents)
          .set({ organizationId: acc.org })
          .where(eq(schema.stripeEvents.id, event.id));
    }
    return outcome;
  });
}
