export * from './organizations.js';
export * from './business.js';
export * from './booking.js';
export * from './calls.js';
export * from './leads.js';
export * from './notify.js';
export * from './channels.js';
export * from './billing.js';
