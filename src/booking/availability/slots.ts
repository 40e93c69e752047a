/** Slicing working ranges into slot starts on a step grid, skipping everything busy. */
import type { TimeRange } from './time-ranges.js';

/** How to slice: lengths in ms and the window of allowed starts `[earliest, latest)`. */
export interface SliceOptions {
  readonly durationMs: number;
  /** Cleanup after the service; must not run into something busy, may run past closing. */
  readonly bufferMs: number;
  readonly stepMs: number;
  readonly earliest: number;
  readonly latest: number;
}

/** The first grid point `anchor + k·step` at or after `t`. */
function nextGridPoint(anchor: number, step: number, t: number): number {
  return t <= anchor ? anchor : anchor + Math.ceil((t - anchor) / step) * step;
}

/**
 * Slot starts: on the grid anchored at each working range's start, the service fits inside that
 * range, `[start, start + duration + buffer)` touches no busy range, and the start lies in the window.
 * Both inputs must be normalized (sorted, merged); runs in one sweep over both.
 */
export function sliceSlots(working: readonly TimeRange[], busy: readonly TimeRange[], o: SliceOptions): number[] {
  const out: number[] = [];
  const need = o.durationMs + o.bufferMs;
  let j = 0;
  for (const w of working) {
    if (w.start >= o.latest) break;
    let s = nextGridPoint(w.start, o.stepMs, o.earliest);
    while (s + o.durationMs <= w.end && s < o.latest) {
      while (j < busy.length && busy[j].end <= s) j++;
      const b = busy[j];
      if (b && b.start < s + need) {
        s = nextGridPoint(w.start, o.stepMs, b.end);
        continue;
      }
      out.push(s);
      s += o.stepMs;
    }
  }
  return out;
}
