import { pgErrorCode, schema, type Db } from '../db/index.js';
import { errors } from '../lib/index.js';
import type { Actor } from './audit.js';
import { scopedCrud } from './scoped-crud.js';

/** The organization's services. */
export const servicesRepo = scopedCrud<typeof schema.services, typeof schema.services.$inferSelect>(schema.services, 'service');
/** The organization's staff members. */
export const staffRepo = scopedCrud<typeof schema.staff, typeof schema.staff.$inferSelect>(schema.staff, 'staff member');
/** The organization's knowledge-base entries. */
export const knowledgeRepo = scopedCrud<typeof schema.knowledgeItems, typeof schema.knowledgeItems.$inferSelect>(schema.knowledgeItems, 'knowledge item');
/** The organization's phone numbers. */
export const phoneNumbersRepo = scopedCrud<typeof schema.phoneNumbers, typeof schema.phoneNumbers.$inferSelect>(schema.phoneNumbers, 'phone number');

/**
 * Connects a phone number to the organization. A number belongs to one organization only: another's
 * number is 409 `NUMBER_TAKEN` (the one code for that condition, whoever asks).
 */
export async function connectPhoneNumber(db: Db, actor: Actor, values: { e164: string; provider?: 'twilio' }) {
  try {
    return await phoneNumbersRepo.create(db, actor, { provider: 'twilio', ...values });
  } catch (e) {
    if (pgErrorCode(e).code === '23505') throw errors.conflict('NUMBER_TAKEN', `${values.e164} is already connected to an organization`);
    throw e;
  }
}
