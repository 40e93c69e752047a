/** Slot holds: short-lived reservations while a caller confirms; expired ones are simply ignored. */
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { schema, type Queryable } from '../../db/index.js';
import type { SlotHold } from '../availability/types.js';

const h = schema.appointmentHolds;

/** A hold as stored. */
export interface HoldRecord extends SlotHold {
  readonly id: string;
  readonly serviceId: string;
  readonly holder: string;
}

type Row = typeof h.$inferSelect;
const toHold = (r: Row): HoldRecord => ({
  id: r.id,
  serviceId: r.serviceId,
  staffId: r.staffId,
  start: r.startAt,
  end: r.busyUntil,
  expiresAt: r.expiresAt,
  holder: r.holder,
});

/** Holds alive at `now` that touch `[from, to)` (optionally only of one resource, or not of one holder). */
export async function liveHolds(
  q: Queryable,
  organizationId: string,
  now: Date,
  from: Date,
  to: Date,
  opts: { resourceKey?: string; exceptHolder?: string } = {},
): Promise<HoldRecord[]> {
  const rows = await q
    .select()
    .from(h)
    .where(
      and(
        eq(h.organizationId, organizationId),
        gt(h.expiresAt, now),
        lt(h.startAt, to),
        gt(h.busyUntil, from),
        opts.resourceKey ? eq(h.resourceKey, opts.resourceKey) : undefined,
        opts.exceptHolder ? ne(h.holder, opts.exceptHolder) : undefined,
      ),
    );
  return rows.map(toHold);
}

/** Stores a hold. */
export async function insertHold(q: Queryable, values: typeof h.$inferInsert): Promise<HoldRecord> {
  const [row] = await q.insert(h).values(values).returning();
  return toHold(row);
}

/** Drops every hold of `holder` (a new hold replaces the old one; booking consumes it). */
export async function releaseHolds(q: Queryable, organizationId: string, holder: string): Promise<void> {
  await q.delete(h).where(and(eq(h.organizationId, organizationId), eq(h.holder, holder)));
}

/** Deletes holds that expired before `before` (housekeeping; expired holds block nothing anyway). */
export async function purgeExpiredHolds(q: Queryable, organizationId: string, before: Date): Promise<void> {
  await q.delete(h).where(and(eq(h.organizationId, organizationId), lt(h.expiresAt, before)));
}
