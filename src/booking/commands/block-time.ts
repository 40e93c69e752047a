/** Blocking time on the calendar (a break, time off): validated, scoped to the organization and its staff. */
import { and, eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { errors, isUuid } from '../../lib/index.js';
import { blockedTimesBetween, deleteBlockedTime, insertBlockedTime, type BlockedTime } from '../repository/index.js';
import type { BookingDeps } from './deps.js';

/** What the owner blocks. */
export interface BlockTimeRequest {
  staffId: string | null;
  kind: 'break' | 'time_off';
  start: Date;
  end: Date;
  reason?: string | null;
}

/** The longest single block: a long leave is several blocks (keeps a typo from closing the business for years). */
const MAX_BLOCK_DAYS = 62;

/** Blocks time; 400 with a plain message when the range is empty or too long, 404 for another organization's staff member. */
export async function blockTime(
  deps: Pick<BookingDeps, 'db'>,
  organizationId: string,
  r: BlockTimeRequest,
): Promise<BlockedTime> {
  if (r.end.getTime() <= r.start.getTime())
    throw errors.validation('The end must be after the start', {
      fields: [{ path: 'body.end', message: 'The end must be after the start' }],
    });
  if (r.end.getTime() - r.start.getTime() > MAX_BLOCK_DAYS * 86_400_000)
    throw errors.validation(`Block at most ${MAX_BLOCK_DAYS} days at a time`, {
      fields: [{ path: 'body.end', message: `Block at most ${MAX_BLOCK_DAYS} days at a time` }],
    });
  if (r.staffId) {
    const [s] = await deps.db
      .select({ id: schema.staff.id })
      .from(schema.staff)
      .where(and(eq(schema.staff.id, r.staffId), eq(schema.staff.organizationId, organizationId)));
    if (!s) throw errors.notFound('staff member');
  }
  return insertBlockedTime(deps.db, organizationId, {
    staffId: r.staffId,
    kind: r.kind,
    start: r.start,
    end: r.end,
    reason: r.reason ?? null,
  });
}

/** Blocked times in a window. */
export const listBlockedTimes = (deps: Pick<BookingDeps, 'db'>, organizationId: string, from: Date, to: Date) =>
  blockedTimesBetween(deps.db, organizationId, from, to);

/** Unblocks; 404 when absent or another organization's. */
export async function unblockTime(deps: Pick<BookingDeps, 'db'>, organizationId: string, id: string): Promise<void> {
  if (!isUuid(id) || !(await deleteBlockedTime(deps.db, organizationId, id))) throw errors.notFound('blocked time');
}
