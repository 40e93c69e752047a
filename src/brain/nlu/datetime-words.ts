/**
 * What the date and time readers of datetime.ts share: weekday and month names, the nth weekday of a
 * month, a found value with its place (a hit), "not" before a value, masking a phrase once it is read, and
 * regional day words ("the morra", "a fortnight") rewritten before anything is read.
 */
import { DateTime } from 'luxon';

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

/**
 * Where a caller says they are tied up ("I'm at work", "away", "on holiday"): said before "until", what
 * follows is when they are free again, the day (datetime-spans.ts) or the time (datetime.ts).
 */
export const BUSY =
  '(?:at (?:work|school|the office|college|uni|practice)|in (?:school|class|work|a meeting|meetings)|working|(?<=\\b(?:i|we|he|she|they|you) )works?|busy|stuck|tied up|on shift|away|gone|out|off|travel(?:l)?ing|on (?:holiday|vacation|leave)|out of (?:town|the country))';

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

/** Words that end the phrase "the day" when it means today ("could ye fit him in the day?", "anything the day at 3"). */
const TODAY_AFTER = String.raw`(?=\s*(?:[,.;!?]|$|(?:at|around|about|for|then|please|if|or|sometime|like|aye|at all|morning|afternoon|evening)\b))`;

/**
 * Day words of Britain and Ireland rewritten as the words parseTimeWish reads: Scots "the morra" and "the
 * morn" (tomorrow; "the morn's morn" tomorrow morning), "efter", "the nicht" (tonight), "the day" (today,
 * only after a word that asks for a time and before the end of the phrase: never "the day after", "end of
 * the day", "any time in the day"); "this day week" (a week from today); "a fortnight" (two weeks; "Friday
 * fortnight" stays for the weekday reading).
 */
export function dayWords(text: string): string {
  return shortWeekdays(text)
    .replace(/\bthe morn'?s morn(?:ing)?\b/g, 'tomorrow morning')
    .replace(
      /\bthe (?:morra|morrow)\b|(?<!\b(?:in|this|of|every|each|all|that|from|till|until|by) )\bthe morn\b(?!ing)/g,
      'tomorrow',
    )
    .replace(/\befter\b/g, 'after')
    .replace(/\bthe nicht\b/g, 'tonight')
    .replace(
      new RegExp(
        String.raw`\b((?:fit|see|squeeze|get|book|bring|take|come|pop|anything|something|free|available|open|appointments?|slots?|room)(?: (?:me|him|her|us|them|it|ye|you|yous|ma \w+|my \w+|the \w+))?(?: in)?) the day\b${TODAY_AFTER}`,
        'g',
      ),
      '$1 today',
    )
    .replace(/\b(?:this day|today) (week|fortnight)\b/g, 'a $1 from today')
    .replace(new RegExp(`(?<!\\b(?:${WD})s? )\\b(?:a |one |1 )?fortnight\\b`, 'g'), '2 weeks');
}

/** Ordinals of a weekday in its month ("the 2nd Monday", "the last Friday"); -1 is the last. */
export const NTH: Record<string, number> = {
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  last: -1,
  final: -1,
  'very last': -1,
};

/** The `nth` (1–5, or -1 for the last) weekday `wd` of a month; undefined when the month has no such day. */
export function nthWeekday(
  year: number,
  month: number,
  wd: number,
  nth: number,
  zone: DateTime['zone'],
): DateTime | undefined {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone });
  if (nth < 0) {
    const lastDay = first.endOf('month').startOf('day');
    return lastDay.minus({ days: (lastDay.weekday - wd + 7) % 7 });
  }
  const d = first.plus({ days: ((wd - first.weekday + 7) % 7) + 7 * (nth - 1) });
  return d.month === month ? d : undefined;
}

/** The month named anywhere in an utterance ("end of the month", "next month", "in June"), as monthOf reads it. */
export function monthContext(s: string): { which: string | undefined } | undefined {
  const x = new RegExp(`\\b(?:(next|following|this|the) month|(?:in|of|for|during|end of) (${MONTH_RE})\\b)`).exec(s);
  if (!x) return undefined;
  return { which: x[2] ?? (x[1] === 'next' || x[1] === 'following' ? x[1] : undefined) };
}

const SHORT_DAYS: Record<string, string> = {
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  weds: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};
/** The first `weekday` (1 = Monday) after the day `d`: a week on when `d` is that weekday. */
export const nextWeekday = (d: DateTime, weekday: number): DateTime =>
  d.plus({ days: (weekday - d.weekday + 7) % 7 || 7 });

/** Short forms that are also English words ("I sat down", "the sun's out", "we wed in June", "c'mon"). */
const WORDLIKE = new Set(['mon', 'wed', 'sat', 'sun']);
const SHORT_RE = Object.keys(SHORT_DAYS).join('|');
/** What may stand before a short weekday that is also a word: "this sat", "on sun", "till wed". */
const DAY_BEFORE = String.raw`(?:this|next|coming|on|every|each|by|till|until|from|before|after|or|to|and|say|maybe|about|done|in|for)`;
/** What may follow it: a part of the day, a time, another weekday ("sat morning", "sun 10am", "sat or sun"). */
const DAY_AFTER = String.raw`(?:(?:mornings?|afternoons?|evenings?|nights?|arvos?|am|pm|week|fortnight|next week|or (?:${SHORT_RE}|\w+day)|the \d{1,2}(?:st|nd|rd|th))\b|(?:at )?\d|[?!]|,\s*(?:like|around|about|maybe|at|say|\d))`;

/**
 * Weekdays written or said short ("this sat 11am", "thurs", "fri arvo", "weds or thu") as their full names.
 * A short form that is also a word ("sat", "sun", "wed", "mon") is a weekday only with a day word around it:
 * "this sat", "sat morning", "on sun", "sat or sun"; never "I sat down", "the sun", "c'mon".
 */
function shortWeekdays(text: string): string {
  return text.replace(new RegExp(`(?<!['’])\\b(${SHORT_RE})\\b(?!['’]\\w)`, 'g'), (w: string, _d, at: number) => {
    if (!WORDLIKE.has(w)) return SHORT_DAYS[w];
    const before = new RegExp(`\\b${DAY_BEFORE}\\s+$`).test(text.slice(Math.max(0, at - 12), at));
    const after = new RegExp(`^\\s+${DAY_AFTER}`).test(text.slice(at + w.length));
    const alone = !text.slice(0, at).trim() && !text.slice(at + w.length).replace(/[\s?.!,]/g, '');
    return before || after || alone ? SHORT_DAYS[w] : w;
  });
}
