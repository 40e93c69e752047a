/** booking/ data access: query modules that take the database (or a transaction) first. */
export * from './appointments.js';
export * from './history.js';
export * from './holds.js';
export * from './setup.js';
export * from './lock.js';
export * from './catalog.js';
export * from './blocked-times.js';
