/** Serialising writes per bookable resource inside a transaction. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';

/**
 * Takes a transaction-scoped advisory lock on (organization, resource): holds and bookings of the
 * same resource then check-and-write one at a time. The exclusion constraint still guards
 * appointments on its own; this lock is what makes holds (a separate table) race-free too.
 */
export async function lockResource(tx: Queryable, organizationId: string, resourceKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${organizationId}:${resourceKey}`}, 0))`);
}
