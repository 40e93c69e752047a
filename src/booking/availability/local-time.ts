/** Moved to hours/ (one definition of opening hours for every module); kept so booking's own files read as before. */
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
} from '../../hours/index.js';
