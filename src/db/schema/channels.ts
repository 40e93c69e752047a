import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/** Local weekday names, as in opening hours. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** When outbound calls may be placed: local days and an "HH:MM"–"HH:MM" range in the business's time zone. */
export interface CallingWindow {
  days: Weekday[];
  from: string;
  to: string;
}

/** How the business reaches customers outside inbound calls: the website widget and outbound calling rules. */
export const channelSettings = pgTable('channel_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** Sites allowed to embed the chat widget (exact origins: scheme, host and port). */
  allowedOrigins: jsonb('allowed_origins').$type<string[]>().notNull().default([]),
  widgetColor: text('widget_color').notNull().default('#2563eb'),
  widgetPosition: text('widget_position', { enum: ['bottom-right', 'bottom-left'] })
    .notNull()
    .default('bottom-right'),
  /** The widget's first line; null uses the agent's greeting. */
  widgetGreeting: text('widget_greeting'),
  /** The default window for outbound calls (9:00–20:00 every day unless changed). */
  callingWindow: jsonb('calling_window')
    .$type<CallingWindow>()
    .notNull()
    .default({ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '09:00', to: '20:00' }),
  /** A chat's "call me back" also places an outbound call (not only a callback task). */
  callbackCalls: boolean('callback_calls').notNull().default(false),
  /** At most this many outbound calls of the organization are placed or in progress at once; more wait their turn. */
  maxConcurrentCalls: integer('max_concurrent_calls').notNull().default(10),
  /** A new website-chat or missed-call lead is called back by the agent `followUpDelayMin` minutes later. */
  followUpLeads: boolean('follow_up_leads').notNull().default(false),
  followUpDelayMin: integer('follow_up_delay_min').notNull().default(5),
  updatedAt: updatedAt(),
});

/** Numbers the business must never call (asked by the customer, or added by staff). */
export const doNotCall = pgTable(
  'do_not_call',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    e164: text('e164').notNull(),
    reason: text('reason'),
    /** `manual` (staff), `opt_out` (the customer said "remove me" on a call). */
    source: text('source', { enum: ['manual', 'opt_out'] })
      .notNull()
      .default('manual'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('do_not_call_org_e164_uq').on(t.organizationId, t.e164)],
);

/** A list of numbers the agent calls for one purpose, paced and windowed. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default('custom'),
    instructions: text('instructions').notNull().default(''),
    window: jsonb('window').$type<CallingWindow>().notNull(),
    callsPerMinute: integer('calls_per_minute').notNull().default(2),
    maxAttempts: integer('max_attempts').notNull().default(3),
    status: text('status', { enum: ['draft', 'running', 'paused', 'done'] })
      .notNull()
      .default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('campaigns_org_idx').on(t.organizationId, t.createdAt)],
);

/** One number of a campaign and how far it got. */
export const campaignTargets = pgTable(
  'campaign_targets',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    e164: text('e164').notNull(),
    status: text('status', {
      enum: ['pending', 'calling', 'answered', 'voicemail', 'no_answer', 'failed', 'opted_out'],
    })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastCallId: uuid('last_call_id'),
    lastError: text('last_error'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('campaign_targets_uq').on(t.campaignId, t.e164),
    index('campaign_targets_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
