/**
 * Booking an appointment: validate → replay by idempotency key → re-check availability (bookings,
 * holds, calendars) → insert per candidate resource under the exclusion constraint → sync calendars.
 * Two callers offered the same time at once are never both told yes.
 */
import { isSlotAvailable, resourcesFor } from '../../availability/compute-availability.js';
import type { Appointment } from '../../appointment.js';
import { errors } from '../../../lib/index.js';
import { findByIdempotencyKey } from '../../repository/index.js';
import { syncCalendar } from '../after-commit.js';
import { normalizeCustomer } from '../customer.js';
import type { BookingDeps } from '../deps.js';
import { loadAvailability } from '../load-availability.js';
import { refusal } from '../refusal.js';
import { insertForResource } from './insert.js';
import { replayed, validateBookRequest } from './request.js';
import type { BookRequest } from './request.js';

export type { BookRequest } from './request.js';

/** The booked appointment, and whether it is the replay of an earlier request with the same key. */
export interface BookResult {
  readonly appointment: Appointment;
  readonly replayed: boolean;
}

/** Books `req`; SLOT_TAKEN (409) or SLOT_UNAVAILABLE (422), each with alternatives, when it cannot. */
export async function bookAppointment(
  deps: BookingDeps,
  organizationId: string,
  req: BookRequest,
): Promise<BookResult> {
  validateBookRequest(req);
  const customer = normalizeCustomer(req.customer);
  const earlier = await replayed(deps, organizationId, req);
  if (earlier) return { appointment: earlier, replayed: true };
  const { setup, input } = await loadAvailability(deps, organizationId, req.serviceId, {
    from: req.start,
    to: new Date(req.start.getTime() + 60_000),
    staffId: req.staffId,
    viewer: req.holder,
  });
  const resources = resourcesFor(input.staff, input.service.id, req.staffId);
  if (req.staffId && resources.length === 0) throw errors.validation('this staff member does not offer that service');
  const candidates = resources.filter((r) => isSlotAvailable(input, req.start, r.id));
  for (const r of candidates) {
    const out = await insertForResource(deps, organizationId, req, customer, setup, r.id);
    if (out.ok) {
      await syncCalendar(deps, out.appointment, (s) => s.appointmentBooked(out.appointment));
      return { appointment: out.appointment, replayed: false };
    }
    if (out.conflict === 'idempotency_key') {
      // The same request raced itself (a client retry): answer with the one that won.
      const winner = await findByIdempotencyKey(deps.db, organizationId, req.idempotencyKey!);
      if (winner) return { appointment: winner, replayed: true };
    }
  }
  throw await refusal(deps, organizationId, { ...req, viewer: req.holder }, setup.schedule.tz, candidates.length > 0);
}
