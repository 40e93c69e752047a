/** Moved to hours/ (one definition of opening hours for every module); kept so booking's own files read as before. */
export {
  normalizeRanges,
  subtractRanges,
  intersectRanges,
  rangesOverlap,
  clipRanges,
  type TimeRange,
} from '../../hours/index.js';
