export * from './signature.js';
export * from './twiml.js';
export * from './rest.js';
