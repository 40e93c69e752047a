/**
 * What the date and time readers of datetime.ts share: weekday names, a found value with its place
 * (a hit), "not" before a value, and masking a phrase once it is read.
 */
import type { DateTime } from 'luxon';

/** Weekday names and short forms (1 = Monday). */
export const WEEKDAYS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  tues: 2,
  wednesday: 3,
  weds: 3,
  thursday: 4,
  thurs: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** The weekday names as a regular-expression alternation. */
export const WD = 'monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday';

/** Month names and short forms (1 = January). */
export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** The month names as a regular-expression alternation. */
export const MONTH_RE =
  'january|jan|february|feb|march|april|apr|may|june|july|august|aug|september|sept|october|oct|november|nov|december|dec';

/**
 * The day `pick` finds in the month a phrase names: "the month" / "this month" (next month's once this
 * month's has passed), "next month", or a month by name (this year's, else next year's).
 */
export function monthOf(
  which: string | undefined,
  today: DateTime,
  pick: (year: number, month: number) => DateTime | undefined,
): DateTime | undefined {
  const named = which ? MONTHS[which] : undefined;
  if (named) {
    const d = pick(today.year, named);
    return d && d >= today ? d : pick(today.year + 1, named);
  }
  const next = today.plus({ months: 1 });
  if (which === 'next' || which === 'following') return pick(next.year, next.month);
  const d = pick(today.year, today.month);
  return d && d >= today ? d : pick(next.year, next.month);
}

/** A value found in the text, with where it was said. */
export interface Hit<T> {
  at: number;
  value: T;
  /** Said after "not": the caller excludes it. */
  negated?: boolean;
  /** Set on a bare weekday (1 = Monday). */
  weekday?: number;
  /** A weekday said with no "this" / "next": it may name a day inside a week or range said with it. */
  bare?: boolean;
  /** The week a relative date falls in ("in two weeks"): a weekday said with it names a day of that week. */
  scope?: { from: string; to: string };
  /** A day the caller chose in that week ("Tuesday next week"), not only a week to count in. */
  ownDay?: boolean;
}

/** "not", "but not", "and not" right before a value (a filler may sit between). */
const NEGATION = /\b(?:not|n't)\s+(?:(?:on|at|for|the|this|that|a|uh|um|\d{1,2})\s+)*$/;

/** True when the value at `at` in `s` is said after "not". */
export function negatedAt(s: string, at: number): boolean {
  return NEGATION.test(s.slice(Math.max(0, at - 24), at));
}

/** A day or an inclusive range of local days. */
export type DateValue = { date: string } | { range: { from: string; to: string } };

/** The hit said last. */
export function last<T>(hits: Hit<T>[]): Hit<T> | undefined {
  return hits.reduce<Hit<T> | undefined>((best, h) => (!best || h.at >= best.at ? h : best), undefined);
}

/** Blanks out each match of `re` once `fn` has read it; a match `fn` answers `false` to stays for later passes. */
export function mask(m: { s: string }, re: RegExp, fn: (match: RegExpExecArray) => unknown): void {
  m.s = m.s.replace(re, (...args) => {
    const match = args.slice(0, -2) as unknown as RegExpExecArray;
    (match as unknown as { index: number }).index = args[args.length - 2] as number;
    return fn(match) === false ? (args[0] as string) : ' '.repeat((args[0] as string).length);
  });
}

/** The local date as "YYYY-MM-DD". */
export function iso(d: DateTime): string {
  return d.toISODate()!;
}
