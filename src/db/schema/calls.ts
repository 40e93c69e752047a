import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { organizations } from './organizations.js';

/** One conversation on any channel (phone, chat, test call), written as it happens. */
export const calls = pgTable(
  'calls',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    callSid: text('call_sid'),
    channel: text('channel', { enum: ['phone', 'chat', 'test'] })
      .notNull()
      .default('phone'),
    direction: text('direction', { enum: ['inbound', 'outbound'] })
      .notNull()
      .default('inbound'),
    from: text('from_number'),
    to: text('to_number'),
    status: text('status').notNull().default('ringing'),
    outcome: text('outcome'),
    engine: text('engine'),
    /** The language the conversation was held in (ISO-639-1), as the agent detected it; null until known. */
    language: text('language'),
    startedAt: ts('started_at').notNull().defaultNow(),
    answeredAt: ts('answered_at'),
    endedAt: ts('ended_at'),
    durationSec: integer('duration_sec'),
    costCents: integer('cost_cents'),
    summary: text('summary'),
    recordingUrl: text('recording_url'),
    recordingSid: text('recording_sid'),
    /** Length and channel count Twilio reported for the recording (2: caller and agent apart). */
    recordingDurationSec: integer('recording_duration_sec'),
    recordingChannels: integer('recording_channels'),
    /** When retention deleted the recording (a late callback never brings it back). */
    recordingDeletedAt: ts('recording_deleted_at'),
    appointmentId: uuid('appointment_id'),
    leadId: uuid('lead_id'),
    /** One-time token handed out in TwiML, consumed by the media stream's start. */
    streamTokenHash: text('stream_token_hash'),
    streamTokenUsedAt: ts('stream_token_used_at'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('calls_org_started_idx').on(t.organizationId, t.startedAt),
    uniqueIndex('calls_call_sid_uq').on(t.callSid),
    // Whether a ringing number has called before (clients/directory.ts findClientByPhone): one index
    // probe per ring instead of a scan of the organization's whole call history.
    index('calls_org_counterparty_idx')
      .on(t.organizationId, sql`(case when ${t.direction} = 'outbound' then ${t.to} else ${t.from} end)`)
      .where(sql`${t.channel} = 'phone'`),
    // The summary writer's claim (calls/summary-job.ts): only calls with a pending summary job, by due time.
    index('calls_summary_job_due_idx')
      .on(sql`(${t.metadata}->'summaryJob'->>'dueAt')`)
      .where(sql`${t.metadata}->'summaryJob' is not null`),
  ],
);

/** One exchange: what the caller said and what the agent answered, with its timings. */
export const callTurns = pgTable(
  'call_turns',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    role: text('role', { enum: ['caller', 'agent'] }).notNull(),
    text: text('text').notNull(),
    asrMs: integer('asr_ms'),
    llmMs: integer('llm_ms'),
    ttsMs: integer('tts_ms'),
    e2eMs: integer('e2e_ms'),
    interrupted: boolean('interrupted').notNull().default(false),
    heardText: text('heard_text'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_turns_call_seq_uq').on(t.callId, t.seq)],
);

/** Anything else that happened on a call: tool calls, state changes, DTMF, errors. */
export const callEvents = pgTable(
  'call_events',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('call_events_call_idx').on(t.callId, t.at),
    // An organization's events of one type, newest first (the unanswered-questions lookup reads tool calls).
    index('call_events_org_type_idx').on(t.organizationId, t.type, t.at),
  ],
);
