/**
 * What booking/ needs from the outside, as small interfaces the composition root fills in:
 * external calendars (busy times in, events out) and an in-transaction event sink (the outbox).
 */
import type { Queryable } from '../db/index.js';
import type { BusyBlock } from './availability/types.js';
import type { Appointment } from './appointment.js';

/** Busy times from connected calendars, read into availability and re-checked at commit. */
export interface BusyTimes {
  /** Busy blocks of the organization in `[from, to)`; `staffId: null` blocks the whole business. */
  busyBetween(organizationId: string, from: Date, to: Date, signal?: AbortSignal): Promise<BusyBlock[]>;
}

/**
 * Mirrors appointments into external calendars. Called after the booking transaction commits; a
 * failure never undoes the booking (the implementation queues and retries its own work).
 */
export interface CalendarSync {
  appointmentBooked(appointment: Appointment): Promise<void>;
  appointmentMoved(
    appointment: Appointment,
    previous: { start: Date; end: Date; staffId: string | null },
  ): Promise<void>;
  appointmentCancelled(appointment: Appointment): Promise<void>;
}

/** A booking fact, announced in the same transaction that records it (for the notify outbox). */
export type BookingEvent =
  | { readonly type: 'appointment.booked'; readonly appointment: Appointment }
  | { readonly type: 'appointment.moved'; readonly appointment: Appointment; readonly previousStart: Date }
  | { readonly type: 'appointment.cancelled'; readonly appointment: Appointment };

/** Writes a booking event inside the transaction `tx` (e.g. into the outbox table). */
export type BookingEventSink = (tx: Queryable, event: BookingEvent) => Promise<void>;
