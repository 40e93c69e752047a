/**
 * The facts notify/ announces. Shapes are structural so that booking/, leads/ and calls/ pass their
 * own objects without notify/ importing them (they sit on the same layer).
 */

/** An appointment as booking/ hands it out (the fields notifications use). */
export interface AppointmentFact {
  readonly id: string;
  readonly organizationId: string;
  readonly serviceId: string;
  readonly staffId: string | null;
  readonly start: Date;
  readonly end: Date;
  readonly customer: { readonly name: string; readonly phone: string | null; readonly email: string | null };
  readonly address?: string | null;
  readonly notes?: string | null;
  /** Where it was booked ('api' = by staff, else the conversation's channel) and the conversation's call. */
  readonly source?: string;
  readonly callId?: string | null;
  /** The language the customer booked in (ISO-639-1); their own messages are written in it. */
  readonly language?: string | null;
  /** Changes with every write; tells a second identical move (A→B, B→A, A→B) from a replay of the first. */
  readonly updatedAt?: Date;
}

/** A captured lead. */
export interface LeadFact {
  readonly id: string;
  readonly organizationId: string;
  readonly name?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly address?: string | null;
  readonly need?: string | null;
  readonly priority?: string | null;
}

/** A finished call. */
export interface CallFact {
  readonly id: string;
  readonly organizationId: string;
  readonly from?: string | null;
  readonly outcome?: string | null;
  readonly summary?: string | null;
  readonly durationSec?: number | null;
}

/** Every fact announce() accepts; booking's `BookingEvent` is a member as it is. */
export type OrgEvent =
  | { readonly type: 'appointment.booked'; readonly appointment: AppointmentFact }
  | { readonly type: 'appointment.moved'; readonly appointment: AppointmentFact; readonly previousStart: Date }
  | { readonly type: 'appointment.cancelled'; readonly appointment: AppointmentFact }
  | { readonly type: 'lead.created'; readonly lead: LeadFact }
  | { readonly type: 'lead.urgent'; readonly lead: LeadFact }
  | { readonly type: 'call.completed'; readonly call: CallFact };

/** The organization an event belongs to. */
export function orgOf(e: OrgEvent): string {
  switch (e.type) {
    case 'appointment.booked':
    case 'appointment.moved':
    case 'appointment.cancelled':
      return e.appointment.organizationId;
    case 'lead.created':
    case 'lead.urgent':
      return e.lead.organizationId;
    case 'call.completed':
      return e.call.organizationId;
  }
}

/**
 * The deterministic identity of one fact: the same fact announced twice (a retried request, a
 * replayed transaction) gives the same key, and the outbox's unique index keeps one message.
 */
export function factKey(e: OrgEvent): string {
  switch (e.type) {
    case 'appointment.booked':
      return `appointment.booked:${e.appointment.id}`;
    case 'appointment.moved':
      return `appointment.moved:${e.appointment.id}:${e.previousStart.toISOString()}>${e.appointment.start.toISOString()}@${e.appointment.updatedAt?.toISOString() ?? ''}`;
    case 'appointment.cancelled':
      return `appointment.cancelled:${e.appointment.id}`;
    case 'lead.created':
      return `lead.created:${e.lead.id}`;
    case 'lead.urgent':
      return `lead.urgent:${e.lead.id}`;
    case 'call.completed':
      return `call.completed:${e.call.id}`;
  }
}
