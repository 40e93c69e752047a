/**
 * announce(): turns a fact into outbox rows inside the transaction that records the fact — one per
 * recipient and channel as the organization's settings say, each with a deterministic idempotency
 * key — and starts the escalation ladder for urgent leads.
 */
import { and, eq, sql } from 'drizzle-orm';
import { jsonValue, schema, type Queryable } from '../db/index.js';
import { systemClock, type Clock } from '../lib/index.js';
import { startEscalationIn } from './escalation.js';
import { trustedContacts } from './trusted-contacts.js';
import { factKey, orgOf, type AppointmentFact, type OrgEvent } from './events.js';
import { enqueue, messageKey, SNAPSHOT_COLUMNS, snapshotOf, type OrgSnapshot, type QueuedMessage } from './outbox.js';
import { quietUntil, settingsOf, SETTINGS_COLUMNS, type NotificationSettings } from './settings.js';
import type { MessagePayload, TemplateName } from './templates.js';

/** Writes an event's notifications inside `tx`; usable as booking's `BookingEventSink`. */
export type Announce = (tx: Queryable, event: OrgEvent) => Promise<void>;

type Data = MessagePayload['data'];

async function appointmentData(q: Queryable, a: AppointmentFact, previousStart?: Date): Promise<Data> {
  const [svc] = await q
    .select({ name: schema.services.name })
    .from(schema.services)
    .where(eq(schema.services.id, a.serviceId));
  return {
    appointmentId: a.id,
    serviceName: svc?.name ?? null,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    previousStart: previousStart?.toISOString() ?? null,
    customerName: a.customer.name,
    customerPhone: a.customer.phone,
    customerEmail: a.customer.email,
    address: a.address ?? null,
    notes: a.notes ?? null,
  };
}

/** The template each audience receives for an event. */
const OWNER_TEMPLATE: Record<OrgEvent['type'], TemplateName> = {
  'appointment.booked': 'owner_booking',
  'appointment.moved': 'reschedule_notice',
  'appointment.cancelled': 'cancel_notice',
  'lead.created': 'new_lead',
  'lead.urgent': 'urgent_alert',
  'call.completed': 'call_completed',
};
const CUSTOMER_TEMPLATE: Partial<Record<OrgEvent['type'], TemplateName>> = {
  'appointment.booked': 'booking_confirmation',
  'appointment.moved': 'reschedule_notice',
  'appointment.cancelled': 'cancel_notice',
};

async function dataOf(q: Queryable, e: OrgEvent): Promise<Data> {
  switch (e.type) {
    case 'appointment.booked':
    case 'appointment.cancelled':
      return appointmentData(q, e.appointment);
    case 'appointment.moved':
      return appointmentData(q, e.appointment, e.previousStart);
    case 'lead.created':
    case 'lead.urgent': {
      const l = e.lead;
      return {
        leadId: l.id,
        name: l.name ?? null,
        phone: l.phone ?? null,
        email: l.email ?? null,
        address: l.address ?? null,
        need: l.need ?? null,
        priority: l.priority ?? null,
      };
    }
    case 'call.completed': {
      const c = e.call;
      return {
        callId: c.id,
        from: c.from ?? null,
        outcome: c.outcome ?? null,
        summary: c.summary ?? null,
        durationSec: c.durationSec ?? null,
      };
    }
  }
}

interface Ctx {
  e: OrgEvent;
  organizationId: string;
  fact: string;
  snap: OrgSnapshot;
  data: Data;
  s: NotificationSettings;
  /** The organization's webhooks (each subscribed to some events). */
  hooks: Hook[];
  now: Date;
}

type Hook = { id: string; url: string; events: string[] };

/**
 * What every announcement of an organization reads — its snapshot, its notification settings with the
 * business's contacts, and its webhooks — in one statement (they were four, for every booking, lead
 * and call announced; calls end in bursts).
 */
async function announcementContext(
  q: Queryable,
  organizationId: string,
): Promise<{ snap: OrgSnapshot; s: NotificationSettings; hooks: Hook[] }> {
  const [row] = await q
    .select({
      ...SNAPSHOT_COLUMNS,
      ...SETTINGS_COLUMNS,
      hooks: sql<unknown>`(select coalesce(json_agg(json_build_object('id', w.id, 'url', w.url, 'events', w.events)), '[]'::json)
        from webhooks w where w.organization_id = organizations.id)`,
    })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  return { snap: snapshotOf(row), s: settingsOf(row), hooks: jsonValue<Hook[] | null>(row?.hooks) ?? [] };
}

const payloadFor = (c: Ctx, template: TemplateName, urgent: boolean): MessagePayload => ({
  template,
  event: c.e.type,
  urgent,
  orgName: c.snap.orgName,
  timezone: c.snap.timezone,
  from: c.snap.from,
  data: c.data,
});

/** The owner's messages (not for urgent leads: the ladder carries those); quiet hours defer them. */
function ownerMessages(c: Ctx): QueuedMessage[] {
  if (c.e.type === 'lead.urgent') return [];
  // An urgent lead is also announced as lead.urgent; its ladder tells the owner, a "new lead" would repeat it.
  if (c.e.type === 'lead.created' && c.e.lead.priority === 'URGENT') return [];
  const payload = payloadFor(c, OWNER_TEMPLATE[c.e.type], false);
  const notBefore = quietUntil(c.now, c.s.quietHours, c.snap.timezone);
  const out: QueuedMessage[] = [];
  for (const ch of c.s.events[c.e.type]) {
    const to = ch === 'email' ? c.s.emails : c.s.phones;
    for (const r of to)
      out.push({
        organizationId: c.organizationId,
        event: c.e.type,
        channel: ch,
        recipient: r,
        payload,
        idempotencyKey: messageKey(`${c.fact}:owner`, ch, r),
        notBefore,
      });
  }
  return out;
}

/** The customer's own confirmation or notice, by email and SMS as the settings allow, to trusted contacts only. */
async function customerMessages(q: Queryable, c: Ctx): Promise<QueuedMessage[]> {
  const template = CUSTOMER_TEMPLATE[c.e.type];
  if (!template || !('appointment' in c.e)) return [];
  const { email, phone } = await trustedContacts(q, c.e.appointment.customer, c.e.appointment.callId);
  // written in the language the customer booked in (the business's main one when staff booked it)
  const payload: MessagePayload = {
    ...payloadFor(c, template, false),
    language: c.e.appointment.language ?? c.snap.language,
  };
  const out: QueuedMessage[] = [];
  if (email && c.s.customer.email)
    out.push({
      organizationId: c.organizationId,
      event: c.e.type,
      channel: 'email',
      recipient: email,
      payload,
      idempotencyKey: messageKey(`${c.fact}:customer`, 'email', email),
    });
  if (phone && c.s.customer.sms)
    out.push({
      organizationId: c.organizationId,
      event: c.e.type,
      channel: 'sms',
      recipient: phone,
      payload,
      idempotencyKey: messageKey(`${c.fact}:customer`, 'sms', phone),
    });
  return out;
}

/** One delivery per webhook subscribed to the event. */
function webhookMessages(c: Ctx): QueuedMessage[] {
  return c.hooks
    .filter((h) => h.events.includes(c.e.type))
    .map((h) => ({
      organizationId: c.organizationId,
      event: c.e.type,
      channel: 'webhook' as const,
      recipient: h.url,
      payload: { ...payloadFor(c, OWNER_TEMPLATE[c.e.type], c.e.type === 'lead.urgent'), webhookId: h.id },
      idempotencyKey: messageKey(`${c.fact}:webhook:${h.id}`, 'webhook', h.url),
    }));
}

/** An urgent lead as a push notification on every browser of the organization that asked for them (not deferred by quiet hours). */
async function pushMessages(q: Queryable, c: Ctx): Promise<QueuedMessage[]> {
  if (c.e.type !== 'lead.urgent') return [];
  const subs = await q
    .select({ id: schema.pushSubscriptions.id })
    .from(schema.pushSubscriptions)
    .where(eq(schema.pushSubscriptions.organizationId, c.organizationId));
  const payload = payloadFor(c, 'urgent_alert', true);
  return subs.map((s) => ({
    organizationId: c.organizationId,
    event: c.e.type,
    channel: 'push' as const,
    recipient: s.id,
    payload,
    idempotencyKey: messageKey(`${c.fact}:push`, 'push', s.id),
  }));
}

/** Builds an announcer around a clock (due times, quiet hours and the ladder's waits use it). */
export function createAnnouncer(clock: Clock = systemClock): Announce {
  return async (tx, e) => {
    const organizationId = orgOf(e);
    const now = clock.now();
    const { snap, s, hooks } = await announcementContext(tx, organizationId);
    const data = await dataOf(tx, e);
    const c: Ctx = { e, organizationId, fact: factKey(e), snap, data, s, hooks, now };
    await enqueue(
      tx,
      [...ownerMessages(c), ...(await customerMessages(tx, c)), ...webhookMessages(c), ...(await pushMessages(tx, c))],
      now,
    );
    if (e.type === 'lead.urgent') await startEscalationIn(tx, e.lead, now, s);
  };
}

/** announce() on the system clock: the outbox sink for booking, leads and calls. */
export const announce: Announce = createAnnouncer();

/** A notice for the owner that is not an organization event (billing's usage notices): the owner's emails, or the admins' when none are set. */
export interface OwnerNotice {
  organizationId: string;
  fact: string;
  event: string;
  template: TemplateName;
  data: Data;
}

/** Queues an owner notice inside `tx`, once per `fact` (its idempotency key). */
export async function queueOwnerNotice(tx: Queryable, n: OwnerNotice, now: Date): Promise<number> {
  const { snap, s } = await announcementContext(tx, n.organizationId);
  let emails = s.emails;
  if (!emails.length) {
    const admins = await tx
      .select({ email: schema.users.email })
      .from(schema.users)
      .where(and(eq(schema.users.organizationId, n.organizationId), eq(schema.users.role, 'admin')));
    emails = admins.map((a) => a.email);
  }
  const payload: MessagePayload = {
    template: n.template,
    event: n.event,
    urgent: false,
    orgName: snap.orgName,
    timezone: snap.timezone,
    from: snap.from,
    data: n.data,
  };
  return enqueue(
    tx,
    emails.map((r) => ({
      organizationId: n.organizationId,
      event: n.event,
      channel: 'email' as const,
      recipient: r,
      payload,
      idempotencyKey: messageKey(`${n.fact}:owner`, 'email', r),
    })),
    now,
  );
}
