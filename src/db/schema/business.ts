import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/** Weekly opening hours: weekday → list of [open, close] local "HH:MM" ranges. */
export type WeeklyHours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;

/** An emergency phrase and the priority it raises. */
export interface EmergencyKeyword {
  phrase: string;
  priority: 'URGENT' | 'HIGH' | 'NORMAL';
}

/** The business's configuration document (one per organization). */
export const businessConfigs = pgTable('business_configs', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  hours: jsonb('hours').$type<WeeklyHours>().notNull().default({}),
  holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
  greeting: text('greeting').notNull().default(''),
  address: text('address'),
  escalationNumber: text('escalation_number'),
  notifyEmail: text('notify_email'),
  notifyPhone: text('notify_phone'),
  afterHours: text('after_hours', { enum: ['answer', 'voicemail', 'forward'] })
    .notNull()
    .default('answer'),
  minNoticeMin: integer('min_notice_min').notNull().default(60),
  maxDaysAhead: integer('max_days_ahead').notNull().default(60),
  slotStepMin: integer('slot_step_min').notNull().default(15),
  emergencyKeywords: jsonb('emergency_keywords').$type<EmergencyKeyword[]>().notNull().default([]),
  maxCallMinutes: integer('max_call_minutes').notNull().default(15),
  /** Calls are recorded (dual-channel, through Twilio) and the greeting says so first; off unless the owner turns it on. */
  recordCalls: boolean('record_calls').notNull().default(false),
  /** Recordings older than this many days are deleted (at Twilio and here). */
  recordingRetentionDays: integer('recording_retention_days').notNull().default(90),
  updatedAt: updatedAt(),
});

/** A bookable service with its length and the words callers use for it. */
export const services = pgTable(
  'services',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    durationMin: integer('duration_min').notNull(),
    bufferMin: integer('buffer_min').notNull().default(0),
    priceCents: integer('price_cents'),
    synonyms: jsonb('synonyms').$type<string[]>().notNull().default([]),
    /** Done at the customer's place (the agent asks for the address); null: as the industry does (plumbing, HVAC, electrical). */
    onSite: boolean('on_site'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('services_org_idx').on(t.organizationId)],
);

/** A staff member (provider) who can be booked for some services. */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    serviceIds: jsonb('service_ids').$type<string[]>().notNull().default([]),
    hours: jsonb('hours').$type<WeeklyHours | null>(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('staff_org_idx').on(t.organizationId)],
);

/** A phone number that routes inbound calls to an organization. */
export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    e164: text('e164').notNull(),
    provider: text('provider').notNull().default('twilio'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('phone_numbers_e164_uq').on(t.e164), index('phone_numbers_org_idx').on(t.organizationId)],
);

/** The agent's voice and model settings (one per organization). */
export const agents = pgTable('agents', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  engine: text('engine', { enum: ['pipeline', 'realtime'] })
    .notNull()
    .default('pipeline'),
  language: text('language').notNull().default('en-US'),
  voice: text('voice').notNull().default('default'),
  persona: text('persona').notNull().default(''),
  stt: text('stt').notNull().default('auto'),
  tts: text('tts').notNull().default('auto'),
  llm: text('llm').notNull().default('auto'),
  /** The organization's own Twilio credentials (auth token encrypted), overriding the server's. */
  twilioAccountSid: text('twilio_account_sid'),
  twilioAuthTokenEnc: text('twilio_auth_token_enc'),
  updatedAt: updatedAt(),
});

/** A knowledge-base entry the agent may answer from. */
export const knowledgeItems = pgTable(
  'knowledge_items',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    question: text('question'),
    title: text('title'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('knowledge_org_idx').on(t.organizationId)],
);
