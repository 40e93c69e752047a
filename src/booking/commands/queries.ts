/** Reading appointments: one, a filtered page, and a caller's upcoming ones by phone. */
import { errors } from '../../lib/index.js';
import type { Appointment, AppointmentChange, AppointmentStatus } from '../appointment.js';
import { getAppointment, listAppointments, listChanges, organizationTimezone } from '../repository/index.js';
import type { BookingDeps } from './deps.js';
import { toE164 } from './customer.js';

/** An appointment with its history. */
export async function getAppointmentWithHistory(
  deps: BookingDeps,
  organizationId: string,
  id: string,
): Promise<Appointment & { history: AppointmentChange[] }> {
  const a = await getAppointment(deps.db, organizationId, id);
  if (!a) throw errors.notFound('appointment');
  return { ...a, history: await listChanges(deps.db, organizationId, id) };
}

/** Filters of the appointment list. */
export interface AppointmentListQuery {
  readonly from?: Date;
  readonly to?: Date;
  readonly statuses?: readonly AppointmentStatus[];
  readonly phone?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

const encodeCursor = (a: Appointment) => Buffer.from(`${a.start.getTime()}|${a.id}`).toString('base64url');
function decodeCursor(c: string): { start: Date; id: string } {
  const [ms, id] = Buffer.from(c, 'base64url').toString().split('|');
  const start = new Date(Number(ms));
  if (!id || Number.isNaN(start.getTime())) throw errors.validation('cursor is not valid');
  return { start, id };
}

/** A page of appointments by start time; `nextCursor` continues it. */
export async function listAppointmentPage(
  deps: BookingDeps,
  organizationId: string,
  q: AppointmentListQuery,
): Promise<{ items: Appointment[]; nextCursor?: string }> {
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 500);
  const phone = q.phone ? (toE164(q.phone) ?? q.phone) : undefined;
  const rows = await listAppointments(deps.db, organizationId, {
    from: q.from,
    to: q.to,
    statuses: q.statuses,
    phone,
    limit: limit + 1,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  const items = rows.slice(0, limit);
  return rows.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1]) } : { items };
}

/**
 * A caller's booked appointments from now on, soonest first ("I need to move my appointment").
 * The phone may be in any common format; an invalid number finds nothing.
 */
export async function findUpcomingByPhone(
  deps: BookingDeps,
  organizationId: string,
  phone: string,
): Promise<Appointment[]> {
  const e164 = toE164(phone);
  if (!e164) return [];
  return listAppointments(deps.db, organizationId, {
    from: deps.clock.now(),
    statuses: ['booked'],
    phone: e164,
    limit: 20,
  });
}

/** The organization's time zone, to show instants as its local times. */
export function timezoneOf(deps: BookingDeps, organizationId: string): Promise<string> {
  return organizationTimezone(deps.db, organizationId);
}
