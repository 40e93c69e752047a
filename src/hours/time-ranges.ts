/**
 * Half-open time ranges `[start, end)` in epoch milliseconds and the set operations the availability
 * chain is built from. Every function returns a new, sorted, non-overlapping array and never mutates
 * its inputs (the habit we leave behind from Cal.com's `mergeOverlappingDateRanges`).
 */

/** A half-open interval `[start, end)` of epoch milliseconds. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** Sorts a copy of `ranges`, drops empty ones and merges those that overlap or touch. */
export function normalizeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      if (r.end > last.end) out[out.length - 1] = { start: last.start, end: r.end };
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

/** The parts of `base` not covered by `minus` (both are normalized first). */
export function subtractRanges(base: readonly TimeRange[], minus: readonly TimeRange[]): TimeRange[] {
  const a = normalizeRanges(base);
  const b = normalizeRanges(minus);
  const out: TimeRange[] = [];
  let j = 0;
  for (const r of a) {
    let cursor = r.start;
    while (j < b.length && b[j].end <= cursor) j++;
    let k = j;
    while (k < b.length && b[k].start < r.end) {
      if (b[k].start > cursor) out.push({ start: cursor, end: b[k].start });
      cursor = Math.max(cursor, b[k].end);
      k++;
    }
    if (cursor < r.end) out.push({ start: cursor, end: r.end });
  }
  return out;
}

/** The parts covered by both `a` and `b`. */
export function intersectRanges(a: readonly TimeRange[], b: readonly TimeRange[]): TimeRange[] {
  const x = normalizeRanges(a);
  const y = normalizeRanges(b);
  const out: TimeRange[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i].start, y[j].start);
    const end = Math.min(x[i].end, y[j].end);
    if (start < end) out.push({ start, end });
    if (x[i].end < y[j].end) i++;
    else j++;
  }
  return out;
}

/** True when the two half-open ranges share at least one instant. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Clips every range to `[from, to)` (dropping what falls outside). */
export function clipRanges(ranges: readonly TimeRange[], from: number, to: number): TimeRange[] {
  return intersectRanges(ranges, [{ start: from, end: to }]);
}
