/**
 * Appointment reminders: N hours before each booked appointment, an SMS and/or an outbound call, as
 * the organization's notification settings say. Each reminder is one outbox row whose idempotency key
 * names the appointment, the channel and the hours, so any number of passes (or nodes) queue it once.
 * Cancelled and past appointments get none; a reminder goes out close to its time or not at all. Like
 * confirmations, reminders go only to a trusted number (notify's `trustedContacts`).
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { schema, type Db } from '../db/index.js';
import {
  enqueue,
  loadNotificationSettings,
  messageKey,
  orgSnapshot,
  trustedContacts,
  type Channel,
  type MessagePayload,
  type QueuedMessage,
} from '../notify/index.js';
import type { Clock } from '../lib/index.js';
import { queueOutcomeOf } from './call-queue.js';
import { placeOutboundCall, type OutboundDeps } from './outbound/place.js';

/** The outbox event of a reminder (SMS and call alike). */
export const REMINDER_EVENT = 'appointment.reminder';

const HOUR = 3_600_000;

/**
 * How late a reminder may still go out: a quarter of its lead time, at least an hour. A 24-hour
 * reminder is not sent three hours before (the appointment was booked late, or the server was down);
 * the 2-hour one covers it.
 */
const graceMs = (h: number) => Math.max(HOUR, (h * HOUR) / 4);

/** Of the reminder times (hours before `start`), the one due at `now`, if any. */
export function dueReminder(hoursBefore: number[], start: Date, now: Date): number | null {
  if (now >= start) return null;
  const due = hoursBefore.filter((h) => {
    const at = start.getTime() - h * HOUR;
    return at <= now.getTime() && now.getTime() < at + graceMs(h);
  });
  return due.length ? Math.min(...due) : null;
}

/** Queues the reminders due at `now` for every organization that asked for some; answers how many rows were new. */
export async function queueDueReminders(db: Db, now: Date): Promise<number> {
  const orgs = await db.select({ id: schema.notificationSettings.organizationId }).from(schema.notificationSettings)
    .where(sql`jsonb_array_length(coalesce(${schema.notificationSettings.settings}->'reminders'->'sms'->'hoursBefore', '[]'::jsonb))
      + jsonb_array_length(coalesce(${schema.notificationSettings.settings}->'reminders'->'call'->'hoursBefore', '[]'::jsonb)) > 0`);
  let queued = 0;
  for (const o of orgs) queued += await queueOrgReminders(db, o.id, now);
  return queued;
}

async function queueOrgReminders(db: Db, organizationId: string, now: Date): Promise<number> {
  const { reminders } = await loadNotificationSettings(db, organizationId);
  const horizon = Math.max(0, ...reminders.sms.hoursBefore, ...reminders.call.hoursBefore);
  const appts = await db
    .select({
      id: schema.appointments.id,
      start: schema.appointments.startAt,
      customerName: schema.appointments.customerName,
      customerPhone: schema.appointments.customerPhone,
      callId: schema.appointments.callId,
      serviceName: schema.services.name,
      language: schema.appointments.language,
    })
    .from(schema.appointments)
    .innerJoin(schema.services, eq(schema.services.id, schema.appointments.serviceId))
    .where(
      and(
        eq(schema.appointments.organizationId, organizationId),
        eq(schema.appointments.status, 'booked'),
        gt(schema.appointments.startAt, now),
        lte(schema.appointments.startAt, new Date(now.getTime() + horizon * HOUR)),
      ),
    );
  if (!appts.length) return 0;
  const snap = await orgSnapshot(db, organizationId);
  const messages: QueuedMessage[] = [];
  for (const a of appts) {
    if (!a.customerPhone) continue;
    const due = (['sms', 'call'] as const).map((channel) => ({
      channel,
      h: dueReminder(reminders[channel].hoursBefore, a.start, now),
    }));
    if (due.every((d) => d.h === null)) continue;
    // the same rule as confirmations: a number typed into an anonymous chat is never texted or called
    const { phone } = await trustedContacts(db, { phone: a.customerPhone, email: null }, a.callId);
    if (!phone) continue;
    for (const { channel, h } of due) {
      if (h === null) continue;
      const payload: MessagePayload = {
        template: 'appointment_reminder',
        event: REMINDER_EVENT,
        urgent: false,
        orgName: snap.orgName,
        timezone: snap.timezone,
        from: snap.from,
        language: a.language ?? snap.language,
        data: {
          appointmentId: a.id,
          serviceName: a.serviceName,
          start: a.start.toISOString(),
          customerName: a.customerName,
          hoursBefore: h,
        },
      };
      messages.push({
        organizationId,
        event: REMINDER_EVENT,
        channel,
        recipient: a.customerPhone,
        payload,
        idempotencyKey: messageKey(`reminder:${a.id}:${h}h`, channel, a.customerPhone),
      });
    }
  }
  return enqueue(db, messages, now);
}

/**
 * Delivers a reminder call from the outbox: the agent calls the customer about the appointment (the
 * reminder conversation: 1 confirm, 2 move, 3 cancel). Nothing is placed for an appointment that was
 * cancelled or has started meanwhile, nor twice for one outbox row (a redelivery after a lost lease).
 */
export function reminderCallChannel(deps: OutboundDeps & { clock: Clock }): Channel {
  const { db } = deps;
  return {
    label: 'outbound.reminder-call',
    async send(m) {
      const appointmentId = String(m.payload.data.appointmentId ?? '');
      const now = deps.clock.now();
      const [a] = await db
        .select({ status: schema.appointments.status, start: schema.appointments.startAt })
        .from(schema.appointments)
        .where(
          and(eq(schema.appointments.id, appointmentId), eq(schema.appointments.organizationId, m.organizationId)),
        );
      if (!a || a.status !== 'booked' || a.start <= now) return;
      const [placed] = await db
        .select({ id: schema.calls.id })
        .from(schema.calls)
        .where(
          and(
            eq(schema.calls.organizationId, m.organizationId),
            sql`${schema.calls.metadata}->>'reminderKey' = ${m.idempotencyKey}`,
          ),
        )
        .limit(1);
      if (placed) return;
      try {
        await placeOutboundCall(
          deps,
          m.organizationId,
          { to: m.recipient, purpose: 'reminder', appointmentId, metadata: { reminderKey: m.idempotencyKey } },
          now,
        );
      } catch (e) {
        // On the do-not-call list: never. Outside the window or every line busy: it waits (the appointment check above still applies).
        throw queueOutcomeOf(e, now);
      }
    },
  };
}
