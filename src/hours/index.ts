/**
 * hours/: a business's time — weekly opening hours (overnight ranges included), holidays, local
 * wall-clock time with a DST policy, and instant ranges. A leaf every module may import (like lib/),
 * so that validation, availability, the brain and the phone edge share one definition.
 */
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
  type Occurrence,
} from './local-time.js';
export * from './weekly-hours.js';
export * from './holidays.js';
