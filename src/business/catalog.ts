import { eq } from 'drizzle-orm';
import { pgErrorCode, schema, type Db } from '../db/index.js';
import { errors } from '../lib/index.js';
import type { Actor } from './audit.js';
import { scopedCrud } from './scoped-crud.js';

/** The organization's services. */
export const servicesRepo = scopedCrud<typeof schema.services, typeof schema.services.$inferSelect>(
  schema.services,
  'service',
);
/** The organization's staff members. */
export const staffRepo = scopedCrud<typeof schema.staff, typeof schema.staff.$inferSelect>(
  schema.staff,
  'staff member',
);
/** The organization's knowledge-base entries. */
export const knowledgeRepo = scopedCrud<typeof schema.knowledgeItems, typeof schema.knowledgeItems.$inferSelect>(
  schema.knowledgeItems,
  'knowledge item',
);
/** The organization's phone numbers. */
export const phoneNumbersRepo = scopedCrud<typeof schema.phoneNumbers, typeof schema.phoneNumbers.$inferSelect>(
  schema.phoneNumbers,
  'phone number',
);

/**
 * A number this organization may not connect: already in use, or (with a Twilio account) not one of
 * that account's numbers. One answer for both, naming nobody, so it never tells who holds a number.
 */
export const numberUnavailable = (e164: string) =>
  errors.conflict(
    'NUMBER_TAKEN',
    `${e164} cannot be connected: it is not a number of this service's Twilio account, or it is already in use`,
  );

/** Whether any organization has connected `e164`. */
export async function numberInUse(db: Db, e164: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.phoneNumbers.id })
    .from(schema.phoneNumbers)
    .where(eq(schema.phoneNumbers.e164, e164))
    .limit(1);
  return !!row;
}

/**
 * Connects a phone number to the organization. A number belongs to one organization only: another's
 * number is 409 `NUMBER_TAKEN` (the one code for that condition, whoever asks). Proving the number is
 * the caller's (Twilio ownership, or a texted code in test mode) is the API edge's job before this.
 */
export async function connectPhoneNumber(db: Db, actor: Actor, values: { e164: string; provider?: 'twilio' }) {
  try {
    return await phoneNumbersRepo.create(db, actor, {
      provider: 'twilio',
      e164: values.e164,
      ...(values.provider ? { provider: values.provider } : {}),
    });
  } catch (e) {
    if (pgErrorCode(e).code === '23505') throw numberUnavailable(values.e164);
    throw e;
  }
}
