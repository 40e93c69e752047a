/** Step 1 of booking: the request, its validation, and the idempotent replay of an earlier result. */
import { errors } from '../../../lib/index.js';
import type { Appointment } from '../../appointment.js';
import { idempotencyKeyReused } from '../../errors.js';
import { findByIdempotencyKey } from '../../repository/index.js';
import type { BookingDeps } from '../deps.js';
import type { CustomerInput } from '../customer.js';

/** A request to book one appointment. */
export interface BookRequest {
  readonly serviceId: string;
  readonly start: Date;
  readonly staffId?: string | null;
  readonly customer: CustomerInput;
  readonly notes?: string | null;
  readonly address?: string | null;
  /** Where the booking came from: `api`, `phone`, `chat`, `dashboard`. */
  readonly source?: string;
  readonly callId?: string | null;
  /** The language the customer booked in (ISO-639-1): their confirmations and reminders are written in it. */
  readonly language?: string | null;
  /** The holder whose hold this booking consumes (and whose hold does not block it). */
  readonly holder?: string | null;
  /** A retried request with the same key returns the first result. */
  readonly idempotencyKey?: string | null;
  /** Who did it, for the history (user id, `agent`, …). */
  readonly actor?: string | null;
}

/** Checks the request's shape beyond what types say. */
export function validateBookRequest(r: BookRequest): void {
  if (Number.isNaN(r.start.getTime())) throw errors.validation('start is not a valid time');
  if (r.start.getTime() % 60_000 !== 0) throw errors.validation('start must be on a whole minute');
  if (r.idempotencyKey != null && !/^[\x21-\x7e]{1,200}$/.test(r.idempotencyKey))
    throw errors.validation('Idempotency-Key must be 1–200 visible ASCII characters');
}

/** True when the stored appointment answers this very request (same service, time, staff and customer). */
function sameRequest(a: Appointment, r: BookRequest): boolean {
  return (
    a.serviceId === r.serviceId &&
    a.start.getTime() === r.start.getTime() &&
    (!r.staffId || a.staffId === r.staffId) &&
    a.customer.name === r.customer.name.trim()
  );
}

/** The appointment an earlier request with this key created, or null; a different request with the key is refused. */
export async function replayed(deps: BookingDeps, organizationId: string, r: BookRequest): Promise<Appointment | null> {
  if (!r.idempotencyKey) return null;
  const earlier = await findByIdempotencyKey(deps.db, organizationId, r.idempotencyKey);
  if (earlier && !sameRequest(earlier, r)) throw idempotencyKeyReused();
  return earlier;
}
