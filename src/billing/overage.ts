/**
 * Reporting overage to Stripe's metered billing once per organization and closed period: the
 * period's mark row is claimed in a transaction that commits only after Stripe accepted the meter
 * event, and the event's identifier (also the Idempotency-Key) is derived from the organization and
 * period, so a retry after a lost answer is deduplicated by Stripe instead of charged twice.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { schema, type Db } from '../db/index.js';
import type { Logger } from '../lib/index.js';
import { loadBilling, periodAt } from './account.js';
import { estimateBill } from './plans.js';
import type { StripeApi } from './stripe/client.js';
import { periodUsage } from './usage.js';

/** What the overage job needs. */
export interface OverageDeps {
  db: Db;
  stripe: Pick<StripeApi, 'createMeterEvent'>;
  meterEventName: string;
  logger?: Logger;
}

/** The meter event identifier of an organization's period: the same on every retry. */
export const overageIdentifier = (organizationId: string, periodStart: Date): string =>
  `overage-${organizationId}-${periodStart.toISOString()}`;

/** One organization's report for the period before the one containing `now`; answers the minutes reported (null: nothing to do). */
export async function reportOverageFor(deps: OverageDeps, organizationId: string, now: Date): Promise<number | null> {
  return deps.db.transaction(async (tx) => {
    const state = await loadBilling(tx, organizationId, now);
    if (!state?.stripeCustomerId || state.complimentary) return null;
    const closed = periodAt(state.timezone, new Date(state.period.start.getTime() - 1));
    const used = await periodUsage(tx, { ...state, period: closed });
    const { overageMinutes } = estimateBill(state.effective, used.minutes);
    const [claimed] = await tx
      .insert(schema.billingPeriodMarks)
      .values({
        organizationId,
        periodStart: closed.start.toISOString(),
        kind: 'overage_reported',
        quantity: overageMinutes,
      })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return null;
    if (overageMinutes > 0) {
      // Stamped inside the closed period so Stripe bills it on that period's invoice.
      await deps.stripe.createMeterEvent({
        event_name: deps.meterEventName,
        customer: state.stripeCustomerId,
        value: overageMinutes,
        identifier: overageIdentifier(organizationId, closed.start),
        timestamp: Math.floor(closed.end.getTime() / 1000) - 1,
      });
    }
    return overageMinutes;
  });
}

/** Reports every subscribed organization's last closed period (run periodically; safe to repeat). */
export async function reportOverage(deps: OverageDeps, now: Date): Promise<{ reported: number; failed: number }> {
  const a = schema.billingAccounts;
  const rows = await deps.db
    .select({ id: a.organizationId })
    .from(a)
    .where(and(isNotNull(a.stripeCustomerId), eq(a.complimentary, false)));
  let reported = 0;
  let failed = 0;
  for (const { id } of rows) {
    try {
      if ((await reportOverageFor(deps, id, now)) != null) reported++;
    } catch (err) {
      failed++;
      deps.logger?.warn({ err, organizationId: id }, 'reporting overage to Stripe failed; retried on the next run');
    }
  }
  return { reported, failed };
}
