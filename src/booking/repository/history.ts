/** Appointment history queries: every creation, move and status change. */
import { and, asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '../../db/index.js';
import type { AppointmentChange } from '../appointment.js';
import { toChange } from '../appointment.js';

const h = schema.appointmentHistory;

/** Records one change of an appointment. */
export async function recordChange(
  q: Queryable,
  organizationId: string,
  appointmentId: string,
  c: Omit<AppointmentChange, 'at'>,
): Promise<void> {
  await q.insert(h).values({ organizationId, appointmentId, ...c });
}

/** The appointment's changes, oldest first. */
export async function listChanges(
  q: Queryable,
  organizationId: string,
  appointmentId: string,
): Promise<AppointmentChange[]> {
  const rows = await q
    .select()
    .from(h)
    .where(and(eq(h.organizationId, organizationId), eq(h.appointmentId, appointmentId)))
    .orderBy(asc(h.createdAt));
  return rows.map(toChange);
}
