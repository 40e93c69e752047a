/** What an appointment looks like in the owner's calendar (and in the ICS feed). */
import type { EventDraft } from './providers/types.js';

/** The parts of an appointment its event shows. */
export interface EventSource {
  readonly id: string;
  readonly start: Date;
  readonly end: Date;
  readonly serviceName: string;
  readonly staffName: string | null;
  readonly customerName: string;
  readonly customerPhone: string | null;
  readonly customerEmail: string | null;
  readonly address: string | null;
  readonly notes: string | null;
}

/** "Drain repair — Dana Whitfield": what the owner scans for in a day view. */
export const eventTitle = (a: EventSource): string => `${a.serviceName} — ${a.customerName}`;

/** The details, one per line, only those known. */
export function eventDescription(a: EventSource): string {
  const lines = [
    `Customer: ${a.customerName}`,
    a.customerPhone && `Phone: ${a.customerPhone}`,
    a.customerEmail && `Email: ${a.customerEmail}`,
    a.address && `Address: ${a.address}`,
    a.staffName && `With: ${a.staffName}`,
    a.notes && `Notes: ${a.notes}`,
    'Booked by InfiniOffice',
  ];
  return lines.filter(Boolean).join('\n');
}

/** The event we write to Google or Microsoft for an appointment. */
export function eventDraft(a: EventSource, timeZone: string): EventDraft {
  return {
    appointmentId: a.id,
    title: eventTitle(a),
    description: eventDescription(a),
    location: a.address,
    start: a.start,
    end: a.end,
    timeZone,
  };
}
