/** Blocked time (breaks, time off) of staff members or of the whole business: stored rows and the busy blocks they make. */
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { schema } from '../../db/index.js';
import type { BusyBlock } from '../availability/types.js';

/** One blocked stretch of time. `staffId` null blocks the whole business. */
export interface BlockedTime {
  id: string;
  staffId: string | null;
  kind: 'break' | 'time_off';
  start: Date;
  end: Date;
  reason: string | null;
}

const view = (r: typeof schema.blockedTimes.$inferSelect): BlockedTime => ({
  id: r.id,
  staffId: r.staffId,
  kind: r.kind,
  start: r.startAt,
  end: r.endAt,
  reason: r.reason,
});

/** Blocked times overlapping [from, to), earliest first. */
export async function blockedTimesBetween(
  db: Db,
  organizationId: string,
  from: Date,
  to: Date,
): Promise<BlockedTime[]> {
  const rows = await db
    .select()
    .from(schema.blockedTimes)
    .where(
      and(
        eq(schema.blockedTimes.organizationId, organizationId),
        lt(schema.blockedTimes.startAt, to),
        gt(schema.blockedTimes.endAt, from),
      ),
    )
    .orderBy(asc(schema.blockedTimes.startAt));
  return rows.map(view);
}

/** The busy blocks availability subtracts for blocked time. */
export async function blockedBusy(db: Db, organizationId: string, from: Date, to: Date): Promise<BusyBlock[]> {
  return (await blockedTimesBetween(db, organizationId, from, to)).map((b) => ({
    start: b.start,
    end: b.end,
    staffId: b.staffId,
  }));
}

/** Stores a blocked time. */
export async function insertBlockedTime(
  db: Db,
  organizationId: string,
  b: Omit<BlockedTime, 'id'>,
): Promise<BlockedTime> {
  const [row] = await db
    .insert(schema.blockedTimes)
    .values({ organizationId, staffId: b.staffId, kind: b.kind, startAt: b.start, endAt: b.end, reason: b.reason })
    .returning();
  return view(row);
}

/** Removes a blocked time; false when it is not this organization's. */
export async function deleteBlockedTime(db: Db, organizationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(schema.blockedTimes)
    .where(and(eq(schema.blockedTimes.id, id), eq(schema.blockedTimes.organizationId, organizationId)))
    .returning({ id: schema.blockedTimes.id });
  return rows.length > 0;
}
