import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/**
 * An organization's billing state: its plan, trial, subscription (from Stripe's webhooks) and the
 * owner's hard cap. One row per organization, created with the trial at sign-up (or on first read).
 */
export const billingAccounts = pgTable('billing_accounts', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  plan: text('plan', { enum: ['starter', 'growth', 'scale'] }).notNull(),
  status: text('status', { enum: ['trialing', 'active', 'past_due', 'canceled'] }).notNull(),
  trialEndsAt: ts('trial_ends_at'),
  /** Every feature forever, never billed (the embedded demo business, test organizations). */
  complimentary: boolean('complimentary').notNull().default(false),
  /** Minutes per period after which calls go to voicemail; null = overage allowed. */
  hardCapMinutes: integer('hard_cap_minutes'),
  stripeCustomerId: text('stripe_customer_id').unique(),
  stripeSubscriptionId: text('stripe_subscription_id'),
  /** The Stripe `created` time of the newest subscription event applied: older ones never roll it back. */
  subscriptionEventAt: ts('subscription_event_at'),
  currentPeriodStart: ts('current_period_start'),
  currentPeriodEnd: ts('current_period_end'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Billable usage per organization, local day and kind of conversation (inbound, outbound, chat). */
export const usageDays = pgTable(
  'usage_days',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The organization's local date, YYYY-MM-DD. */
    day: text('day').notNull(),
    kind: text('kind', { enum: ['inbound', 'outbound', 'chat'] }).notNull(),
    calls: integer('calls').notNull().default(0),
    seconds: integer('seconds').notNull().default(0),
    /** Seconds after each call was rounded up to the plan's increment. */
    billableSeconds: integer('billable_seconds').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.kind] })],
);

/**
 * Things that happen at most once per organization and billing period: the 80% and 100% notices and
 * the overage report to Stripe (with the minutes reported).
 */
export const billingPeriodMarks = pgTable(
  'billing_period_marks',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    periodStart: text('period_start').notNull(),
    kind: text('kind', { enum: ['usage_80', 'usage_100', 'overage_reported'] }).notNull(),
    quantity: integer('quantity'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.periodStart, t.kind] })],
);

/** Stripe webhook events already handled (by event id), so a replay changes nothing. */
export const stripeEvents = pgTable(
  'stripe_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    organizationId: uuid('organization_id'),
    receivedAt: createdAt(),
  },
  (t) => [index('stripe_events_org_idx').on(t.organizationId)],
);
