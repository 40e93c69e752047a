/** Reads everything availability needs for one service and window, then hands it to the pure core. */
import { errors } from '../../lib/index.js';
import type { AvailabilityInput, BusyBlock } from '../availability/types.js';
import { blockedBusy, busyRangesBetween, liveHolds, loadBookingSetup } from '../repository/index.js';
import type { BookingSetup } from '../repository/index.js';
import type { BookingDeps } from './deps.js';

const DAY = 86_400_000;

/** Which window to load and from whose point of view. */
export interface LoadOptions {
  readonly from: Date;
  readonly to: Date;
  readonly staffId?: string | null;
  /** The holder asking (a call or chat session): their own holds do not block them. */
  readonly viewer?: string | null;
  /** An appointment being moved does not block its own new time. */
  readonly exceptAppointmentId?: string;
}

/** The loaded setup and the pure input built from it. */
export interface LoadedAvailability {
  readonly setup: BookingSetup;
  readonly input: AvailabilityInput;
}

/** Calendar busy times; a calendar that is down must not stop bookings, so failures count as "no busy times". */
async function calendarBusy(deps: BookingDeps, organizationId: string, from: Date, to: Date): Promise<BusyBlock[]> {
  if (!deps.calendar?.busy) return [];
  try {
    return await deps.calendar.busy.busyBetween(organizationId, from, to, AbortSignal.timeout(3000));
  } catch (err) {
    deps.logger?.warn({ err, organizationId }, 'calendar busy times unavailable; using bookings only');
    return [];
  }
}

/** Loads setup, bookings, live holds, calendar busy times and blocked time around `[from, to)`. */
export async function loadAvailability(
  deps: BookingDeps,
  organizationId: string,
  serviceId: string,
  o: LoadOptions,
): Promise<LoadedAvailability> {
  const setup = await loadBookingSetup(deps.db, organizationId, serviceId);
  if (o.staffId && !setup.staff.some((s) => s.id === o.staffId)) throw errors.notFound('staff member');
  const now = deps.clock.now();
  // A slot starting in the window may reach up to a day past it; an appointment may have started a day before.
  const from = new Date(o.from.getTime() - DAY);
  const to = new Date(o.to.getTime() + DAY);
  const [appointments, holds, calendar, blocked] = await Promise.all([
    busyRangesBetween(deps.db, organizationId, from, to, o.exceptAppointmentId),
    liveHolds(deps.db, organizationId, now, from, to),
    calendarBusy(deps, organizationId, from, to),
    // breaks and time off block like a connected calendar's busy times
    blockedBusy(deps.db, organizationId, from, to),
  ]);
  const busy = [...calendar, ...blocked];
  const input: AvailabilityInput = {
    schedule: setup.schedule,
    service: setup.service,
    staff: setup.staff,
    staffId: o.staffId ?? null,
    // busyUntil already includes each appointment's own buffer.
    appointments: appointments.map((a) => ({ start: a.start, end: a.busyUntil, staffId: a.staffId, bufferMin: 0 })),
    busy,
    holds,
    viewer: o.viewer ?? null,
    now,
  };
  return { setup, input };
}
