/** Choosing which few slots to say out loud. */
import type { Slot } from '../availability/types.js';

/** One slot per start instant (the first resource listed wins), keeping order. */
export function distinctStarts(slots: readonly Slot[]): Slot[] {
  const out: Slot[] = [];
  for (const s of slots) if (out.length === 0 || out[out.length - 1].start.getTime() !== s.start.getTime()) out.push(s);
  return out;
}

/**
 * Up to `n` slots from a time-ordered list, spread out: the first, then each next one at least
 * `gapMs` after the previous pick; if that leaves fewer than `n`, the earliest unpicked fill in.
 * Returned in time order.
 */
export function spreadPick(slots: readonly Slot[], n: number, gapMs: number): Slot[] {
  return fillUp(spaced(slots, n, gapMs), slots, n);
}

/** Up to `n` slots, each at least `gapMs` after the previous pick, in the list's order. */
function spaced(slots: readonly Slot[], n: number, gapMs: number): Slot[] {
  const picked: Slot[] = [];
  for (const s of slots) {
    if (picked.length >= n) break;
    const last = picked[picked.length - 1];
    if (!last || Math.abs(s.start.getTime() - last.start.getTime()) >= gapMs) picked.push(s);
  }
  return picked;
}

/** `picked` plus the first unpicked of `slots` until there are `n`; in time order. */
function fillUp(picked: readonly Slot[], slots: readonly Slot[], n: number): Slot[] {
  const out = [...picked];
  for (const s of slots) {
    if (out.length >= n) break;
    if (!out.includes(s)) out.push(s);
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The `n` slots nearest to the range `[from, to)` (distance 0 inside it); on a tie the later slot
 * wins, since "the next one" is what a caller expects. Returned in time order.
 */
export function nearestTo(slots: readonly Slot[], from: number, to: number, n: number): Slot[] {
  const distance = (s: Slot) => {
    const t = s.start.getTime();
    return t < from ? from - t : t >= to ? t - to : 0;
  };
  return [...slots]
    .sort((a, b) => distance(a) - distance(b) || b.start.getTime() - a.start.getTime())
    .slice(0, n)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Up to `n` spread-out slots on both sides of the range `[from, to)`: the first after it, the last
 * before it, the next after, … ("Thursday is full — Wednesday at 4 or Friday at 9?"). Time order.
 */
export function aroundRange(slots: readonly Slot[], from: number, to: number, n: number, gapMs: number): Slot[] {
  const afterAll = slots.filter((s) => s.start.getTime() >= to);
  const beforeAll = slots.filter((s) => s.start.getTime() < from).reverse();
  const after = spaced(afterAll, n, gapMs);
  const before = spaced(beforeAll, n, gapMs);
  const out: Slot[] = [];
  for (let i = 0; out.length < n && (i < after.length || i < before.length); i++) {
    if (i < after.length) out.push(after[i]);
    if (i < before.length && out.length < n) out.push(before[i]);
  }
  return fillUp(out, [...afterAll, ...beforeAll], n);
}
