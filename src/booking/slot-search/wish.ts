/**
 * A caller's wish about when, as the brain's NLU produces it, and the local start windows it means.
 */
import { z } from 'zod';
import type { TimeRange } from '../availability/time-ranges.js';
import { parseClock, wallToInstant } from '../availability/local-time.js';

/** Parts of a day a caller can name. */
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** Local start-time bounds of each part of the day, in minutes after midnight: [from, to). */
export const PART_OF_DAY_MINUTES: Readonly<Record<PartOfDay, readonly [number, number]>> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};

/** Limits on the start time of the day: part of the day, "after 4" (`after: "16:00"`), "before noon". */
export interface TimeOfDayFilter {
  readonly partOfDay?: PartOfDay;
  /** Slot starts at or after this local time. */
  readonly after?: string;
  /** Slot starts before this local time. */
  readonly before?: string;
}

/**
 * What the caller asked for. Dates are the business's local dates `YYYY-MM-DD`, times `HH:mm`.
 * - `exact`: "Thursday at 3" → that start, or the nearest alternatives.
 * - `day`: "tomorrow afternoon", "Friday after 4" → a few starts that day in that window.
 * - `earliest`: "as soon as possible", "the earliest morning" → the first starts from now (or `fromDate`).
 */
export type SlotWish =
  | { readonly kind: 'exact'; readonly date: string; readonly time: string }
  | ({ readonly kind: 'day'; readonly date: string } & TimeOfDayFilter)
  | ({ readonly kind: 'earliest'; readonly fromDate?: string } & TimeOfDayFilter);

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const filter = {
  partOfDay: z.enum(['morning', 'afternoon', 'evening']).optional(),
  after: time.optional(),
  before: time.optional(),
};

/** Validation of a {@link SlotWish} (for tool arguments produced by a language model). */
export const slotWishSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), date, time }),
  z.object({ kind: z.literal('day'), date, ...filter }),
  z.object({ kind: z.literal('earliest'), fromDate: date.optional(), ...filter }),
]);

/** The local start-minute bounds `[from, to)` the filter allows in a day (may be empty). */
export function minuteBounds(f: TimeOfDayFilter): readonly [number, number] {
  const [pFrom, pTo] = f.partOfDay ? PART_OF_DAY_MINUTES[f.partOfDay] : [0, 24 * 60];
  const from = Math.max(pFrom, f.after ? parseClock(f.after) : 0);
  const to = Math.min(pTo, f.before ? parseClock(f.before) : 24 * 60);
  return [from, to];
}

/** The instants of `date` whose local start time the filter allows, as one range (or null when empty). */
export function startWindowOn(date: string, f: TimeOfDayFilter, tz: string): TimeRange | null {
  const [from, to] = minuteBounds(f);
  if (from >= to) return null;
  const start = wallToInstant(date, from, tz);
  const end = wallToInstant(date, to, tz);
  return end > start ? { start, end } : null;
}
