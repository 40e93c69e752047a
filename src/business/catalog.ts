import { schema } from '../db/index.js';
import { scopedCrud } from './scoped-crud.js';

/** The organization's services. */
export const servicesRepo = scopedCrud<typeof schema.services, typeof schema.services.$inferSelect>(schema.services, 'service');
/** The organization's staff members. */
export const staffRepo = scopedCrud<typeof schema.staff, typeof schema.staff.$inferSelect>(schema.staff, 'staff member');
/** The organization's knowledge-base entries. */
export const knowledgeRepo = scopedCrud<typeof schema.knowledgeItems, typeof schema.knowledgeItems.$inferSelect>(schema.knowledgeItems, 'knowledge item');
/** The organization's phone numbers. */
export const phoneNumbersRepo = scopedCrud<typeof schema.phoneNumbers, typeof schema.phoneNumbers.$inferSelect>(schema.phoneNumbers, 'phone number');
