/** Status changes (cancel, completed, no-show) with history, events and calendar sync. */
import { errors } from '../../lib/index.js';
import type { Appointment, AppointmentStatus } from '../appointment.js';
import { invalidStatusChange } from '../errors.js';
import { getAppointment, recordChange, updateAppointment } from '../repository/index.js';
import { syncCalendar } from './after-commit.js';
import type { BookingDeps } from './deps.js';

/** Which status may follow which: only a booked appointment changes; completed and no-show may be corrected. */
const ALLOWED: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['cancelled', 'completed', 'no_show'],
  completed: ['no_show'],
  no_show: ['completed'],
  cancelled: [],
};

/** Sets the status; setting the status it already has changes nothing (a retried cancel is harmless). */
export async function changeStatus(
  deps: BookingDeps,
  organizationId: string,
  id: string,
  to: AppointmentStatus,
  actor?: string | null,
): Promise<Appointment> {
  const result = await deps.db.transaction(async (tx) => {
    const current = await getAppointment(tx, organizationId, id, true);
    if (!current) throw errors.notFound('appointment');
    if (current.status === to) return { appointment: current, changed: false };
    if (!ALLOWED[current.status].includes(to)) throw invalidStatusChange(current.status, to);
    const out = await updateAppointment(tx, organizationId, id, { status: to });
    if (!out?.ok) throw errors.notFound('appointment');
    const action = to === 'cancelled' ? 'cancelled' : 'status_changed';
    await recordChange(tx, organizationId, id, {
      action,
      fromStart: null,
      toStart: null,
      fromStatus: current.status,
      toStatus: to,
      actor: actor ?? null,
    });
    if (to === 'cancelled') await deps.events?.(tx, { type: 'appointment.cancelled', appointment: out.appointment });
    return { appointment: out.appointment, changed: true };
  });
  if (result.changed && to === 'cancelled')
    await syncCalendar(deps, result.appointment, (s) => s.appointmentCancelled(result.appointment));
  return result.appointment;
}

/** Cancels an appointment; its time becomes free at once. Cancelling twice is the same as once. */
export function cancelAppointment(
  deps: BookingDeps,
  organizationId: string,
  id: string,
  actor?: string | null,
): Promise<Appointment> {
  return changeStatus(deps, organizationId, id, 'cancelled', actor);
}
