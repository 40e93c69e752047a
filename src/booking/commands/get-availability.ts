/** Free slots of a service in a window, for the API and the brain's check_availability tool. */
import { errors } from '../../lib/index.js';
import { computeAvailability } from '../availability/compute-availability.js';
import type { Slot } from '../availability/types.js';
import type { BookingDeps } from './deps.js';
import { loadAvailability } from './load-availability.js';

/** A window longer than this is refused (a quarter is plenty to pick a time from). */
export const MAX_AVAILABILITY_DAYS = 92;

/** Availability query parameters. */
export interface AvailabilityQuery {
  readonly serviceId: string;
  readonly from: Date;
  readonly to: Date;
  readonly staffId?: string | null;
  readonly viewer?: string | null;
  /** An appointment being moved does not block its own new time. */
  readonly exceptAppointmentId?: string;
}

/** Every free slot (per staff member) whose start lies in `[from, to)`, plus the business's time zone. */
export async function getAvailability(
  deps: BookingDeps,
  organizationId: string,
  q: AvailabilityQuery,
): Promise<{ tz: string; slots: Slot[] }> {
  const span = q.to.getTime() - q.from.getTime();
  if (!(span > 0)) throw errors.validation('`to` must be after `from`');
  if (span > MAX_AVAILABILITY_DAYS * 86_400_000)
    throw errors.validation(`ask for at most ${MAX_AVAILABILITY_DAYS} days at a time`);
  const { setup, input } = await loadAvailability(deps, organizationId, q.serviceId, q);
  return { tz: setup.schedule.tz, slots: computeAvailability(input, { from: q.from, to: q.to }) };
}
