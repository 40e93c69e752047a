/** The business facts availability needs: time zone, hours, rules, the service and the staff. */
import { and, asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '../../db/index.js';
import { errors, isUuid } from '../../lib/index.js';
import type { BusinessSchedule, ServiceSpec, StaffSchedule } from '../availability/types.js';

/** One organization's booking setup for one service. */
export interface BookingSetup {
  readonly schedule: BusinessSchedule;
  readonly service: ServiceSpec & { readonly name: string };
  readonly staff: readonly (StaffSchedule & { readonly name: string })[];
}

/** Loads the setup; an unknown, inactive or foreign service is NOT_FOUND. */
export async function loadBookingSetup(q: Queryable, organizationId: string, serviceId: string): Promise<BookingSetup> {
  if (!isUuid(serviceId)) throw errors.notFound('service');
  // Independent reads: in parallel on a PostgreSQL pool (PGlite runs them one after another anyway).
  const [[org], [svc], [cfg], staffRows] = await Promise.all([
    q
      .select({ tz: schema.organizations.timezone })
      .from(schema.organizations)
      .where(eq(schema.organizations.id, organizationId)),
    q
      .select()
      .from(schema.services)
      .where(and(eq(schema.services.organizationId, organizationId), eq(schema.services.id, serviceId))),
    q.select().from(schema.businessConfigs).where(eq(schema.businessConfigs.organizationId, organizationId)),
    q
      .select()
      .from(schema.staff)
      .where(and(eq(schema.staff.organizationId, organizationId), eq(schema.staff.active, true)))
      .orderBy(asc(schema.staff.createdAt), asc(schema.staff.name), asc(schema.staff.id)),
  ]);
  if (!org) throw errors.notFound('organization');
  if (!svc || !svc.active) throw errors.notFound('service');
  return {
    schedule: {
      tz: org.tz,
      hours: cfg?.hours ?? {},
      holidays: cfg?.holidays ?? [],
      minNoticeMin: cfg?.minNoticeMin ?? 60,
      maxDaysAhead: cfg?.maxDaysAhead ?? 60,
      stepMin: cfg?.slotStepMin ?? 15,
    },
    service: { id: svc.id, name: svc.name, durationMin: svc.durationMin, bufferMin: svc.bufferMin },
    // An empty service list means the staff member performs every service.
    staff: staffRows.map((s) => ({
      id: s.id,
      name: s.name,
      hours: s.hours ?? null,
      serviceIds: s.serviceIds.length ? s.serviceIds : null,
    })),
  };
}

/** The organization's IANA time zone; NOT_FOUND when there is no such organization. */
export async function organizationTimezone(q: Queryable, organizationId: string): Promise<string> {
  const [org] = await q
    .select({ tz: schema.organizations.timezone })
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  if (!org) throw errors.notFound('organization');
  return org.tz;
}
