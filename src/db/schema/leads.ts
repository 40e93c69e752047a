import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/** A captured contact and need: what the business follows up on. */
export const leads = pgTable('leads', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  callId: uuid('call_id'),
  name: text('name'),
  phone: text('phone'),
  email: text('email'),
  address: text('address'),
  need: text('need'),
  kind: text('kind').notNull().default('lead'),
  priority: text('priority', { enum: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] }).notNull().default('NORMAL'),
  status: text('status', { enum: ['new', 'contacted', 'qualified', 'won', 'lost', 'closed'] }).notNull().default('new'),
  notes: text('notes'),
  /** The escalation ladder's trail: steps taken and the acknowledgement. */
  escalation: jsonb('escalation').$type<Record<string, unknown> | null>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('leads_org_created_idx').on(t.organizationId, t.createdAt)]);
