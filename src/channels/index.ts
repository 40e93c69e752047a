/** channels/: the website chat widget's settings and origins, and the rules of outbound calling. */
export * from './settings.js';
export * from './origins.js';
export * from './calling-window.js';
export * from './do-not-call.js';
export * from './outbound/conversation.js';
export * from './outbound/place.js';
export * from './reminders.js';
export * from './campaigns.js';
export * from './outbound/capacity.js';
export * from './call-queue.js';
export * from './follow-up.js';
