import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors, type Clock } from '../lib/index.js';

/** A simulated clock: it read `at` when the server's clock read `setAt`, and runs on from there. */
export interface TestClock {
  at: string;
  setAt: string;
}

/** An organization's own clock: the simulated one of a test organization (the simulator keeps it), else the server's. */
export function organizationClock(business: { testClock?: TestClock | null }, base: Clock): Clock {
  if (!business.testClock) return base;
  const at = Date.parse(business.testClock.at);
  const setAt = Date.parse(business.testClock.setAt);
  return { now: () => new Date(at + (base.now().getTime() - setAt)) };
}

/**
 * Everything configured for one business, read in one go: the organization, its configuration, its
 * active and inactive services and staff (oldest first), knowledge and agent settings.
 */
export async function loadBusinessRecord(db: Db, organizationId: string) {
  const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, organizationId));
  if (!org) throw errors.notFound('organization');
  const [[config], services, staff, knowledge, [agent]] = await Promise.all([
    db.select().from(schema.businessConfigs).where(eq(schema.businessConfigs.organizationId, organizationId)),
    db
      .select()
      .from(schema.services)
      .where(eq(schema.services.organizationId, organizationId))
      .orderBy(asc(schema.services.createdAt), asc(schema.services.name), asc(schema.services.id)),
    db
      .select()
      .from(schema.staff)
      .where(eq(schema.staff.organizationId, organizationId))
      .orderBy(asc(schema.staff.createdAt), asc(schema.staff.name), asc(schema.staff.id)),
    db.select().from(schema.knowledgeItems).where(eq(schema.knowledgeItems.organizationId, organizationId)),
    db.select().from(schema.agents).where(eq(schema.agents.organizationId, organizationId)),
  ]);
  return { org, config, agent, services, staff, knowledge };
}
/** One business's configuration rows, as {@link loadBusinessRecord} reads them. */
export type BusinessRecord = Awaited<ReturnType<typeof loadBusinessRecord>>;
