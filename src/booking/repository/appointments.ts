/**
 * Appointment queries (db first). The only place that knows the constraint names: the exclusion
 * constraint and the idempotency index are translated here into a domain outcome.
 */
import { and, asc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { pgErrorCode, schema, type Queryable } from '../../db/index.js';
import { isUuid } from '../../lib/index.js';
import type { Appointment, AppointmentStatus } from '../appointment.js';
import { toAppointment } from '../appointment.js';

const t = schema.appointments;

/** What a write that may collide produced. */
export type WriteOutcome =
  | { readonly ok: true; readonly appointment: Appointment }
  | { readonly ok: false; readonly conflict: 'overlap' | 'idempotency_key' };

/** Values of a new appointment. */
export type NewAppointment = typeof t.$inferInsert;

function translate(e: unknown): WriteOutcome {
  const { code, constraint } = pgErrorCode(e);
  if (code === '23P01' && (!constraint || constraint === 'appointments_no_overlap'))
    return { ok: false, conflict: 'overlap' };
  if (code === '23505' && (!constraint || constraint === 'appointments_idem_uq'))
    return { ok: false, conflict: 'idempotency_key' };
  throw e;
}

/** Inserts an appointment; an overlap (exclusion constraint) or a reused idempotency key is an outcome, not a throw. */
export async function insertAppointment(q: Queryable, values: NewAppointment): Promise<WriteOutcome> {
  try {
    const [row] = await q.insert(t).values(values).returning();
    return { ok: true, appointment: toAppointment(row) };
  } catch (e) {
    return translate(e);
  }
}

/** Updates one appointment of the organization (overlaps are an outcome); null when it does not exist. */
export async function updateAppointment(
  q: Queryable,
  organizationId: string,
  id: string,
  patch: Partial<NewAppointment>,
): Promise<WriteOutcome | null> {
  try {
    const [row] = await q
      .update(t)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(t.organizationId, organizationId), eq(t.id, id)))
      .returning();
    return row ? { ok: true, appointment: toAppointment(row) } : null;
  } catch (e) {
    return translate(e);
  }
}

/** One appointment of the organization (another organization's id, or a malformed one, is null). */
export async function getAppointment(
  q: Queryable,
  organizationId: string,
  id: string,
  forUpdate = false,
): Promise<Appointment | null> {
  if (!isUuid(id)) return null;
  const query = q
    .select()
    .from(t)
    .where(and(eq(t.organizationId, organizationId), eq(t.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? toAppointment(row) : null;
}

/** The appointment created with this idempotency key, if any. */
export async function findByIdempotencyKey(
  q: Queryable,
  organizationId: string,
  key: string,
): Promise<Appointment | null> {
  const [row] = await q
    .select()
    .from(t)
    .where(and(eq(t.organizationId, organizationId), eq(t.idempotencyKey, key)));
  return row ? toAppointment(row) : null;
}

/** Booked appointments whose busy range `[start, busyUntil)` touches `[from, to)`, for availability. */
export async function bookedBetween(
  q: Queryable,
  organizationId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<Appointment[]> {
  const rows = await q
    .select()
    .from(t)
    .where(
      and(
        eq(t.organizationId, organizationId),
        eq(t.status, 'booked'),
        lt(t.startAt, to),
        gt(t.busyUntil, from),
        exceptId ? sql`${t.id} <> ${exceptId}` : undefined,
      ),
    );
  return rows.map(toAppointment);
}

/** Filters and page of {@link listAppointments}. */
export interface AppointmentFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly statuses?: readonly AppointmentStatus[];
  readonly phone?: string;
  readonly limit: number;
  /** Continue after this (start, id). */
  readonly after?: { readonly start: Date; readonly id: string };
}

/** The organization's appointments by start time (then id), filtered, one page. */
export async function listAppointments(
  q: Queryable,
  organizationId: string,
  f: AppointmentFilter,
): Promise<Appointment[]> {
  const rows = await q
    .select()
    .from(t)
    .where(
      and(
        eq(t.organizationId, organizationId),
        f.from ? gte(t.startAt, f.from) : undefined,
        f.to ? lt(t.startAt, f.to) : undefined,
        f.statuses?.length ? inArray(t.status, [...f.statuses]) : undefined,
        f.phone ? eq(t.customerPhone, f.phone) : undefined,
        f.after ? or(gt(t.startAt, f.after.start), and(eq(t.startAt, f.after.start), gt(t.id, f.after.id))) : undefined,
      ),
    )
    .orderBy(asc(t.startAt), asc(t.id))
    .limit(f.limit);
  return rows.map(toAppointment);
}

/** True when a booked appointment of this resource overlaps `[from, to)`. */
export async function resourceHasBooking(
  q: Queryable,
  organizationId: string,
  resourceKey: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<boolean> {
  const rows = await q
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        eq(t.organizationId, organizationId),
        eq(t.resourceKey, resourceKey),
        eq(t.status, 'booked'),
        lt(t.startAt, to),
        gt(t.busyUntil, from),
        exceptId ? sql`${t.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Just the busy ranges of booked appointments touching `[from, to)` — the narrow read availability needs. */
export async function busyRangesBetween(
  q: Queryable,
  organizationId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<{ staffId: string | null; start: Date; busyUntil: Date }[]> {
  return q
    .select({ staffId: t.staffId, start: t.startAt, busyUntil: t.busyUntil })
    .from(t)
    .where(
      and(
        eq(t.organizationId, organizationId),
        eq(t.status, 'booked'),
        lt(t.startAt, to),
        gt(t.busyUntil, from),
        exceptId ? sql`${t.id} <> ${exceptId}` : undefined,
      ),
    );
}
