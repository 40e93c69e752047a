/** Holding a slot for a few minutes while the caller confirms; invisible to others while it lives. */
import { AppError } from '../../lib/index.js';
import { isSlotAvailable, resourcesFor } from '../availability/compute-availability.js';
import { resourceKeyOf } from '../appointment.js';
import {
  insertHold,
  liveHolds,
  lockResource,
  purgeExpiredHolds,
  releaseHolds,
  resourceHasBooking,
} from '../repository/index.js';
import type { HoldRecord } from '../repository/index.js';
import type { BookingDeps } from './deps.js';
import { loadAvailability } from './load-availability.js';
import { refusal } from './refusal.js';

/** Default life of a hold: long enough to confirm a name and phone number, short enough not to starve others. */
export const DEFAULT_HOLD_SEC = 300;

/** A request to hold one start. */
export interface HoldRequest {
  readonly serviceId: string;
  readonly start: Date;
  readonly staffId?: string | null;
  /** Who holds it (call id, chat session id); a holder has at most one hold at a time. */
  readonly holder: string;
  readonly ttlSec?: number;
}

/**
 * Holds the slot for `holder` (replacing their previous hold) on the first resource that is free
 * for it; SLOT_TAKEN / SLOT_UNAVAILABLE with alternatives otherwise.
 */
export async function holdSlot(deps: BookingDeps, organizationId: string, req: HoldRequest): Promise<HoldRecord> {
  if (!req.holder) throw new AppError('VALIDATION_FAILED', 'a hold needs a holder', 400);
  const { setup, input } = await loadAvailability(deps, organizationId, req.serviceId, {
    from: req.start,
    to: new Date(req.start.getTime() + 60_000),
    staffId: req.staffId,
    viewer: req.holder,
  });
  const candidates = resourcesFor(input.staff, input.service.id, req.staffId).filter((r) =>
    isSlotAvailable(input, req.start, r.id),
  );
  const now = deps.clock.now();
  const end = new Date(req.start.getTime() + setup.service.durationMin * 60_000);
  const busyUntil = new Date(end.getTime() + setup.service.bufferMin * 60_000);
  for (const r of candidates) {
    const key = resourceKeyOf(r.id);
    const hold = await deps.db.transaction(async (tx) => {
      await lockResource(tx, organizationId, key);
      const held = await liveHolds(tx, organizationId, now, req.start, busyUntil, {
        resourceKey: key,
        exceptHolder: req.holder,
      });
      if (held.length > 0 || (await resourceHasBooking(tx, organizationId, key, req.start, busyUntil))) return null;
      await releaseHolds(tx, organizationId, req.holder);
      await purgeExpiredHolds(tx, organizationId, new Date(now.getTime() - 3_600_000));
      return insertHold(tx, {
        organizationId,
        serviceId: req.serviceId,
        staffId: r.id,
        resourceKey: key,
        startAt: req.start,
        busyUntil,
        holder: req.holder,
        expiresAt: new Date(now.getTime() + (req.ttlSec ?? DEFAULT_HOLD_SEC) * 1000),
      });
    });
    if (hold) return hold;
  }
  throw await refusal(deps, organizationId, req, setup.schedule.tz, candidates.length > 0);
}

/** Lets go of the holder's hold (the caller changed their mind). */
export async function releaseHold(deps: BookingDeps, organizationId: string, holder: string): Promise<void> {
  await releaseHolds(deps.db, organizationId, holder);
}
