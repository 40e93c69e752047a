/** Queries of the calendars (db first): connected integrations, the sync job queue, and appointments' external event ids. */
import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { schema, type Queryable } from '../../db/index.js';
import type { CalendarProviderName } from './errors.js';

const I = schema.integrations;
const J = schema.calendarSyncJobs;
const A = schema.appointments;

/** A stored integration row (tokens still sealed). */
export type IntegrationRow = typeof I.$inferSelect;

/** The org's integration with this provider, or null. */
export async function findIntegration(
  q: Queryable,
  organizationId: string,
  provider: CalendarProviderName,
): Promise<IntegrationRow | null> {
  const [row] = await q
    .select()
    .from(I)
    .where(and(eq(I.organizationId, organizationId), eq(I.provider, provider)));
  return row ?? null;
}

/** Every integration of the organization, connected or needing attention. */
export async function listIntegrations(q: Queryable, organizationId: string): Promise<IntegrationRow[]> {
  return q.select().from(I).where(eq(I.organizationId, organizationId)).orderBy(asc(I.provider));
}

/** What a finished OAuth exchange stores. */
export interface ConnectionValues {
  readonly staffId: string | null;
  readonly accountEmail: string | null;
  readonly calendarId: string | null;
  readonly accessTokenEnc: string;
  readonly refreshTokenEnc: string;
  readonly tokenExpiresAt: Date;
  readonly settings: Record<string, unknown>;
}

/** Creates or replaces the org's connection to `provider` (one per provider), status `connected`. */
export async function saveConnection(
  q: Queryable,
  organizationId: string,
  provider: CalendarProviderName,
  v: ConnectionValues,
): Promise<IntegrationRow> {
  const values = { ...v, status: 'connected', lastError: null, updatedAt: new Date() };
  const [row] = await q
    .insert(I)
    .values({ organizationId, provider, ...values })
    .onConflictDoUpdate({ target: [I.organizationId, I.provider], set: values })
    .returning();
  return row;
}

/** Stores refreshed tokens; a null refresh token keeps the current one. */
export async function saveTokens(
  q: Queryable,
  id: string,
  t: { accessTokenEnc: string; refreshTokenEnc: string | null; tokenExpiresAt: Date },
): Promise<void> {
  await q
    .update(I)
    .set({
      accessTokenEnc: t.accessTokenEnc,
      tokenExpiresAt: t.tokenExpiresAt,
      updatedAt: new Date(),
      ...(t.refreshTokenEnc ? { refreshTokenEnc: t.refreshTokenEnc } : {}),
    })
    .where(eq(I.id, id));
}

/** Records the health of an integration: `connected` clears the error; `reauth_required` needs the owner. */
export async function markIntegration(
  q: Queryable,
  id: string,
  status: 'connected' | 'reauth_required',
  lastError: string | null,
): Promise<void> {
  await q.update(I).set({ status, lastError, updatedAt: new Date() }).where(eq(I.id, id));
}

/** Removes the connection; true when there was one. */
export async function deleteIntegration(
  q: Queryable,
  organizationId: string,
  provider: CalendarProviderName,
): Promise<IntegrationRow | null> {
  const [row] = await q
    .delete(I)
    .where(and(eq(I.organizationId, organizationId), eq(I.provider, provider)))
    .returning();
  return row ?? null;
}

/** One unit of queued sync work. */
export interface NewSyncJob {
  readonly organizationId: string;
  readonly appointmentId: string;
  readonly provider: CalendarProviderName;
  readonly action: 'create' | 'update' | 'delete';
}

/** Queues jobs, due at once. */
export async function enqueueJobs(q: Queryable, jobs: readonly NewSyncJob[], now: Date): Promise<void> {
  if (jobs.length) await q.insert(J).values(jobs.map((j) => ({ ...j, nextAttemptAt: now })));
}

/** Distinct (appointment, provider) pairs with work due at `now` (at most `limit`; the worker loops until none are due). */
export async function dueGroups(
  q: Queryable,
  now: Date,
  limit: number,
): Promise<{ organizationId: string; appointmentId: string; provider: CalendarProviderName }[]> {
  const rows = await q
    .selectDistinctOn([J.appointmentId, J.provider], {
      organizationId: J.organizationId,
      appointmentId: J.appointmentId,
      provider: J.provider,
      createdAt: J.createdAt,
    })
    .from(J)
    .where(and(isNull(J.doneAt), lte(J.nextAttemptAt, now)))
    .orderBy(J.appointmentId, J.provider, J.createdAt)
    .limit(limit);
  return rows.map((r) => ({
    organizationId: r.organizationId,
    appointmentId: r.appointmentId,
    provider: r.provider as CalendarProviderName,
  }));
}

/**
 * Claims the due jobs of one (appointment, provider) by pushing them past a lease: a conditional
 * update, so two workers (two nodes) never run the same jobs. Answers the claimed ids and the most attempts so far.
 */
export async function claimGroup(
  q: Queryable,
  appointmentId: string,
  provider: string,
  now: Date,
  leaseUntil: Date,
): Promise<{ ids: string[]; attempts: number }> {
  const rows = await q
    .update(J)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(eq(J.appointmentId, appointmentId), eq(J.provider, provider), isNull(J.doneAt), lte(J.nextAttemptAt, now)),
    )
    .returning({ id: J.id, attempts: J.attempts });
  return { ids: rows.map((r) => r.id), attempts: Math.max(0, ...rows.map((r) => Number(r.attempts))) };
}

/** Marks jobs done (with a note when they were given up rather than achieved). */
export async function finishJobs(
  q: Queryable,
  ids: readonly string[],
  now: Date,
  note: string | null = null,
): Promise<void> {
  if (ids.length)
    await q
      .update(J)
      .set({ doneAt: now, lastError: note })
      .where(inArray(J.id, [...ids]));
}

/** Schedules the next attempt after a failure. */
export async function retryJobs(
  q: Queryable,
  ids: readonly string[],
  attempts: number,
  nextAttemptAt: Date,
  error: string,
): Promise<void> {
  if (ids.length)
    await q
      .update(J)
      .set({ attempts: String(attempts), nextAttemptAt, lastError: error.slice(0, 500) })
      .where(inArray(J.id, [...ids]));
}

/** Pending jobs of the organization per provider, with the latest error. */
export async function pendingJobs(
  q: Queryable,
  organizationId: string,
): Promise<{ provider: string; count: number; lastError: string | null }[]> {
  const rows = await q
    .select({
      provider: J.provider,
      count: sql<number>`count(*)::int`,
      lastError: sql<string | null>`max(${J.lastError})`,
    })
    .from(J)
    .where(and(eq(J.organizationId, organizationId), isNull(J.doneAt)))
    .groupBy(J.provider);
  return rows.map((r) => ({ provider: r.provider, count: Number(r.count), lastError: r.lastError }));
}

/** Drops the provider's pending work (the owner disconnected it). */
export async function dropPending(q: Queryable, organizationId: string, provider: string, now: Date): Promise<void> {
  await q
    .update(J)
    .set({ doneAt: now, lastError: 'disconnected' })
    .where(and(eq(J.organizationId, organizationId), eq(J.provider, provider), isNull(J.doneAt)));
}

/** Makes the provider's pending work due now (after a reconnect). */
export async function wakePending(q: Queryable, organizationId: string, provider: string, now: Date): Promise<void> {
  await q
    .update(J)
    .set({ nextAttemptAt: now })
    .where(
      and(eq(J.organizationId, organizationId), eq(J.provider, provider), isNull(J.doneAt), gt(J.nextAttemptAt, now)),
    );
}

/** An appointment as the sync writes it out: with its service, staff and the business's zone. */
export interface SyncSubject {
  readonly id: string;
  readonly organizationId: string;
  readonly staffId: string | null;
  readonly status: string;
  readonly start: Date;
  readonly end: Date;
  readonly customerName: string;
  readonly customerPhone: string | null;
  readonly customerEmail: string | null;
  readonly address: string | null;
  readonly notes: string | null;
  readonly serviceName: string;
  readonly staffName: string | null;
  readonly timezone: string;
  readonly externalEvents: Record<string, string>;
}

/** Loads one appointment with what its calendar event shows. */
export async function loadSyncSubject(
  q: Queryable,
  organizationId: string,
  appointmentId: string,
): Promise<SyncSubject | null> {
  const [r] = await q
    .select({
      id: A.id,
      organizationId: A.organizationId,
      staffId: A.staffId,
      status: A.status,
      start: A.startAt,
      end: A.endAt,
      customerName: A.customerName,
      customerPhone: A.customerPhone,
      customerEmail: A.customerEmail,
      address: A.address,
      notes: A.notes,
      serviceName: schema.services.name,
      staffName: schema.staff.name,
      timezone: schema.organizations.timezone,
      externalEvents: A.externalEvents,
    })
    .from(A)
    .innerJoin(schema.services, eq(schema.services.id, A.serviceId))
    .innerJoin(schema.organizations, eq(schema.organizations.id, A.organizationId))
    .leftJoin(schema.staff, eq(schema.staff.id, A.staffId))
    .where(and(eq(A.organizationId, organizationId), eq(A.id, appointmentId)));
  return r ?? null;
}

/** Records (or, with null, forgets) the provider's event id on the appointment, atomically within the jsonb. */
export async function setExternalEvent(
  q: Queryable,
  appointmentId: string,
  provider: string,
  eventId: string | null,
): Promise<void> {
  const value =
    eventId === null
      ? sql`${A.externalEvents} - ${provider}::text`
      : sql`${A.externalEvents} || jsonb_build_object(${provider}::text, ${eventId}::text)`;
  await q.update(A).set({ externalEvents: value }).where(eq(A.id, appointmentId));
}

/** Appointments (any status) of the organization overlapping `[from, to)` that have an event in an external calendar. */
export async function syncedAppointmentsBetween(
  q: Queryable,
  organizationId: string,
  from: Date,
  to: Date,
): Promise<{ start: Date; end: Date; status: string; externalEvents: Record<string, string> }[]> {
  return q
    .select({ start: A.startAt, end: A.endAt, status: A.status, externalEvents: A.externalEvents })
    .from(A)
    .where(
      and(
        eq(A.organizationId, organizationId),
        lt(A.startAt, to),
        gt(A.endAt, from),
        ne(A.externalEvents, sql`'{}'::jsonb`),
      ),
    );
}

/** Appointments of the feed: not cancelled, starting in `[from, to)`, optionally one staff member's; with service and staff names. */
export async function feedAppointments(
  q: Queryable,
  organizationId: string,
  from: Date,
  to: Date,
  staffId: string | null,
  limit: number,
) {
  return q
    .select({
      id: A.id,
      start: A.startAt,
      end: A.endAt,
      status: A.status,
      customerName: A.customerName,
      customerPhone: A.customerPhone,
      customerEmail: A.customerEmail,
      address: A.address,
      notes: A.notes,
      createdAt: A.createdAt,
      updatedAt: A.updatedAt,
      serviceName: schema.services.name,
      staffName: schema.staff.name,
    })
    .from(A)
    .innerJoin(schema.services, eq(schema.services.id, A.serviceId))
    .leftJoin(schema.staff, eq(schema.staff.id, A.staffId))
    .where(
      and(
        eq(A.organizationId, organizationId),
        ne(A.status, 'cancelled'),
        lt(A.startAt, to),
        gt(A.startAt, from),
        ...(staffId ? [eq(A.staffId, staffId)] : []),
      ),
    )
    .orderBy(asc(A.startAt))
    .limit(limit);
}
