// Invariant: range set operations agree with minute-by-minute set semantics and never modify their inputs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { intersectRanges, normalizeRanges, subtractRanges } from './time-ranges.js';
import type { TimeRange } from './time-ranges.js';

const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 }))
  .map(([s, l]) => ({ start: s, end: s + l }));
const listArb = fc.array(rangeArb, { maxLength: 8 });

function covered(ranges: readonly TimeRange[]): Set<number> {
  const set = new Set<number>();
  for (const r of ranges) for (let t = r.start; t < r.end; t++) set.add(t);
  return set;
}
const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
function isNormal(rs: readonly TimeRange[]): boolean {
  return rs.every((r, i) => r.end > r.start && (i === 0 || rs[i - 1].end < r.start));
}

describe('time ranges', () => {
  it('normalize merges overlapping and touching ranges and sorts them', () => {
    expect(
      normalizeRanges([
        { start: 5, end: 7 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 6, end: 9 },
        { start: 10, end: 10 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });

  it('subtract cuts holes and edges', () => {
    expect(
      subtractRanges(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 3 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });

  it('subtract, intersect and normalize match set semantics and leave inputs untouched', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const before = JSON.stringify([a, b]);
        const sub = subtractRanges(a, b);
        const inter = intersectRanges(a, b);
        const norm = normalizeRanges(a);
        const A = covered(a);
        const B = covered(b);
        expect(sorted(covered(sub))).toEqual(sorted(A).filter((t) => !B.has(t)));
        expect(sorted(covered(inter))).toEqual(sorted(A).filter((t) => B.has(t)));
        expect(sorted(covered(norm))).toEqual(sorted(A));
        expect(isNormal(sub) && isNormal(inter) && isNormal(norm)).toBe(true);
        expect(JSON.stringify([a, b])).toBe(before);
      }),
    );
  });
});
