/** booking/: availability (pure), conversational slot search, and the booking commands. */
export * from './availability/index.js';
export * from './slot-search/index.js';
