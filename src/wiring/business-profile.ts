import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors, type Clock } from '../lib/index.js';
import type { BusinessProfile } from '../brain/index.js';

/** An organization's own clock: the simulated one of a test organization, else the server's. */
export function organizationClock(org: { testClock: { at: string; setAt: string } | null }, base: Clock): Clock {
  if (!org.testClock) return base;
  const at = Date.parse(org.testClock.at);
  const setAt = Date.parse(org.testClock.setAt);
  return { now: () => new Date(at + (base.now().getTime() - setAt)) };
}

/** Everything the brain needs about one business, read in one go from the configuration tables. */
export async function loadBusinessProfile(db: Db, orgId: string) {
  const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, orgId));
  if (!org) throw errors.notFound('organization');
  const [[config], services, staff, knowledge, [agent]] = await Promise.all([
    db.select().from(schema.businessConfigs).where(eq(schema.businessConfigs.organizationId, orgId)),
    db.select().from(schema.services).where(eq(schema.services.organizationId, orgId)).orderBy(asc(schema.services.createdAt)),
    db.select().from(schema.staff).where(eq(schema.staff.organizationId, orgId)).orderBy(asc(schema.staff.createdAt)),
    db.select().from(schema.knowledgeItems).where(eq(schema.knowledgeItems.organizationId, orgId)),
    db.select().from(schema.agents).where(eq(schema.agents.organizationId, orgId)),
  ]);
  const activeServices = services.filter((s) => s.active);
  const profile: BusinessProfile = {
    name: org.name,
    timezone: org.timezone,
    industry: org.industry as BusinessProfile['industry'],
    hours: config.hours,
    holidays: config.holidays,
    services: activeServices.map((s) => ({ id: s.id, name: s.name, durationMin: s.durationMin, priceCents: s.priceCents ?? undefined, synonyms: s.synonyms })),
    staff: staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name, services: activeServices.filter((x) => s.serviceIds.includes(x.id)).map((x) => x.name) })),
    greeting: config.greeting || undefined,
    escalationNumber: config.escalationNumber ?? undefined,
    address: config.address ?? undefined,
    emergencyKeywords: config.emergencyKeywords.map((k) => ({ term: k.phrase, priority: k.priority })),
    knowledge: knowledge.map((k) => ({ q: k.question ?? undefined, title: k.title ?? undefined, a: k.body })),
    afterHours: config.afterHours,
  };
  return { org, config, agent, profile };
}
export type LoadedBusiness = Awaited<ReturnType<typeof loadBusinessProfile>>;
