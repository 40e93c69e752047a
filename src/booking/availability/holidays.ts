/** Moved to hours/ (one definition of opening hours for every module); kept so booking's own files read as before. */
export { localDayRange, holidayRanges, subtractHolidays } from '../../hours/index.js';
