/** Holidays and the holiday season, as parseTimeWish reads them (see the note in datetime.ts). */
import { DateTime } from 'luxon';
import { zoneCountry } from '../../lib/index.js';
import { iso, mask, WD, WEEKDAYS, type DateValue } from './datetime-words.js';

/** A holiday's month and day in a year, in a country (ISO code; undefined where it is not kept). */
type OnDay = (year: number, country: string) => [number, number] | undefined;
const fixed =
  (month: number, day: number): OnDay =>
  () => [month, day];
/** The `n`th `weekday` (1 = Monday) of `month`; n = -1 for the last. */
const nth =
  (month: number, weekday: number, n: number): OnDay =>
  (year) => {
    const first = DateTime.utc(year, month, 1);
    const d =
      n > 0
        ? first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) })
        : first.endOf('month').minus({ days: (first.endOf('month').weekday - weekday + 7) % 7 });
    return [d.month, d.day];
  };
/** Easter Sunday (the Gregorian computus), moved by `days`. */
const easter =
  (days: number): OnDay =>
  (year) => {
    const a = year % 19;
    const b = Math.floor(year / 100);
    const c = year % 100;
    const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((8 * b + 13) / 25)) / 3) + 15) % 30;
    const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    const d = DateTime.utc(year, month, ((h + l - 7 * m + 114) % 31) + 1).plus({ days });
    return [d.month, d.day];
  };
/** By the business's country: the first rule whose countries hold it, else the last (the default). */
const byCountry =
  (rules: Array<[string[] | '*', OnDay]>): OnDay =>
  (year, country) =>
    (rules.find(([cs]) => cs === '*' || cs.includes(country)) ?? rules[rules.length - 1])[1](year, country);

/**
 * Days callers name, longest phrase first: [phrase, when]. Each means its next occurrence ("New Year's Day" said
 * on December 27 is next year's), even when the business is closed then, so the agent can say so. Movable days
 * by their rule, in the business's country where it differs (Thanksgiving in Canada is in October).
 */
const NAMED_DAYS: Array<[string, OnDay]> = [
  ['christmas eve|xmas eve', fixed(12, 24)],
  ['christmas day|xmas day|christmas|xmas', fixed(12, 25)],
  ["boxing day|st\\.? stephen's day|saint stephen's day", fixed(12, 26)],
  ["new year's eve|new years eve|new year eve|hogmanay", fixed(12, 31)],
  ["new year's day|new years day|new year day|new year's|new years|(?<!\\bhappy )new year", fixed(1, 1)],
  ["valentine's day|valentines day|valentine's|valentines", fixed(2, 14)],
  ["st\\.? patrick's day|saint patrick's day|paddy's day", fixed(3, 17)],
  ['halloween', fixed(10, 31)],
  [
    'thanksgiving(?: day)?',
    byCountry([
      [['CA'], nth(10, 1, 2)],
      ['*', nth(11, 4, 4)],
    ]),
  ],
  ['memorial day', nth(5, 1, -1)],
  [
    'labou?r day',
    byCountry([
      [['US', 'CA'], nth(9, 1, 1)],
      ['*', nth(9, 1, 1)],
    ]),
  ],
  ["presidents'? day|president's day|washington's birthday", nth(2, 1, 3)],
  ['(?:martin luther king(?: jr\\.?)?|mlk)(?: jr\\.?)? day', nth(1, 1, 3)],
  ['independence day|the fourth of july|fourth of july|july (?:4th|fourth|4)', fixed(7, 4)],
  ['juneteenth', fixed(6, 19)],
  ['canada day', fixed(7, 1)],
  [
    'victoria day',
    (year) => {
      const d = DateTime.utc(year, 5, 24);
      const mon = d.minus({ days: (d.weekday + 6) % 7 });
      return [mon.month, mon.day];
    },
  ],
  ['veterans day|remembrance day|armistice day', fixed(11, 11)],
  ['australia day', fixed(1, 26)],
  ['anzac day', fixed(4, 25)],
  ['waitangi day', fixed(2, 6)],
  ['good friday', easter(-2)],
  ['easter monday', easter(1)],
  ['easter sunday|easter', easter(0)],
  [
    "mother's day|mothers day|mothering sunday",
    byCountry([
      [['GB', 'IE'], easter(-21)],
      ['*', nth(5, 7, 2)],
    ]),
  ],
  [
    "father's day|fathers day",
    byCountry([
      [['AU', 'NZ'], nth(9, 7, 1)],
      ['*', nth(6, 7, 3)],
    ]),
  ],
];
export const NAMED_DAY_RE = NAMED_DAYS.map(([re]) => re).join('|');
/** "the holidays", "the Christmas break": Christmas Eve to New Year's Day; "the new year": its first two weeks. */
const SEASON_RE =
  'the holidays|the holiday season|the festive (?:season|period)|(?:the )?(?:christmas|xmas) (?:holidays|holiday|break|period|season|time)|christmastime|the new year';
/**
 * A holiday said as a day is followed by the end of the phrase or a word that is not a noun of its
 * own: "Christmas Eve morning", "New Year's at 3" name a day; "Christmas shopping", "a Halloween party",
 * "my New Year's resolution" do not.
 */
const AS_A_DAY =
  "(?=\\s*(?:$|[,.!?;:]|(?:at|around|about|in|on|or|and|if|please|then|would|could|is|works?|morning|afternoon|evening|night|week|maybe|perhaps|for|with|so|but|because|i|i'm|i'd|we|we're|you|sometime|any|preferably|ideally|too|as|this|next|before|after|when|once|while|till|until|\\d{1,2})\\b))";
const HOLIDAY = `(${SEASON_RE}|${NAMED_DAY_RE})\\b${AS_A_DAY}`;

/** The first and last day of a span of days. */
export type Span = { first: DateTime; last: DateTime };

/** The span a holiday or season phrase names in the year its first day falls in. */
function holidaySpan(phrase: string, year: number, today: DateTime): Span | undefined {
  const at = (y: number, month: number, day: number) =>
    DateTime.fromObject({ year: y, month, day }, { zone: today.zone });
  if (phrase === 'the new year') return { first: at(year, 1, 1), last: at(year, 1, 1) };
  if (new RegExp(`^(?:${SEASON_RE})$`).test(phrase)) {
    // "the holidays" outside November to mid-January are someone's own (school, summer) holidays
    const own = /^the holidays$/.test(phrase);
    if (own && !(today.month >= 11 || (today.month === 1 && today.day <= 15))) return undefined;
    return { first: at(year, 12, 24), last: at(year + 1, 1, 1) };
  }
  const named = NAMED_DAYS.find(([re]) => new RegExp(`^(?:${re})$`).test(phrase));
  const on = named?.[1](year, zoneCountry(today.zoneName ?? '') ?? 'US');
  return on && { first: at(year, on[0], on[1]), last: at(year, on[0], on[1]) };
}

/**
 * The dates `read` makes of a holiday's span, for the first of last year's, this year's and next year's
 * that has not ended by today (so "after Christmas" said on December 27 is this Christmas), from today on.
 */
function holidayDates(
  phrase: string,
  today: DateTime,
  read: (s: Span, year: number) => [DateTime, DateTime] | undefined,
): DateValue | undefined {
  for (let y = today.year - 1; y <= today.year + 1; y++) {
    const span = holidaySpan(phrase, y, today);
    const r = span && read(span, y);
    if (!r || r[1] < today || r[0] > r[1]) continue;
    const from = r[0] < today ? today : r[0];
    return +from === +r[1] ? { date: iso(from) } : { range: { from: iso(from), to: iso(r[1]) } };
  }
  return undefined;
}

/** `wd` on or after `d` (1 = Monday). */
const onOrAfter = (d: DateTime, wd: number) => d.plus({ days: (wd - d.weekday + 7) % 7 });

/** Days in the holiday's span and around it (the search window of "after", two weeks). */
const AFTER_DAYS = 13;

/** "by Christmas" is before it; "stop by Christmas Eve" is on it. */
const BY = '(?<!\\b(?:stop|stopping|come|coming|drop|dropping|swing|pop|call|go) )by';

/** Each phrase around a holiday and the dates it names, the longer phrases read first. */
const HOLIDAY_PHRASES: Array<[RegExp, (x: RegExpExecArray, today: DateTime) => DateValue | undefined]> = [
  [
    // "between Christmas and New Year": the days in between, the first holiday the one before the second
    new RegExp(`\\b(?:in )?between ${HOLIDAY} and ${HOLIDAY}`, 'g'),
    (x, today) =>
      holidayDates(x[2], today, (end, y) => {
        const start = holidaySpan(x[1], y, today) ?? holidaySpan(x[1], y - 1, today);
        const before = start && start.last >= end.first ? holidaySpan(x[1], y - 1, today) : start;
        return before && [before.last.plus({ days: 1 }), end.first.minus({ days: 1 })];
      }),
  ],
  [
    new RegExp(`\\b(?:the |a )?(?:(?:1st|next) )?(day|week|weekend|${WD}) (after|before|following) ${HOLIDAY}`, 'g'),
    (x, today) => holidayDates(x[3], today, (s) => relativeTo(s, x[1], x[2] !== 'before')),
  ],
  [
    new RegExp(`\\b(?:the )?week of ${HOLIDAY}|\\b${HOLIDAY} week\\b`, 'g'),
    (x, today) =>
      holidayDates(x[1] ?? x[2], today, (s) => [s.first.startOf('week'), s.first.startOf('week').plus({ days: 6 })]),
  ],
  [
    new RegExp(`\\b(after|following|before|${BY}) ${HOLIDAY}`, 'g'),
    (x, today) =>
      holidayDates(x[2], today, (s) =>
        x[1] === 'before' || x[1] === 'by'
          ? [today, s.first.minus({ days: 1 })]
          : [s.last.plus({ days: 1 }), s.last.plus({ days: 1 + AFTER_DAYS })],
      ),
  ],
  [
    new RegExp(`\\b${HOLIDAY}`, 'g'),
    (x, today) =>
      holidayDates(x[1], today, (s) =>
        x[1] === 'the new year' ? [s.first, s.first.plus({ days: AFTER_DAYS })] : [s.first, s.last],
      ),
  ],
];

/**
 * Holidays and the holiday season: "Christmas Eve", "between Christmas and New Year", "the first weekend
 * after New Year's", "the Thursday before New Year's", "after the holidays", "in the new year".
 */
export function findHolidays(m: { s: string }, today: DateTime, add: (at: number, v: DateValue) => unknown): void {
  for (const [re, read] of HOLIDAY_PHRASES)
    mask(m, re, (x) => {
      const value = read(x, today);
      if (!value) return false;
      add(x.index, value);
    });
}

/** "the day / week / weekend / Monday after (or before) it": the first such after the span's last day, or the last before its first. */
export function relativeTo(s: Span, unit: string, after: boolean): [DateTime, DateTime] {
  if (unit === 'day') {
    const d = after ? s.last.plus({ days: 1 }) : s.first.minus({ days: 1 });
    return [d, d];
  }
  if (unit === 'week') {
    if (!after) return [s.first.minus({ days: 7 }), s.first.minus({ days: 1 })];
    const monday = onOrAfter(s.last.plus({ days: 1 }), 1);
    return [monday, monday.plus({ days: 6 })];
  }
  const wd = unit === 'weekend' ? 6 : WEEKDAYS[unit];
  const d = after ? onOrAfter(s.last.plus({ days: 1 }), wd) : onOrAfter(s.first.minus({ days: 7 }), wd);
  if (unit !== 'weekend') return [d, d];
  // the weekend before: the Saturday and Sunday that end before the day
  const sat = after ? d : d.plus({ days: 1 }) < s.first ? d : d.minus({ days: 7 });
  return [sat, sat.plus({ days: 1 })];
}

/** The next day (from `today` on) a holiday named in `text` falls on, as an ISO date; undefined when none is named. */
export function namedHolidayDate(text: string, today: DateTime): string | undefined {
  const x = new RegExp(`\\b(${NAMED_DAY_RE})\\b`).exec(text);
  const value = x ? holidayDates(x[1], today.startOf('day'), (s) => [s.first, s.last]) : undefined;
  return value && 'date' in value ? value.date : undefined;
}
