/**
 * The brain's only way into the domain: small typed ports the composition root wires to
 * booking/, leads/, notify/ and telephony. Tests use in-memory fakes of the same shapes.
 */
import type { Priority } from './types.js';

/** A bookable time for a service, as the booking module computes it. Times are ISO 8601 with offset. */
export interface Slot {
  start: string;
  end: string;
  staffId?: string;
  staffName?: string;
}

/** The caller's details attached to a booking, lead or message. */
export interface CustomerDetails {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
}

/** An existing appointment, as found by the caller's phone number. */
export interface AppointmentInfo {
  id: string;
  serviceName: string;
  start: string;
  end?: string;
  staffName?: string;
  customerName?: string;
}

/** What to search for: one service inside [from, to). */
export interface SlotQuery {
  serviceName: string;
  serviceId?: string;
  from: string;
  to: string;
  staffName?: string;
  limit?: number;
  /** The caller's appointment being moved: its own time does not block its new one. */
  exceptAppointmentId?: string;
}

/** Outcome of a command that may lose a race for the slot. */
export type SlotCommandResult =
  | { ok: true; appointment: AppointmentInfo }
  | { ok: false; reason: 'slot_taken' | 'not_found' | 'invalid'; message?: string; alternatives?: Slot[] };

/** Booking commands and queries (booking/). */
export interface BookingPort {
  findSlots(query: SlotQuery): Promise<Slot[]>;
  /** Optional short hold while the caller confirms; absent when the booking module has none. */
  holdSlot?(input: { serviceName: string; slot: Slot }): Promise<{ holdId: string } | null>;
  book(input: {
    serviceName: string;
    serviceId?: string;
    slot: Slot;
    customer: CustomerDetails;
    notes?: string;
    idempotencyKey: string;
    /** The language the conversation is held in (ISO-639-1): the customer's confirmations and reminders are written in it. */
    language?: string;
  }): Promise<SlotCommandResult>;
  findUpcomingAppointments(phone: string): Promise<AppointmentInfo[]>;
  reschedule(input: { appointmentId: string; slot: Slot; idempotencyKey: string }): Promise<SlotCommandResult>;
  cancel(input: { appointmentId: string; reason?: string }): Promise<{ ok: boolean }>;
}

/** Lead capture and message taking (leads/). */
export interface LeadsPort {
  captureLead(input: CustomerDetails & { need: string; priority: Priority }): Promise<{ id: string }>;
  takeMessage(input: CustomerDetails & { text: string; urgent?: boolean }): Promise<{ id: string }>;
}

/** Emergencies and live hand-off (notify/ alert ladder, telephony transfer). */
export interface EscalationPort {
  /**
   * Record the emergency as a lead (the brain captures no other lead for it) and start the owner
   * escalation; answers which channels were notified (none when no alert went out).
   */
  escalateEmergency(
    input: CustomerDetails & {
      priority: Priority;
      summary: string;
      duringHours: boolean;
      leadId?: string;
    },
  ): Promise<{ notified: string[] }>;
  /** Rings `to`, who hears `whisper` (who is calling and why) and may decline; accepted once the caller is connected. */
  transferToHuman(input: { to: string; reason: string; whisper: string }): Promise<{ accepted: boolean }>;
}

/** Optional external knowledge search; the brain ranks the business's own entries itself when absent. */
export interface KnowledgePort {
  searchKnowledge(query: string): Promise<Array<{ text: string; score: number }>>;
}

/**
 * Proof of who is writing on a channel without caller ID (the chat): a one-time code sent by SMS to
 * the number on the appointment. The port rate-limits sends, expires codes and caps attempts.
 */
export interface VerificationPort {
  /**
   * Texts a code to `phone` when it is the number of an upcoming appointment; answers `sent: true`
   * either way (the chat must not learn whether a number is a customer), false only when rate-limited.
   */
  sendCode(phone: string): Promise<{ sent: boolean }>;
  /** Checks a code for `phone`; `final` when no further attempt may be made (locked or expired). */
  checkCode(phone: string, code: string): Promise<{ ok: boolean; final: boolean }>;
}

/** The `deps` object a conversation is created with. */
export interface BrainPorts {
  booking: BookingPort;
  leads: LeadsPort;
  escalation: EscalationPort;
  knowledge?: KnowledgePort;
  verification?: VerificationPort;
}
