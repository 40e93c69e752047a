/** Pure availability: opening hours, holidays, staff hours, busy times, notice and DST → slots. */
export * from './types.js';
export * from './time-ranges.js';
export {
  zoneOf,
  parseClock,
  addDays,
  weekdayIndex,
  localDateOf,
  localMinutesOf,
  toLocalIso,
  wallToInstant,
  dateToWallMs,
} from './local-time.js';
export * from './opening-hours.js';
export * from './holidays.js';
export * from './booking-window.js';
export * from './busy.js';
export * from './slots.js';
export * from './compute-availability.js';
