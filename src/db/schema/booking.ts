import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from './columns.js';
import { organizations } from './organizations.js';
import { services, staff } from './business.js';

/**
 * A booked appointment. `resourceKey` is the staff id, or 'org' where the business has no staff;
 * the range [startAt, busyUntil) (busyUntil = end + buffer) of live appointments may not overlap per
 * organization and resource: an EXCLUDE constraint (migration 'appointments_no_overlap') enforces it.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    staffId: uuid('staff_id').references(() => staff.id),
    resourceKey: text('resource_key').notNull(),
    startAt: ts('start_at').notNull(),
    endAt: ts('end_at').notNull(),
    busyUntil: ts('busy_until').notNull(),
    status: text('status', { enum: ['booked', 'cancelled', 'completed', 'no_show'] })
      .notNull()
      .default('booked'),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    address: text('address'),
    notes: text('notes'),
    source: text('source').notNull().default('api'),
    callId: uuid('call_id'),
    /** The language the customer booked in (ISO-639-1, e.g. 'es'): their confirmations, reminders and notices are written in it. Null: the business's own. */
    language: text('language'),
    idempotencyKey: text('idempotency_key'),
    /** External calendar event ids by provider, e.g. { google: "abc", microsoft: "AAMk..." }. */
    externalEvents: jsonb('external_events').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appointments_org_start_idx').on(t.organizationId, t.startAt),
    index('appointments_org_phone_idx').on(t.organizationId, t.customerPhone),
    // A client's key (phone, else lower-cased email), as the caller lookup at every ring reads it.
    index('appointments_org_client_key_idx').on(
      t.organizationId,
      sql`coalesce(${t.customerPhone}, lower(${t.customerEmail}))`,
    ),
    uniqueIndex('appointments_idem_uq').on(t.organizationId, t.idempotencyKey),
    // The appointment a call booked, as every call's completion reads it (most calls book none).
    index('appointments_call_idx')
      .on(t.callId)
      .where(sql`${t.callId} is not null`),
  ],
);

/** A short hold on a slot while a caller confirms; expires by itself. */
export const appointmentHolds = pgTable(
  'appointment_holds',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').notNull(),
    staffId: uuid('staff_id'),
    resourceKey: text('resource_key').notNull(),
    startAt: ts('start_at').notNull(),
    busyUntil: ts('busy_until').notNull(),
    holder: text('holder').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('appointment_holds_org_idx').on(t.organizationId, t.resourceKey, t.expiresAt)],
);

/** Every status change or move of an appointment. */
export const appointmentHistory = pgTable(
  'appointment_history',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStart: ts('from_start'),
    toStart: ts('to_start'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actor: text('actor'),
    createdAt: createdAt(),
  },
  (t) => [index('appointment_history_appt_idx').on(t.appointmentId)],
);

/** A connected external calendar (Google, Microsoft); OAuth tokens encrypted at rest (AES-256-GCM). */
export const integrations = pgTable(
  'integrations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    staffId: uuid('staff_id'),
    status: text('status').notNull().default('connected'),
    accountEmail: text('account_email'),
    calendarId: text('calendar_id'),
    accessTokenEnc: text('access_token_enc'),
    refreshTokenEnc: text('refresh_token_enc'),
    tokenExpiresAt: ts('token_expires_at'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('integrations_org_provider_uq').on(t.organizationId, t.provider)],
);

/** Pending calendar sync work (create/update/delete an external event), retried until it succeeds. */
export const calendarSyncJobs = pgTable(
  'calendar_sync_jobs',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id').notNull(),
    provider: text('provider').notNull(),
    action: text('action').notNull(),
    attempts: text('attempts').notNull().default('0'),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    doneAt: ts('done_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('calendar_sync_due_idx').on(t.doneAt, t.nextAttemptAt)],
);
