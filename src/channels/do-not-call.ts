import { and, desc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '../db/index.js';

/** A number the business must not call. */
export type DoNotCallEntry = typeof schema.doNotCall.$inferSelect;

/** The organization's do-not-call list, newest first. */
export const listDoNotCall = (db: Queryable, organizationId: string) =>
  db
    .select()
    .from(schema.doNotCall)
    .where(eq(schema.doNotCall.organizationId, organizationId))
    .orderBy(desc(schema.doNotCall.createdAt));

/** Adds a number (idempotent: adding it again answers the existing entry). */
export async function addDoNotCall(
  db: Queryable,
  organizationId: string,
  e164: string,
  reason: string | null = null,
  source: 'manual' | 'opt_out' = 'manual',
): Promise<DoNotCallEntry> {
  const [row] = await db
    .insert(schema.doNotCall)
    .values({ organizationId, e164, reason, source })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(schema.doNotCall)
    .where(and(eq(schema.doNotCall.organizationId, organizationId), eq(schema.doNotCall.e164, e164)));
  return existing;
}

/** Removes an entry; false when it is not this organization's. */
export async function removeDoNotCall(db: Queryable, organizationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(schema.doNotCall)
    .where(and(eq(schema.doNotCall.id, id), eq(schema.doNotCall.organizationId, organizationId)))
    .returning({ id: schema.doNotCall.id });
  return rows.length > 0;
}

/** True when the number is on the organization's list. Checked right before every dial. */
export async function isDoNotCall(db: Queryable, organizationId: string, e164: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.doNotCall.id })
    .from(schema.doNotCall)
    .where(and(eq(schema.doNotCall.organizationId, organizationId), eq(schema.doNotCall.e164, e164)))
    .limit(1);
  return !!row;
}
