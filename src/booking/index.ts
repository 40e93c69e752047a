/** booking/: availability (pure), conversational slot search, and the booking commands over the database. */
export * from './availability/index.js';
export * from './slot-search/index.js';
export * from './appointment.js';
export * from './errors.js';
export * from './ports.js';
export * from './commands/index.js';
export * from './service.js';
export type { HoldRecord, BookingSetup } from './repository/index.js';
export * from './conversation-port.js';
