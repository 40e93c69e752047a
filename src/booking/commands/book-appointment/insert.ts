/** Step 3 of booking: one transaction per candidate resource — lock, respect others' holds, insert, record. */
import type { Customer } from '../../appointment.js';
import { resourceKeyOf } from '../../appointment.js';
import { insertAppointment, liveHolds, lockResource, recordChange, releaseHolds } from '../../repository/index.js';
import type { WriteOutcome } from '../../repository/index.js';
import type { BookingSetup } from '../../repository/index.js';
import type { BookingDeps } from '../deps.js';
import type { BookRequest } from './request.js';
import { Rollback, withRollback } from '../rollback.js';

/** What one insert attempt produced: an appointment, a collision, or a held slot. */
export type AttemptOutcome = WriteOutcome | { readonly ok: false; readonly conflict: 'held' };

/** Tries to book `req` for one resource; the exclusion constraint is the final judge of overlaps. */
export async function insertForResource(
  deps: BookingDeps,
  organizationId: string,
  req: BookRequest,
  customer: Customer,
  setup: BookingSetup,
  staffId: string | null,
): Promise<AttemptOutcome> {
  const key = resourceKeyOf(staffId);
  const end = new Date(req.start.getTime() + setup.service.durationMin * 60_000);
  const busyUntil = new Date(end.getTime() + setup.service.bufferMin * 60_000);
  const now = deps.clock.now();
  return withRollback<AttemptOutcome, AttemptOutcome>(() =>
    deps.db.transaction(async (tx) => {
      await lockResource(tx, organizationId, key);
      const held = await liveHolds(tx, organizationId, now, req.start, busyUntil, {
        resourceKey: key,
        exceptHolder: req.holder ?? undefined,
      });
      if (held.length > 0) return { ok: false, conflict: 'held' } as const;
      const out = await insertAppointment(tx, {
        organizationId,
        serviceId: req.serviceId,
        staffId,
        resourceKey: key,
        startAt: req.start,
        endAt: end,
        busyUntil,
        customerName: customer.name,
        customerPhone: customer.phone,
        customerEmail: customer.email,
        address: req.address ?? null,
        notes: req.notes ?? null,
        source: req.source ?? 'api',
        callId: req.callId ?? null,
        language: req.language ?? null,
        idempotencyKey: req.idempotencyKey ?? null,
      });
      // A failed statement aborts the transaction: leave it by throwing, and report the outcome outside.
      if (!out.ok) throw new Rollback<AttemptOutcome>(out);
      await recordChange(tx, organizationId, out.appointment.id, {
        action: 'created',
        fromStart: null,
        toStart: req.start,
        fromStatus: null,
        toStatus: 'booked',
        actor: req.actor ?? null,
      });
      if (req.holder) await releaseHolds(tx, organizationId, req.holder);
      await deps.events?.(tx, { type: 'appointment.booked', appointment: out.appointment });
      return out;
    }),
  );
}
