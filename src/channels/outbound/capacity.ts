/**
 * The organization's cap on outbound calls at once. A call counts from the moment its record is
 * written to dial (status `queued`) until it ends; calls waiting their turn (`waiting`) do not.
 * Counting and taking a slot happen under a lock on the organization's row, so two dials racing on
 * two nodes cannot both take the last slot.
 */
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { schema, type Queryable } from '../../db/index.js';
import { getChannelSettings } from '../settings.js';

/** A call record still open this long after it was placed lost its final status callback: it no longer holds a slot. */
const STALE_MS = 2 * 3_600_000;

/** How often a call that waits for a free slot looks again. */
export const CAPACITY_RETRY_MS = 15_000;

/** Outbound calls of the organization placed and not yet ended. */
export async function outboundCallsInProgress(q: Queryable, organizationId: string, now: Date): Promise<number> {
  const [{ n }] = await q
    .select({ n: sql<number>`count(*)` })
    .from(schema.calls)
    .where(
      and(
        eq(schema.calls.organizationId, organizationId),
        eq(schema.calls.direction, 'outbound'),
        isNull(schema.calls.endedAt),
        ne(schema.calls.status, 'waiting'),
        gt(schema.calls.startedAt, new Date(now.getTime() - STALE_MS)),
      ),
    );
  return Number(n);
}

/** Locks the organization's row for the rest of `tx` and answers whether a call may be placed now, with the cap. */
export async function takeOutboundSlot(
  tx: Queryable,
  organizationId: string,
  now: Date,
): Promise<{ free: boolean; cap: number }> {
  await tx
    .select({ id: schema.organizations.id })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId))
    .for('update');
  const cap = (await getChannelSettings(tx, organizationId)).maxConcurrentCalls;
  return { free: (await outboundCallsInProgress(tx, organizationId, now)) < cap, cap };
}
