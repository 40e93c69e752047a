/**
 * The plans as data: price, included minutes, overage rate, how each call's seconds are rounded,
 * and the features each plan unlocks. Everything else (gates, metering, the bill) reads from here.
 */

/** A capability a plan may include; the server refuses gated actions with 402 `plan_required`. */
export const FEATURES = [
  'calendar_sync',
  'recording',
  'outbound_calls',
  'languages',
  'realtime_voice',
  'multiple_numbers',
] as const;
/** One gated capability. */
export type Feature = (typeof FEATURES)[number];

/** The plans, smallest first. */
export const PLAN_IDS = ['starter', 'growth', 'scale'] as const;
/** A plan's id. */
export type PlanId = (typeof PLAN_IDS)[number];

/** One plan's terms. */
export interface Plan {
  id: PlanId;
  name: string;
  monthlyPriceCents: number;
  includedMinutes: number;
  overagePerMinuteCents: number;
  /** Each call's billable seconds are its seconds rounded up to a multiple of this. */
  roundingSeconds: number;
  features: readonly Feature[];
}

/** The price list. Larger plans include every feature of the smaller ones. */
export const PLANS: readonly Plan[] = [
  {
    id: 'starter',
    name: 'Starter',
    monthlyPriceCents: 4900,
    includedMinutes: 150,
    overagePerMinuteCents: 45,
    roundingSeconds: 60,
    features: [],
  },
  {
    id: 'growth',
    name: 'Growth',
    monthlyPriceCents: 14900,
    includedMinutes: 600,
    overagePerMinuteCents: 35,
    roundingSeconds: 30,
    features: ['calendar_sync', 'recording', 'outbound_calls', 'languages'],
  },
  {
    id: 'scale',
    name: 'Scale',
    monthlyPriceCents: 39900,
    includedMinutes: 2000,
    overagePerMinuteCents: 25,
    roundingSeconds: 6,
    features: ['calendar_sync', 'recording', 'outbound_calls', 'languages', 'realtime_voice', 'multiple_numbers'],
  },
];

/** The largest plan: what a trial and a complimentary account get. */
export const LARGEST_PLAN: PlanId = 'scale';
/** How long the trial on sign-up lasts. */
export const TRIAL_DAYS = 14;

/** The plan with this id. */
export function planOf(id: PlanId): Plan {
  const p = PLANS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown plan ${id}`);
  return p;
}

/** The smallest plan that includes `feature`. */
export function planUnlocking(feature: Feature): Plan {
  return PLANS.find((p) => p.features.includes(feature)) ?? planOf(LARGEST_PLAN);
}

/** A call's billable seconds under a plan: rounded up to the plan's increment (0 stays 0). */
export function billableSeconds(plan: Plan, seconds: number): number {
  if (seconds <= 0) return 0;
  return Math.ceil(seconds / plan.roundingSeconds) * plan.roundingSeconds;
}

/** The estimated bill for a period: the plan's price plus whole overage minutes beyond the included ones. */
export function estimateBill(
  plan: Plan,
  billableMinutes: number,
): { baseCents: number; overageMinutes: number; overageCents: number; totalCents: number } {
  const overageMinutes = Math.max(0, Math.ceil(billableMinutes - plan.includedMinutes));
  const overageCents = overageMinutes * plan.overagePerMinuteCents;
  return {
    baseCents: plan.monthlyPriceCents,
    overageMinutes,
    overageCents,
    totalCents: plan.monthlyPriceCents + overageCents,
  };
}
