export * from './errors.js';
export * from './clock.js';
export * from './ids.js';
export * from './logger.js';
export * from './deadline.js';
export * from './process-guard.js';
export * from './drain.js';
export * from './markup.js';
