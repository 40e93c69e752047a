/** The billing account of an organization: trial, plan, status, period and the features in effect. */
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { schema, type Queryable } from '../db/index.js';
import { LARGEST_PLAN, PLAN_IDS, TRIAL_DAYS, planOf, type Feature, type Plan, type PlanId } from './plans.js';

type AccountRow = typeof schema.billingAccounts.$inferSelect;

/** What an organization may do now, and what it is billed for. */
export interface BillingState {
  organizationId: string;
  timezone: string;
  /** The plan chosen (or trialled). */
  plan: PlanId;
  status: AccountRow['status'];
  trialEndsAt: Date | null;
  complimentary: boolean;
  hardCapMinutes: number | null;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  /** The terms in effect: the largest plan during the trial, Starter's after a lapsed trial or a cancellation. */
  effective: Plan;
  /** The current billing period [start, end). */
  period: { start: Date; end: Date };
  /** When the Stripe subscription renews (null without one). */
  renewsAt: Date | null;
}

/** A new account: the trial with every feature of the largest plan, starting `now`. */
export async function startTrial(q: Queryable, organizationId: string, now: Date): Promise<void> {
  await q
    .insert(schema.billingAccounts)
    .values({
      organizationId,
      plan: LARGEST_PLAN,
      status: 'trialing',
      trialEndsAt: new Date(now.getTime() + TRIAL_DAYS * 86_400_000),
    })
    .onConflictDoNothing();
}

/** Every feature, never billed: the embedded demo business and the simulator's test organizations. */
export async function grantComplimentary(q: Queryable, organizationId: string): Promise<void> {
  await q
    .insert(schema.billingAccounts)
    .values({ organizationId, plan: LARGEST_PLAN, status: 'active', complimentary: true })
    .onConflictDoUpdate({
      target: schema.billingAccounts.organizationId,
      set: { plan: LARGEST_PLAN, status: 'active', complimentary: true },
    });
}

/** The terms in effect for an account at `now`. */
export function effectivePlan(
  a: Pick<AccountRow, 'plan' | 'status' | 'trialEndsAt' | 'complimentary'>,
  now: Date,
): { plan: Plan; status: AccountRow['status'] } {
  if (a.complimentary) return { plan: planOf(LARGEST_PLAN), status: 'active' };
  if (a.status === 'trialing' && a.trialEndsAt && now >= a.trialEndsAt)
    return { plan: planOf('starter'), status: 'canceled' };
  if (a.status === 'canceled') return { plan: planOf('starter'), status: 'canceled' };
  return { plan: planOf(PLAN_IDS.includes(a.plan) ? a.plan : 'starter'), status: a.status };
}

/**
 * The billing period containing `now`: the calendar month in the organization's timezone. Usage is
 * ours to meter, so periods are ours too; a Stripe subscription's own period is only shown.
 */
export function periodAt(timezone: string, now: Date): { start: Date; end: Date } {
  const month = DateTime.fromJSDate(now, { zone: timezone }).startOf('month');
  return { start: month.toJSDate(), end: month.plus({ months: 1 }).toJSDate() };
}

/** The organization's local date of an instant (YYYY-MM-DD): the day usage is recorded under. */
export function localDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;
}

/** Reads (creating on first use, with the trial from `now`) the organization's billing state. */
export async function loadBilling(q: Queryable, organizationId: string, now: Date): Promise<BillingState | null> {
  // One statement, not two: every call's completion meters through here.
  const [hit] = await q
    .select({ timezone: schema.organizations.timezone, account: schema.billingAccounts })
    .from(schema.organizations)
    .leftJoin(schema.billingAccounts, eq(schema.billingAccounts.organizationId, schema.organizations.id))
    .where(eq(schema.organizations.id, organizationId));
  if (!hit) return null;
  let row = hit.account;
  if (!row) {
    await startTrial(q, organizationId, now);
    [row] = await q
      .select()
      .from(schema.billingAccounts)
      .where(eq(schema.billingAccounts.organizationId, organizationId));
  }
  if (!row) return null;
  const { plan, status } = effectivePlan(row, now);
  return {
    organizationId,
    timezone: hit.timezone,
    plan: row.plan,
    status,
    trialEndsAt: row.trialEndsAt,
    complimentary: row.complimentary,
    hardCapMinutes: row.hardCapMinutes,
    stripeCustomerId: row.stripeCustomerId,
    stripeSubscriptionId: row.stripeSubscriptionId,
    effective: plan,
    period: periodAt(hit.timezone, now),
    renewsAt: row.currentPeriodEnd,
  };
}

/** True when the terms in effect include `feature`. */
export const hasFeature = (s: BillingState, feature: Feature): boolean => s.effective.features.includes(feature);

/** Sets the owner's hard cap (null: calls continue as overage). */
export async function setHardCap(q: Queryable, organizationId: string, minutes: number | null): Promise<void> {
  await q
    .update(schema.billingAccounts)
    .set({ hardCapMinutes: minutes })
    .where(eq(schema.billingAccounts.organizationId, organizationId));
}
