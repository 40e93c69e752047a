import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/** Where the automatic call-back of a lead stands. */
export interface LeadFollowUp {
  status: 'scheduled' | 'calling' | 'done' | 'skipped';
  /** When the call is due (the window may move it later). */
  dueAt: string;
  callId?: string | null;
  /** The call's outcome (`voicemail`, `booked`, `hangup`…) once it ended. */
  outcome?: string | null;
  /** Why no call was placed (`do_not_call`, `already_called`, `handled`). */
  reason?: string | null;
  updatedAt?: string;
}

/** A captured contact and need: what the business follows up on. */
export const leads = pgTable(
  'leads',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    callId: uuid('call_id'),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    need: text('need'),
    kind: text('kind').notNull().default('lead'),
    priority: text('priority', { enum: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] })
      .notNull()
      .default('NORMAL'),
    status: text('status', { enum: ['new', 'contacted', 'qualified', 'won', 'lost', 'closed'] })
      .notNull()
      .default('new'),
    notes: text('notes'),
    /** The escalation ladder's trail: steps taken and the acknowledgement. */
    escalation: jsonb('escalation').$type<Record<string, unknown> | null>(),
    /** The agent's automatic call-back of this lead: when it is due, the call placed and how it ended. */
    followUp: jsonb('follow_up').$type<LeadFollowUp | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('leads_org_created_idx').on(t.organizationId, t.createdAt),
    // A client's key (phone, else lower-cased email), as the caller lookup at every ring reads it.
    index('leads_org_client_key_idx').on(t.organizationId, sql`coalesce(${t.phone}, lower(${t.email}))`),
    // The lead a call captured, as every call's completion reads it (most calls capture none).
    index('leads_call_idx')
      .on(t.callId)
      .where(sql`${t.callId} is not null`),
    // The escalation pass (every second on every node, notify/escalation.ts): only the active ladders, by when their next step is due.
    index('leads_escalation_due_idx')
      .on(sql`(${t.escalation}->>'nextStepAt')`)
      .where(sql`${t.escalation}->>'status' = 'active'`),
  ],
);

/**
 * Acknowledge links of urgent-alert ladders: one random token per ladder step, stored only as its
 * SHA-256 (the raw token travels in that step's messages and is cleared from the outbox once they are
 * sent), looked up by its primary key, valid for 24 hours.
 */
export const escalationAcks = pgTable(
  'escalation_acks',
  {
    tokenHash: text('token_hash').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('escalation_acks_lead_idx').on(t.leadId)],
);
