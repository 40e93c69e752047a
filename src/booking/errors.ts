/** The booking module's error catalog: stable codes, their HTTP status, and constructors. */
import { AppError } from '../lib/index.js';
import type { Slot } from './availability/types.js';
import { toLocalIso } from './availability/local-time.js';
import type { UnavailableReason } from './slot-search/explain.js';

/** Codes raised by booking/. */
export const BOOKING_ERROR_CODES = {
  SLOT_TAKEN: 409,
  SLOT_UNAVAILABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_STATUS_CHANGE: 409,
} as const;

/** A slot as the API shows alternatives: ISO instants with the business's offset. */
export interface SlotView {
  readonly start: string;
  readonly end: string;
  readonly staffId: string | null;
}

/** The slot was free when offered but someone else booked or holds it now (409, with alternatives). */
export function slotTaken(alternatives: readonly SlotView[]): AppError {
  return new AppError('SLOT_TAKEN', 'that time was just taken; here are the nearest free times', 409, { alternatives });
}

/** The start is not bookable at all (closed, holiday, too soon, …) — 422 with the reason and alternatives. */
export function slotUnavailable(reason: UnavailableReason, alternatives: readonly SlotView[]): AppError {
  return new AppError('SLOT_UNAVAILABLE', `that time cannot be booked (${reason.replaceAll('_', ' ')})`, 422, {
    reason,
    alternatives,
  });
}

/** The same Idempotency-Key was sent with a different request. */
export function idempotencyKeyReused(): AppError {
  return new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different request', 422);
}

/** A status change that the appointment's current status does not allow. */
export function invalidStatusChange(from: string, to: string): AppError {
  return new AppError('INVALID_STATUS_CHANGE', `an appointment that is ${from} cannot become ${to}`, 409);
}

/** Slots as the API shows them: ISO 8601 instants with the business's UTC offset. */
export function slotViews(slots: readonly Slot[], tz: string): SlotView[] {
  return slots.map((s) => ({
    start: toLocalIso(s.start.getTime(), tz),
    end: toLocalIso(s.end.getTime(), tz),
    staffId: s.staffId,
  }));
}
