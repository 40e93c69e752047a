/** Calendar sync after a commit: never undoes or fails the booking. */
import type { Appointment } from '../appointment.js';
import type { CalendarSync } from '../ports.js';
import type { BookingDeps } from './deps.js';

/**
 * Runs one CalendarSync call and swallows (logs) its failure: the appointment is already committed,
 * and the sync implementation owns retrying. Implementations should enqueue, not call providers inline.
 */
export async function syncCalendar(
  deps: BookingDeps,
  appointment: Appointment,
  call: (s: CalendarSync) => Promise<void>,
): Promise<void> {
  const sync = deps.calendar?.sync;
  if (!sync) return;
  try {
    await call(sync);
  } catch (err) {
    deps.logger?.warn({ err, appointmentId: appointment.id }, 'calendar sync failed; the appointment stands');
  }
}
