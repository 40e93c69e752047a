/** Domain objects → the API's JSON, with instants in the business's local offset. */
import { toLocalIso } from '../../../booking/index.js';
import type { Appointment, AppointmentChange } from '../../../booking/index.js';

const iso = (d: Date, tz: string) => toLocalIso(d.getTime(), tz);

/** An appointment as answered by the API. */
export function appointmentView(a: Appointment, tz: string) {
  return {
    id: a.id,
    serviceId: a.serviceId,
    staffId: a.staffId,
    start: iso(a.start, tz),
    end: iso(a.end, tz),
    status: a.status,
    customer: { ...a.customer },
    address: a.address,
    notes: a.notes,
    source: a.source,
    callId: a.callId,
    createdAt: iso(a.createdAt, tz),
    updatedAt: iso(a.updatedAt, tz),
  };
}

/** A history entry as answered by the API. */
export function changeView(c: AppointmentChange, tz: string) {
  return {
    action: c.action,
    fromStart: c.fromStart ? iso(c.fromStart, tz) : null,
    toStart: c.toStart ? iso(c.toStart, tz) : null,
    fromStatus: c.fromStatus,
    toStatus: c.toStatus,
    actor: c.actor,
    at: iso(c.at, tz),
  };
}
