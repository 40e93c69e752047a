/**
 * Limits and gates: whether a new call is taken by the receptionist (the owner's hard cap), and
 * whether a gated feature is in the plan (402 `plan_required` naming the plan that unlocks it).
 */
import type { Queryable } from '../db/index.js';
import { errors } from '../lib/index.js';
import { hasFeature, loadBilling } from './account.js';
import { billingErrors } from './errors.js';
import { planUnlocking, type Feature } from './plans.js';
import { periodUsage } from './usage.js';

/** Whether the receptionist takes a new call, and why not. */
export type Admission =
  { admit: true; overage: boolean } | { admit: false; reason: 'hard_cap'; usedMinutes: number; capMinutes: number };

/**
 * A new call is always answered: beyond the included minutes it counts as overage; at the owner's
 * hard cap the caller is sent to voicemail instead of the AI (never a dead line).
 */
export async function admitCall(q: Queryable, organizationId: string, now: Date): Promise<Admission> {
  const state = await loadBilling(q, organizationId, now);
  if (!state) return { admit: true, overage: false };
  const used = (await periodUsage(q, state)).minutes;
  if (state.hardCapMinutes != null && used >= state.hardCapMinutes) {
    return { admit: false, reason: 'hard_cap', usedMinutes: Math.floor(used), capMinutes: state.hardCapMinutes };
  }
  return { admit: true, overage: !state.complimentary && used >= state.effective.includedMinutes };
}

/** Throws 402 `plan_required` unless the organization's plan in effect includes `feature`. */
export async function requireFeature(q: Queryable, organizationId: string, feature: Feature, now: Date): Promise<void> {
  const state = await loadBilling(q, organizationId, now);
  if (!state) throw errors.notFound('organization');
  if (!hasFeature(state, feature)) throw billingErrors.planRequired(feature, planUnlocking(feature));
}
