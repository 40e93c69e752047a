/** The booking commands: each takes `deps` and the organization id first. */
export type { BookingDeps } from './deps.js';
export * from './load-availability.js';
export * from './get-availability.js';
export * from './search-slots.js';
export * from './hold-slot.js';
export * from './book-appointment/index.js';
export * from './reschedule-appointment.js';
export * from './change-status.js';
export * from './queries.js';
export { normalizeCustomer, toE164 } from './customer.js';
export type { CustomerInput } from './customer.js';
export { refusal } from './refusal.js';
export * from './block-time.js';
