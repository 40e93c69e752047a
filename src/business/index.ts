export * from './validation.js';
export * from './templates.js';
export * from './audit.js';
export * from './settings.js';
export * from './organizations.js';
export * from './catalog.js';
export * from './profile.js';
export * from './schemas.js';
