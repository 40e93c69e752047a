/** Slot search for conversation: a caller's wish → the exact slot, options, or alternatives with a reason. */
export * from './wish.js';
export * from './explain.js';
export * from './pick.js';
export * from './find-slots-for-request.js';
