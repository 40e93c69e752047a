/**
 * billing/: plans as data, the trial, metering of finished calls into per-day usage, limits (the
 * 80%/100% notices and the owner's hard cap), feature gates, and Stripe (Checkout, Customer Portal,
 * signed webhooks, overage through Billing Meters). A domain module: it imports db and lib only.
 */
export * from './plans.js';
export { billingErrors } from './errors.js';
export {
  startTrial,
  grantComplimentary,
  loadBilling,
  effectivePlan,
  periodAt,
  localDay,
  hasFeature,
  type BillingState,
} from './account.js';
export {
  meterCall,
  periodUsage,
  usageByDay,
  usageKindOf,
  NOTICE_THRESHOLDS,
  type MeteredCall,
  type UsageKind,
  type UsageNotice,
  type UsageNoticeSink,
  type UsageDay,
} from './usage.js';
export { admitCall, requireFeature, type Admission } from './limits.js';
export { reportOverage, reportOverageFor, overageIdentifier, type OverageDeps } from './overage.js';
export { createBilling, publicPlans, type Billing, type BillingDeps, type StripeSettings } from './service.js';
export {
  createStripeClient,
  formEncode,
  StripeError,
  STRIPE_API_VERSION,
  type StripeApi,
  type StripeSubscription,
} from './stripe/client.js';
export { verifyStripeSignature, SIGNATURE_TOLERANCE_SEC, type SignatureCheck } from './stripe/signature.js';
export {
  handleStripeEvent,
  statusOf,
  planOfSubscription,
  type StripeEvent,
  type EventOutcome,
} from './stripe/events.js';
