import { and, eq } from 'drizzle-orm';
import type { Db, WeeklyHours } from '../db/index.js';
import { schema } from '../db/index.js';

/** One thing a business needs before its receptionist can take real calls. */
export interface SetupItem {
  key: 'phone_number' | 'hours' | 'services_bookable' | 'alerts';
  ok: boolean;
  message: string;
}

/** Whether the receptionist is live, and what is set up or missing, in words an owner understands. */
export interface SetupStatus {
  live: boolean;
  items: SetupItem[];
}

const opensSomeDay = (h: WeeklyHours | null | undefined): boolean =>
  Boolean(h && Object.values(h).some((ranges) => (ranges ?? []).length > 0));

/**
 * Services nobody can perform: with staff on the books a service needs an active staff member who
 * offers it and works some day (their own hours, else the business's); without staff the business
 * itself is the one resource, so its own hours decide. Callers of such a service would only ever
 * hear "no openings".
 */
export function unbookableServices(
  services: { id: string; name: string }[],
  staff: { serviceIds: string[]; hours: WeeklyHours | null }[],
  businessHours: WeeklyHours,
): string[] {
  const businessOpen = opensSomeDay(businessHours);
  if (staff.length === 0) return businessOpen ? [] : services.map((s) => s.name);
  return services
    .filter(
      (svc) =>
        !staff.some(
          (p) =>
            (p.serviceIds.length === 0 || p.serviceIds.includes(svc.id)) &&
            (p.hours ? opensSomeDay(p.hours) : businessOpen),
        ),
    )
    .map((s) => s.name);
}

/** The organization's setup as the home page shows it (GET /api/setup-status). */
export async function setupStatus(db: Db, organizationId: string): Promise<SetupStatus> {
  const [config] = await db
    .select()
    .from(schema.businessConfigs)
    .where(eq(schema.businessConfigs.organizationId, organizationId));
  const numbers = await db
    .select({ e164: schema.phoneNumbers.e164 })
    .from(schema.phoneNumbers)
    .where(eq(schema.phoneNumbers.organizationId, organizationId));
  const services = await db
    .select({ id: schema.services.id, name: schema.services.name })
    .from(schema.services)
    .where(and(eq(schema.services.organizationId, organizationId), eq(schema.services.active, true)));
  const staff = await db
    .select({ serviceIds: schema.staff.serviceIds, hours: schema.staff.hours })
    .from(schema.staff)
    .where(and(eq(schema.staff.organizationId, organizationId), eq(schema.staff.active, true)));
  const hours = config?.hours ?? {};
  const unbookable = unbookableServices(services, staff, hours);
  const alertTo = [config?.notifyEmail, config?.notifyPhone].filter((x): x is string => Boolean(x));
  const items: SetupItem[] = [
    numbers.length
      ? { key: 'phone_number', ok: true, message: `Calls to ${numbers.map((n) => n.e164).join(', ')} are answered` }
      : { key: 'phone_number', ok: false, message: 'Connect a phone number so callers can reach your receptionist' },
    opensSomeDay(hours)
      ? { key: 'hours', ok: true, message: 'Opening hours are set' }
      : { key: 'hours', ok: false, message: 'Set your opening hours: with none, nothing can be booked' },
    services.length === 0
      ? { key: 'services_bookable', ok: false, message: 'Add the services callers can book' }
      : unbookable.length
        ? {
            key: 'services_bookable',
            ok: false,
            message: `Nobody can perform ${unbookable.join(', ')}: give ${unbookable.length === 1 ? 'it' : 'them'} a staff member with hours`,
          }
        : { key: 'services_bookable', ok: true, message: `All ${services.length} services can be booked` },
    alertTo.length
      ? { key: 'alerts', ok: true, message: `Alerts go to ${alertTo.join(' and ')}` }
      : {
          key: 'alerts',
          ok: false,
          message: 'Add an email or mobile number for booking and emergency alerts: right now they reach no one',
        },
  ];
  return { live: items.every((i) => i.ok), items };
}
