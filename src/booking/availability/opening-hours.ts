/** Moved to hours/ (one definition of opening hours for every module); kept so booking's own files read as before. */
export {
  WEEKDAYS,
  DayRangesSchema,
  WeeklyHoursSchema,
  holidaysSchema,
  datesBetween,
  openingRangesOn,
  buildOpeningRanges,
  rangeMinutes,
  isOpenAt,
  type Weekday,
  type WeeklyHours,
  type Schedule,
} from '../../hours/index.js';
