/** Moving a booked appointment to another start and/or staff member, never onto someone else's time. */
import { errors } from '../../lib/index.js';
import { isSlotAvailable, resourcesFor } from '../availability/compute-availability.js';
import type { Appointment } from '../appointment.js';
import { resourceKeyOf } from '../appointment.js';
import { invalidStatusChange } from '../errors.js';
import { getAppointment, liveHolds, lockResource, recordChange, updateAppointment } from '../repository/index.js';
import { syncCalendar } from './after-commit.js';
import type { BookingDeps } from './deps.js';
import { loadAvailability } from './load-availability.js';
import { refusal } from './refusal.js';
import { Rollback, withRollback } from './rollback.js';

/** Where to move it; an absent field keeps its value. */
export interface MoveRequest {
  readonly start?: Date;
  /** `undefined` keeps the staff member; `null` only for businesses without staff. */
  readonly staffId?: string | null;
  /** A new length in minutes (the calendar's resize); absent keeps the current length. */
  readonly durationMin?: number;
  readonly holder?: string | null;
  readonly actor?: string | null;
}

/** Moves the appointment (keeping its buffer, and its length unless a new one is given); SLOT_TAKEN / SLOT_UNAVAILABLE with alternatives otherwise. */
export async function rescheduleAppointment(
  deps: BookingDeps,
  organizationId: string,
  id: string,
  m: MoveRequest,
): Promise<Appointment> {
  const current = await getAppointment(deps.db, organizationId, id);
  if (!current) throw errors.notFound('appointment');
  if (current.status !== 'booked') throw invalidStatusChange(current.status, 'moved');
  const start = m.start ?? current.start;
  const staffId = m.staffId === undefined ? current.staffId : m.staffId;
  if (Number.isNaN(start.getTime()) || start.getTime() % 60_000 !== 0)
    throw errors.validation('start must be a time on a whole minute');
  const lengthMs =
    m.durationMin !== undefined ? m.durationMin * 60_000 : current.end.getTime() - current.start.getTime();
  if (
    start.getTime() === current.start.getTime() &&
    staffId === current.staffId &&
    lengthMs === current.end.getTime() - current.start.getTime()
  )
    return current;
  const bufferMs = current.busyUntil.getTime() - current.end.getTime();
  const loaded = await loadAvailability(deps, organizationId, current.serviceId, {
    from: start,
    to: new Date(start.getTime() + 60_000),
    staffId,
    viewer: m.holder,
    exceptAppointmentId: id,
  });
  const input = {
    ...loaded.input,
    service: { ...loaded.input.service, durationMin: lengthMs / 60_000, bufferMin: bufferMs / 60_000 },
  };
  const allowed = resourcesFor(input.staff, input.service.id, staffId).some((r) => r.id === staffId);
  if (!allowed) throw errors.validation('that staff member does not offer this service');
  const tz = loaded.setup.schedule.tz;
  if (!isSlotAvailable(input, start, staffId))
    throw await refusal(deps, organizationId, { serviceId: current.serviceId, start, staffId, viewer: m.holder }, tz);
  const moved = await withRollback<Appointment | null, null>(() =>
    deps.db.transaction(async (tx) => {
      const key = resourceKeyOf(staffId);
      await lockResource(tx, organizationId, key);
      const busyUntil = new Date(start.getTime() + lengthMs + bufferMs);
      const held = await liveHolds(tx, organizationId, deps.clock.now(), start, busyUntil, {
        resourceKey: key,
        exceptHolder: m.holder ?? undefined,
      });
      if (held.length > 0) return null;
      const out = await updateAppointment(tx, organizationId, id, {
        startAt: start,
        endAt: new Date(start.getTime() + lengthMs),
        busyUntil,
        staffId,
        resourceKey: key,
      });
      if (!out) throw errors.notFound('appointment');
      if (!out.ok) throw new Rollback(null);
      await recordChange(tx, organizationId, id, {
        action: 'rescheduled',
        fromStart: current.start,
        toStart: start,
        fromStatus: 'booked',
        toStatus: 'booked',
        actor: m.actor ?? null,
      });
      await deps.events?.(tx, {
        type: 'appointment.moved',
        appointment: out.appointment,
        previousStart: current.start,
      });
      return out.appointment;
    }),
  );
  if (!moved)
    throw await refusal(
      deps,
      organizationId,
      { serviceId: current.serviceId, start, staffId, viewer: m.holder },
      tz,
      true,
    );
  await syncCalendar(deps, moved, (s) =>
    s.appointmentMoved(moved, { start: current.start, end: current.end, staffId: current.staffId }),
  );
  return moved;
}
