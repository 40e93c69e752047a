import { AppError } from '../lib/index.js';
import type { Feature, Plan } from './plans.js';

/** The errors billing raises (mapped to HTTP by the API's error handler). */
export const billingErrors = {
  /** 402: the organization's plan does not include `feature`; `details.plan` names the plan that does. */
  planRequired: (feature: Feature, plan: Plan) =>
    new AppError('PLAN_REQUIRED', `${feature.replace(/_/g, ' ')} needs the ${plan.name} plan or larger`, 402, {
      feature,
      plan: plan.id,
    }),
  /** 409: Stripe is not configured on this server (local test mode). */
  notConfigured: () =>
    new AppError('BILLING_NOT_CONFIGURED', 'billing runs in local test mode: no Stripe keys are configured', 409),
  /** 409: the plan has no Stripe price configured. */
  priceMissing: (plan: string) =>
    new AppError('BILLING_NOT_CONFIGURED', `no Stripe price is configured for the ${plan} plan`, 409),
  /** 409: there is no Stripe customer yet (no checkout was completed). */
  noCustomer: () => new AppError('NO_SUBSCRIPTION', 'subscribe to a plan first', 409),
};
