/** The appointment as booking/ hands it out, and the mapping from its database row. */
import type { schema } from '../db/index.js';

/** Lifecycle of an appointment; only `booked` ones occupy time. */
export type AppointmentStatus = 'booked' | 'cancelled' | 'completed' | 'no_show';
/** Every status, for validation. */
export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'completed', 'no_show'] as const;

/** Who the appointment is for. */
export interface Customer {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** A booked (or formerly booked) appointment. `busyUntil` is its end plus the service's buffer. */
export interface Appointment {
  readonly id: string;
  readonly organizationId: string;
  readonly serviceId: string;
  readonly staffId: string | null;
  readonly start: Date;
  readonly end: Date;
  readonly busyUntil: Date;
  readonly status: AppointmentStatus;
  readonly customer: Customer;
  readonly address: string | null;
  readonly notes: string | null;
  readonly source: string;
  readonly callId: string | null;
  /** The language the customer booked in (ISO-639-1); null: the business's own. Their messages are written in it. */
  readonly language: string | null;
  readonly externalEvents: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One entry of an appointment's history. */
export interface AppointmentChange {
  readonly action: 'created' | 'rescheduled' | 'status_changed' | 'cancelled';
  readonly fromStart: Date | null;
  readonly toStart: Date | null;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly actor: string | null;
  readonly at: Date;
}

type Row = typeof schema.appointments.$inferSelect;
type HistoryRow = typeof schema.appointmentHistory.$inferSelect;

/** The resource an appointment occupies: its staff member, or the business itself. */
export const resourceKeyOf = (staffId: string | null): string => staffId ?? 'org';

/** Row → Appointment. */
export function toAppointment(r: Row): Appointment {
  return {
    id: r.id,
    organizationId: r.organizationId,
    serviceId: r.serviceId,
    staffId: r.staffId,
    start: r.startAt,
    end: r.endAt,
    busyUntil: r.busyUntil,
    status: r.status,
    customer: { name: r.customerName, phone: r.customerPhone, email: r.customerEmail },
    address: r.address,
    notes: r.notes,
    source: r.source,
    callId: r.callId,
    language: r.language,
    externalEvents: r.externalEvents,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** History row → AppointmentChange. */
export function toChange(r: HistoryRow): AppointmentChange {
  return {
    action: r.action as AppointmentChange['action'],
    fromStart: r.fromStart,
    toStart: r.toStart,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    actor: r.actor,
    at: r.createdAt,
  };
}
