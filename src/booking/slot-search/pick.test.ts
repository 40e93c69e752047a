// Invariant: the few slots said out loud are spread out, nearest to the wish, and in time order.
import { describe, expect, it } from 'vitest';
import { aroundRange, distinctStarts, nearestTo, spreadPick } from './pick.js';
import type { Slot } from '../availability/types.js';

const M = 60_000;
const slot = (min: number, staffId: string | null = null): Slot => ({
  start: new Date(min * M),
  end: new Date((min + 30) * M),
  staffId,
});
const mins = (s: readonly Slot[]) => s.map((x) => x.start.getTime() / M);
const every15 = (from: number, to: number) => Array.from({ length: (to - from) / 15 }, (_, i) => slot(from + i * 15));

describe('picking slots to offer', () => {
  it('spreads options at least the gap apart, filling up with the earliest when too few', () => {
    expect(mins(spreadPick(every15(0, 240), 3, 60 * M))).toEqual([0, 60, 120]);
    expect(mins(spreadPick(every15(0, 60), 3, 60 * M))).toEqual([0, 15, 30]);
  });

  it('picks the nearest starts to a wish, the later one on a tie, returned in time order', () => {
    const slots = [slot(0), slot(45), slot(135), slot(180)];
    expect(mins(nearestTo(slots, 90 * M, 90 * M, 2))).toEqual([45, 135]); // 45 either side: both
    expect(mins(nearestTo(slots, 100 * M, 100 * M, 1))).toEqual([135]);
    expect(mins(nearestTo([slot(60), slot(120)], 90 * M, 90 * M, 1))).toEqual([120]); // tie → the later
  });

  it('offers both sides of a full window, after first', () => {
    const slots = [...every15(0, 120), ...every15(600, 720)];
    expect(mins(aroundRange(slots, 200 * M, 500 * M, 3, 60 * M))).toEqual([105, 600, 660]);
  });

  it('keeps one slot per start time', () => {
    expect(distinctStarts([slot(0, 'a'), slot(0, 'b'), slot(15, 'b')]).map((s) => s.staffId)).toEqual(['a', 'b']);
  });
});
