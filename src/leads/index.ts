/** leads/: captured contacts and needs, their priority and follow-up status. */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors, isUuid } from '../lib/index.js';

export type LeadRow = typeof schema.leads.$inferSelect;
export type LeadPriority = LeadRow['priority'];
export type LeadStatus = LeadRow['status'];

/** A lead fact, announced inside the transaction that records it (the notify outbox). */
export type LeadEvent = { type: 'lead.created' | 'lead.urgent'; lead: LeadRow };
/** Writes a lead event inside `tx`. */
export type LeadEventSink = (tx: Queryable, event: LeadEvent) => Promise<void>;

/** What a conversation captured about a caller. */
export interface NewLead {
  organizationId: string;
  callId?: string | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  need?: string | null;
  kind?: 'lead' | 'message' | 'emergency';
  priority?: LeadPriority;
}

/**
 * Records a lead (or a message, or an emergency) and announces it in the same transaction. One call
 * keeps one lead: capturing again on the same call completes the earlier record instead of adding one.
 */
export async function captureLead(db: Db, announce: LeadEventSink | undefined, input: NewLead): Promise<LeadRow> {
  return db.transaction(async (tx) => {
    const existing = input.callId
      ? (
          await tx
            .select()
            .from(schema.leads)
            .where(and(eq(schema.leads.organizationId, input.organizationId), eq(schema.leads.callId, input.callId)))
            .for('update')
        )[0]
      : undefined;
    const fields = Object.fromEntries(
      Object.entries({
        name: input.name,
        phone: input.phone,
        email: input.email,
        address: input.address,
        need: input.need,
        kind: input.kind,
        priority: input.priority,
      }).filter(([, v]) => v !== undefined && v !== null),
    ) as Partial<LeadRow>;
    let lead: LeadRow;
    let wasUrgent = false;
    if (existing) {
      wasUrgent = existing.priority === 'URGENT';
      const priority = rankHigher(existing.priority, fields.priority);
      // a message left after an emergency on the same call ("I've turned the stopcock off") stays with the emergency
      const kind = existing.kind === 'emergency' ? existing.kind : (fields.kind ?? existing.kind);
      [lead] = await tx
        .update(schema.leads)
        .set({ ...fields, kind, need: mergeNeed(existing.need, fields.need), priority, updatedAt: new Date() })
        .where(eq(schema.leads.id, existing.id))
        .returning();
    } else {
      [lead] = await tx
        .insert(schema.leads)
        .values({ organizationId: input.organizationId, callId: input.callId ?? null, ...fields })
        .returning();
      await announce?.(tx, { type: 'lead.created', lead });
    }
    if (lead.priority === 'URGENT' && !wasUrgent) await announce?.(tx, { type: 'lead.urgent', lead });
    if (input.callId)
      await tx
        .update(schema.calls)
        .set({ leadId: lead.id })
        .where(and(eq(schema.calls.id, input.callId), eq(schema.calls.organizationId, input.organizationId)));
    return lead;
  });
}

const ORDER: LeadPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const rankHigher = (a: LeadPriority, b?: LeadPriority) => (b && ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a);
const mergeNeed = (a: string | null, b?: string | null) => (!b ? a : !a || a.includes(b) ? (a ?? b) : `${a}; ${b}`);

/** Leads, newest first, filtered by status and priority. */
export async function listLeads(
  db: Db,
  organizationId: string,
  f: { status?: LeadStatus; priority?: LeadPriority; limit?: number } = {},
) {
  const where: SQL[] = [eq(schema.leads.organizationId, organizationId)];
  if (f.status) where.push(eq(schema.leads.status, f.status));
  if (f.priority) where.push(eq(schema.leads.priority, f.priority));
  return db
    .select()
    .from(schema.leads)
    .where(and(...where))
    .orderBy(desc(schema.leads.createdAt))
    .limit(Math.min(f.limit ?? 200, 500));
}

/** One lead; another organization's id is NOT_FOUND. */
export async function getLead(db: Db, organizationId: string, id: string): Promise<LeadRow> {
  if (!isUuid(id)) throw errors.notFound('lead');
  const [lead] = await db
    .select()
    .from(schema.leads)
    .where(and(eq(schema.leads.id, id), eq(schema.leads.organizationId, organizationId)));
  if (!lead) throw errors.notFound('lead');
  return lead;
}

/** Changes a lead's follow-up status, priority or notes. */
export async function updateLead(
  db: Db,
  organizationId: string,
  id: string,
  patch: { status?: LeadStatus; priority?: LeadPriority; notes?: string | null },
) {
  await getLead(db, organizationId, id);
  const [lead] = await db
    .update(schema.leads)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(schema.leads.id, id), eq(schema.leads.organizationId, organizationId)))
    .returning();
  return lead;
}
