/**
 * Dates and times as callers say them, resolved against the call's clock in the business's
 * time zone. The output is a "wish": what the caller asked for, not yet a slot.
 *
 * Deliberate readings (the confirmation always reads weekday and date back):
 * - a bare weekday ("Monday") is the first such day after today; "this Monday" may be today;
 *   "next Thursday" is the Thursday of next week (Monday-start weeks);
 * - an hour without am/pm is read inside a working day: 7–11 → morning, 12 → noon, 1–6 → afternoon,
 *   unless a part of day says otherwise ("8 tonight" → 20:00);
 * - "the 18th" is this month's 18th, or next month's when that has passed;
 * - when one utterance names two values ("Tuesday, I mean Wednesday"), the later one wins;
 * - a value said after "not" is excluded, wherever it stands ("4, not 3", "not tomorrow, Friday");
 * - "a week from Tuesday" is a week after the next Tuesday; "the one after" / "the following one" /
 *   "the Friday after that" count from the date just named (even a negated one: "not tomorrow, the
 *   one after"); "Friday after next" is a week after the next Friday;
 * - "the last Saturday of the month", "the first Monday of next month", "the last Friday in June": that
 *   weekday of that month ("the month" is this one, or the next once its day has passed); "the last
 *   Friday" alone, or with "end of the month" said nearby, is the last of the month meant;
 * - a day told as background in the past ("he rolled his ankle on Saturday", "last Saturday", "since
 *   Monday") is no wish; ordinals that count something else ("eighth grade", "2nd floor", "her 50th
 *   birthday") are no dates;
 * - a time said loosely keeps its minutes ("two thirty-ish" → 14:30, "quarter past seven in the
 *   evening" → 19:15, "half five" → 17:30); "arvo" is the afternoon; an exact time said with a vague
 *   bound it falls outside ("early evening, maybe around six") keeps the time and drops the bound;
 * - a holiday with a fixed date ("Christmas Eve", "Boxing Day", "New Year's Day") is its next occurrence,
 *   even on a day the business is closed (the agent says so); phrases around one ("after Christmas",
 *   "between Christmas and New Year", "the first weekend after New Year's") use the occurrence that has
 *   not yet ended, from today on; "the holidays" run from Christmas Eve to New Year's Day;
 * - "the week after next" and "in a couple of weeks" are weeks; a bare weekday said with a week or a
 *   range ("next week sometime? Tuesday") is that week's day, several joined by "or" the part they span;
 * - "not before 10", "10 or later" bound the start from below ("earliest" stays "the soonest opening");
 *   "any afternoon but Wednesday", "on a weekday" rule weekdays out (`notWeekdays`);
 * - a speech recogniser's homophone of an hour is that hour only where a time is certain: "at for
 *   thirty" (4:30), "at to pm" (2 PM), "ate o'clock"; never "for two people" or "to 3".
 */
import { DateTime } from 'luxon';
import { UNITS } from './text.js';

/** Part of a day a caller may ask for. */
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** What a caller asked for in time; dates are local "YYYY-MM-DD", times local "HH:mm". */
export interface TimeWish {
  date?: string;
  /** An inclusive range of local dates ("next week", "end of the week"). */
  range?: { from: string; to: string };
  time?: string;
  partOfDay?: PartOfDay;
  after?: string;
  before?: string;
  earliest?: boolean;
  /**
   * Weekdays the caller ruled out (1 = Monday … 7 = Sunday): "any afternoon but Wednesday", "not Mondays",
   * "on a weekday" (no Saturday or Sunday). Set only when no single date was asked for.
   */
  notWeekdays?: number[];
  /** "Same time" when moving an appointment: the time it has now (filled in once the appointment is known). */
  sameTime?: boolean;
}

/** Local time-of-day windows for the parts of a day. */
export const PART_OF_DAY_WINDOWS: Record<PartOfDay, { from: string; to: string }> = {
  morning: { from: '00:00', to: '12:00' },
  afternoon: { from: '12:00', to: '17:00' },
  evening: { from: '17:00', to: '23:59' },
};

const WEEKDAYS: Record<string, number> = {
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
const MONTHS: Record<string, number> = {
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
const MONTH_RE =
  'january|jan|february|feb|march|april|apr|may|june|july|august|aug|september|sept|october|oct|november|nov|december|dec';

interface Hit<T> {
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
function negatedAt(s: string, at: number): boolean {
  return NEGATION.test(s.slice(Math.max(0, at - 24), at));
}

type DateValue = { date: string } | { range: { from: string; to: string } };
type TimeValue = { kind: 'at' | 'after' | 'before'; time: string; guessed?: boolean };

/** Parses the time wish in `text` (already normalized, numbers as digits); undefined when none. */
export function parseTimeWish(
  text: string,
  now: Date,
  timezone: string,
  info?: { hourGuessed?: boolean; weekday?: number },
): TimeWish | undefined {
  text = heardAsTime(text);
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const masked = { s: ` ${text} ` };
  const orig = masked.s;
  maskPastEvents(masked);
  // what is left once the background in the past is gone ("it started leaking this morning")
  const present = masked.s;
  const excluded = maskExcludedWeekdays(masked);
  const dates = findDates(masked, today, orig);
  excluded.push(...weekParts(masked));
  const pod = findPartOfDay(present);
  const times = findTimes(masked, pod?.value, orig);
  const earliest =
    /\b((?<!\bat the )earliest|soonest|as soon as|asap|(?:first|1st|next) (?:available|opening|thing)|right away|whenever|any ?time(?! (?:before|after|between))|no preference|(?:doesn't|does not) matter)\b/.test(
      text,
    );

  const sameTime = /\b(?:(?:the )?same time|same hour|same slot)\b/.test(text);
  if (
    !dates.some((d) => !d.negated) &&
    !times.some((t) => !t.negated) &&
    !pod &&
    !earliest &&
    !sameTime &&
    !excluded.length
  )
    return undefined;
  const wish: TimeWish = {};
  const lastDate = last(dates.filter((d) => !d.negated));
  if (lastDate) Object.assign(wish, lastDate.value);
  // a bare weekday ("Tuesday at 3 then") may name an offered Tuesday of another week
  if (lastDate?.weekday && info) info.weekday = lastDate.weekday;
  if (pod) wish.partOfDay = pod.value;
  const kept = times.some((t) => t.value.kind === 'at' && !t.negated)
    ? times.filter((t) => !t.negated)
    : times.filter((t) => t.value.kind !== 'at');
  for (const t of [...kept].sort((a, b) => a.at - b.at)) {
    if (t.value.kind === 'at') wish.time = t.value.time;
    else wish[t.value.kind] = t.value.time;
    if (t.value.kind === 'at' && info) info.hourGuessed = !!t.value.guessed;
  }
  if (wish.time) delete wish.partOfDay;
  // an exact time outside a vague bound said with it ("early evening, maybe around six"): the time decides
  if (wish.time && wish.before && wish.time >= wish.before) delete wish.before;
  if (wish.time && wish.after && wish.time < wish.after) delete wish.after;
  if (earliest) wish.earliest = true;
  if (sameTime && !wish.time) wish.sameTime = true;
  // "next week, not Monday": a weekday ruled out while no single day is asked for
  const notWeekdays = [
    ...new Set([...excluded, ...dates.filter((d) => d.negated && d.weekday).map((d) => d.weekday!)]),
  ].sort();
  if (!wish.date && notWeekdays.length && notWeekdays.length < 7) wish.notWeekdays = notWeekdays;
  // exclusions that leave no day at all ("I work weekends… and weekdays") say nothing
  if (!Object.keys(wish).length) return undefined;
  if (pod && /\b(tonight|this (morning|afternoon|evening|arvo)|s'arvo)\b/.test(present) && !wish.date && !wish.range) {
    wish.date = today.toISODate()!;
  }
  return wish;
}

/** Words a speech recogniser writes for an hour it heard: "at for thirty" (4:30), "at to pm" (2 PM), "ate o'clock". */
const SOUNDS_LIKE: Record<string, string> = { for: '4', fore: '4', to: '2', too: '2', ate: '8' };
/** A number followed by one of these counts something else ("for 30 minutes", "to 15 people"). */
const COUNTED =
  '(?! ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|people|persons?|guests?|kids|dollars|bucks|percent|seconds?|feet|miles|pounds|euros|of\\b|%))';
const CLOCK_WORD = "(?:[ap]\\.? ?m\\b|o'? ?clock\\b)";
const POD_WORDS = '(?:in the (?:morning|afternoon|evening)|at night|tonight)';

/**
 * Reads a homophone of an hour as that hour only where a time is certain: after "at" (followed by
 * minutes, am/pm, a part of the day, or the end of the phrase), or before am/pm / "o'clock", or before
 * quarter-hour minutes with am/pm or a part of the day ("for 30 in the afternoon"). "for 2 people",
 * "back to back", "from 1 to 3", "book for 10 in the morning" are left alone.
 */
function heardAsTime(text: string): string {
  const said = '(for|fore|to|too|ate)';
  return text
    .replace(
      new RegExp(
        `\\bat ${said}(?=(?: (?:1[3-9]|[2-5]\\d)\\b${COUNTED})? (?:${CLOCK_WORD}|${POD_WORDS})|(?: (?:1[3-9]|[2-5]\\d)\\b${COUNTED})?\\s*(?:[,.!?]|$|(?:then|please|if|today|tomorrow|tonight)\\b))`,
        'g',
      ),
      (_x, h: string) => `at ${SOUNDS_LIKE[h]}`,
    )
    .replace(
      new RegExp(
        `(?<!\\b(?:up|from|\\d{1,2}) )\\b${said}(?= (?:(?:15|30|45) (?:${CLOCK_WORD}|${POD_WORDS})|${CLOCK_WORD}))`,
        'g',
      ),
      (h: string) => SOUNDS_LIKE[h],
    )
    .replace(new RegExp(`\\btoo(?= (?:15|30|45)\\b${COUNTED})`, 'g'), '2');
}

/** "any afternoon but Wednesday", "except Mondays", "can't do Fridays": weekdays ruled out, blanked so they are no wish. */
function maskExcludedWeekdays(m: { s: string }): number[] {
  const out: number[] = [];
  const days = `(?:on )?(?:a )?(${WD})s?((?:,? (?:or|and|nor|,)? ?(?:on )?(?:a )?(?:${WD})s?)*)`;
  const read = (x: RegExpExecArray) => {
    for (const w of x[0].match(new RegExp(WD, 'g')) ?? []) out.push(WEEKDAYS[w]);
  };
  // "but" rules a day out only after "any" / "every" ("Tuesday but Wednesday works better" names Wednesday)
  mask(
    m,
    new RegExp(`(?<=\\b(?:any|anything|anytime|whenever|every|all)\\b[^,.;!?]{0,40})\\bbut (?:not )?${days}`, 'g'),
    read,
  );
  mask(m, new RegExp(`\\b(?:except|excluding|other than|apart from|besides|but not|just not) ${days}`, 'g'), read);
  mask(
    m,
    new RegExp(
      `\\b(?:no|never) (${WD})s()\\b|\\b(?:can't|cannot|can not|couldn't) (?:do|make|come(?: in)?|manage)(?: it)? ${days}`,
      'g',
    ),
    read,
  );
  return out;
}

/**
 * "on a weekday" rules out Saturday and Sunday, "a weekend would be best" Monday to Friday; said after
 * "not", "no" or "I work", the other way round ("no weekends", "I work weekdays").
 */
function weekParts(m: { s: string }): number[] {
  const out: number[] = [];
  mask(m, /(?<!\b(?:what|which|the|this|next|that|last|past) )\b(weekday|weekend)s?\b/g, (x) => {
    const clause = m.s
      .slice(Math.max(0, x.index - 24), x.index)
      .split(/[,.;!?]|\b(?:so|and|because|cause)\b/)
      .pop()!;
    const flip = /(?:\b(?:not|no|never|except|but|work|works|working|busy|away)|n't)\b/.test(clause);
    out.push(...((x[1] === 'weekday') !== flip ? [6, 7] : [1, 2, 3, 4, 5]));
  });
  return out;
}

function last<T>(hits: Hit<T>[]): Hit<T> | undefined {
  return hits.reduce<Hit<T> | undefined>((best, h) => (!best || h.at >= best.at ? h : best), undefined);
}

/** Blanks out each match of `re` once `fn` has read it; a match `fn` answers `false` to stays for later passes. */
function mask(m: { s: string }, re: RegExp, fn: (match: RegExpExecArray) => unknown): void {
  m.s = m.s.replace(re, (...args) => {
    const match = args.slice(0, -2) as unknown as RegExpExecArray;
    (match as unknown as { index: number }).index = args[args.length - 2] as number;
    return fn(match) === false ? (args[0] as string) : ' '.repeat((args[0] as string).length);
  });
}

function iso(d: DateTime): string {
  return d.toISODate()!;
}

const WD = 'monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday';

/**
 * Verbs that put a clause in the past: events told as background ("he rolled his ankle on Saturday").
 * Verbs about the booking itself ("I booked for Saturday", "you mentioned Saturday") are not among
 * them: the day they name still identifies an appointment or an offer.
 */
const PAST_IRREGULAR = new Set(
  'fell broke hurt went came saw began ran hit bit left lost split burst blew froze tore threw caught stung sprang sprung woke swallowed ate drank'.split(
    ' ',
  ),
);
const NOT_PAST_ED = new Set(
  `need needed booked rebooked scheduled rescheduled reserved confirmed cancelled canceled supposed interested
  preferred closed opened tired based used allowed required included limited married retired qualified licensed
  insured certified experienced expected planned wanted hoped wondered mentioned offered suggested listed
  advertised quoted moved changed arranged organised organized pencilled penciled signed registered enrolled
  pleased thrilled excited worried concerned prepared red bed wed shed speed seed feed weed breed indeed proceed
  exceed succeed hundred`.split(/\s+/),
);
/** Words that make a clause a request or the present ("can I come in Saturday", "Saturday works"). */
const WISH_WORD =
  /^(?:can|could|would|will|shall|should|might|\w+'ll|\w+'d|want|wanna|need|needs|like|love|prefer|book|booking|come|coming|bring|drop|get|see|schedule|do|does|available|free|open|make|move|change|reschedule|about|maybe|possible|possibly|please|works|is|are|am|\w+'s|\w+'re|i'm|appointment|slot|fit|squeeze|pop|instead|then|for|any|have|has|if|ok|okay)$/;
const CLAUSE_BREAK = /^(?:and|but|so|because|cause|cos|though|although)$/;

/** Whether a clause word says the past (true), a wish or the present (false), or neither (undefined). */
function tenseOf(words: string[], i: number): boolean | undefined {
  const w = words[i];
  if (WISH_WORD.test(w)) return false;
  if (w === 'was' || w === 'were')
    return !/^(?:wondering|hoping|thinking|going|looking|calling|told|booked|scheduled|supposed|meant|due|given|offered)$/.test(
      words[i + 1] ?? '',
    );
  if (PAST_IRREGULAR.has(w)) return true;
  if (/^[a-z]{2,}ed$/.test(w) && !NOT_PAST_ED.has(w)) {
    // "can it be fixed by Saturday", "I need my piano tuned Thursday", "get it cleaned on Friday": a wish
    if (
      words
        .slice(Math.max(0, i - 4), i)
        .some((p) => /^(?:be|been|being|get|gets|getting|need|needs|want|wants|have|has|having|like|\w+'d)$/.test(p))
    )
      return undefined;
    return true;
  }
  return undefined;
}

/** Days said as background in the past ("on Saturday he rolled his ankle", "last Saturday", "since Monday"). */
function maskPastEvents(m: { s: string }): void {
  const blank = (from: number, to: number) => {
    m.s = m.s.slice(0, from) + ' '.repeat(to - from) + m.s.slice(to);
  };
  const TAIL = ` (?:morning|afternoon|evening|night|arvo)| (?:at|around|about) \\d{1,2}(?::[0-5]\\d)?(?: ?[ap]\\.? ?m\\b\\.?)?`;
  // "since Monday", "last Saturday", "this past weekend": past whatever the verb
  const always = new RegExp(
    `\\b(?:since|last) (?:${NAMED_DAY_RE})\\b|\\bsince (?:(?:last|this|the) )?(?:${WD}|weekend|yesterday|morning|afternoon)s?\\b(?:${TAIL})?|(?<!\\bthe )\\b(?:last|this past) (?:${WD}|weekend)s?\\b(?! (?:of|in)\\b)(?:${TAIL})*|\\b(?:${WD})s? (?:just gone|gone)\\b`,
    'g',
  );
  m.s = m.s.replace(always, (x) => ' '.repeat(x.length));
  const day = new RegExp(
    `\\b(?:(?:on|over|at) )?(?:the )?(?:(?:${WD})s?|weekend|${NAMED_DAY_RE}|this (?:morning|afternoon|evening)|(?:\\d{1,2})(?:st|nd|rd|th)(?! (?:of|in)\\b))\\b(?:${TAIL})*`,
    'g',
  );
  const spans: Array<[number, number]> = [];
  for (let x = day.exec(m.s); x; x = day.exec(m.s)) {
    // the clause around the day: punctuation and "and / but / so / because" end it
    const before = m.s
      .slice(0, x.index)
      .split(/[,.;!?]/)
      .pop()!
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const start = before.map((w) => CLAUSE_BREAK.test(w)).lastIndexOf(true);
    const back = before.slice(start + 1);
    let past: boolean | undefined;
    for (let i = back.length - 1; i >= 0 && past === undefined; i--) past = tenseOf(back, i);
    // nothing said before it in its clause: the verb right after decides ("on Saturday he rolled his ankle")
    if (past === undefined && back.every((w) => /^(?:on|over|at|the|last|this|past|yeah|oh|well)$/.test(w))) {
      const ahead = m.s
        .slice(x.index + x[0].length)
        .split(/[,.;!?]/)[0]
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      for (let i = 0; i < Math.min(ahead.length, 5) && past === undefined && !CLAUSE_BREAK.test(ahead[i]); i++)
        past = tenseOf(ahead, i);
    }
    if (past) spans.push([x.index, x.index + x[0].length]);
  }
  for (const [from, to] of spans) blank(from, to);
}

/**
 * Days with a fixed date that callers name, longest phrase first: [phrase, month, day]. Each means its
 * next occurrence ("New Year's Day" said on December 27 is next year's), even when the business is
 * closed then, so the agent can say so.
 */
const NAMED_DAYS: Array<[string, number, number]> = [
  ['christmas eve|xmas eve', 12, 24],
  ['christmas day|xmas day|christmas|xmas', 12, 25],
  ["boxing day|st\\.? stephen's day|saint stephen's day", 12, 26],
  ["new year's eve|new years eve|new year eve|hogmanay", 12, 31],
  ["new year's day|new years day|new year day|new year's|new years|(?<!\\bhappy )new year", 1, 1],
  ["valentine's day|valentines day|valentine's|valentines", 2, 14],
  ["st\\.? patrick's day|saint patrick's day|paddy's day", 3, 17],
  ['halloween', 10, 31],
];
const NAMED_DAY_RE = NAMED_DAYS.map(([re]) => re).join('|');
/** "the holidays", "the Christmas break": Christmas Eve to New Year's Day; "the new year": its first two weeks. */
const SEASON_RE =
  'the holidays|the holiday season|the festive (?:season|period)|(?:the )?(?:christmas|xmas) (?:holidays|holiday|break|period|season|time)|christmastime|the new year';
/**
 * A holiday said as a day is followed by the end of the phrase or a word that is not a noun of its
 * own: "Christmas Eve morning", "New Year's at 3" name a day; "Christmas shopping", "a Halloween party",
 * "my New Year's resolution" do not.
 */
const AS_A_DAY =
  "(?=\\s*(?:$|[,.!?;:]|(?:at|around|about|in|on|or|and|if|please|then|would|could|is|works?|morning|afternoon|evening|night|week|maybe|perhaps|for|with|so|but|because|i|i'm|i'd|we|we're|you|sometime|any|preferably|ideally|too|as|this|next|\\d{1,2})\\b))";
const HOLIDAY = `(${SEASON_RE}|${NAMED_DAY_RE})\\b${AS_A_DAY}`;

type Span = { first: DateTime; last: DateTime };

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
  return named && { first: at(year, named[1], named[2]), last: at(year, named[1], named[2]) };
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
function findHolidays(m: { s: string }, today: DateTime, add: (at: number, v: DateValue) => unknown): void {
  for (const [re, read] of HOLIDAY_PHRASES)
    mask(m, re, (x) => {
      const value = read(x, today);
      if (!value) return false;
      add(x.index, value);
    });
}

/** "the day / week / weekend / Monday after (or before) it": the first such after the span's last day, or the last before its first. */
function relativeTo(s: Span, unit: string, after: boolean): [DateTime, DateTime] {
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

const NTH: Record<string, number> = {
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
function nthWeekday(
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

/**
 * The day `pick` finds in the month a phrase names: "the month" / "this month" (next month's once this
 * month's has passed), "next month", or a month by name (this year's, else next year's).
 */
function monthOf(
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

/** The month named anywhere in an utterance ("end of the month", "next month", "in June"), as monthOf reads it. */
function monthContext(s: string): { which: string | undefined } | undefined {
  const x = new RegExp(`\\b(?:(next|following|this|the) month|(?:in|of|for|during|end of) (${MONTH_RE})\\b)`).exec(s);
  if (!x) return undefined;
  return { which: x[2] ?? (x[1] === 'next' || x[1] === 'following' ? x[1] : undefined) };
}

function findDates(m: { s: string }, today: DateTime, orig: string): Array<Hit<DateValue>> {
  const hits: Array<Hit<DateValue>> = [];
  const add = (at: number, value: DateValue, weekday?: number) => {
    const hit: Hit<DateValue> = {
      at,
      value,
      ...(negatedAt(orig, at) ? { negated: true } : {}),
      ...(weekday ? { weekday } : {}),
    };
    hits.push(hit);
    return hit;
  };
  const inItsWeek = (hit: Hit<DateValue>) => {
    if ('date' in hit.value) hit.scope = weekOf(DateTime.fromISO(hit.value.date, { zone: today.zone }), today);
  };
  findHolidays(m, today, add);
  findWeeksAhead(m, today, add);
  const count = (w: string) =>
    /^\d/.test(w) ? Number(w) : (({ a: 1, an: 1, one: 1, two: 2, three: 3 } as Record<string, number>)[w] ?? 1);
  // "the one after" / "the following Friday" / "the Friday after that": resolved against the date before it
  const refs: Array<{ at: number; weekday?: number }> = [];
  mask(m, new RegExp(`\\bthe (?:(?:one|${WD}) after(?: that)?(?! next)|following (?:one|${WD}))\\b`, 'g'), (x) => {
    const wd = new RegExp(WD).exec(x[0]);
    refs.push({ at: x.index, ...(wd ? { weekday: WEEKDAYS[wd[0]] } : {}) });
  });
  // "a week from Tuesday": a modifier of the date that follows
  const weeksFrom: Array<{ end: number; weeks: number }> = [];
  mask(m, /\b(a|an|one|1|two|2|three|3) weeks? (?:from|after) (today|now)\b/g, (x) =>
    inItsWeek(add(x.index, { date: iso(today.plus({ weeks: count(x[1]) })) })),
  );
  mask(m, /\b(a|one|1|two|2|three|3) weeks? (?:from|after|on) (?:this |next |on )?(?=\S)/g, (x) =>
    weeksFrom.push({ end: x.index + x[0].length, weeks: count(x[1]) }),
  );
  mask(m, /\b(\d{4})-(\d{2})-(\d{2})\b/g, (x) => add(x.index, { date: `${x[1]}-${x[2]}-${x[3]}` }));
  mask(m, /\bday after tomorrow\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 2 })) }));
  mask(m, /\b(tomorrow|tmrw|tomorow)\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 1 })) }));
  mask(m, /\bin (\d{1,2}|a|an) (day|week)s?\b/g, (x) => {
    const n = /^\d/.test(x[1]) ? Number(x[1]) : 1;
    const hit = add(x.index, { date: iso(today.plus(x[2] === 'day' ? { days: n } : { weeks: n })) });
    if (x[2] === 'week') inItsWeek(hit);
  });
  mask(m, /\b(today|tonight|s'arvo|this (?=morning|afternoon|evening|arvo))\b/g, (x) =>
    add(x.index, { date: iso(today) }),
  );
  // "the last Saturday of the month", "the first Monday of next month", "the last Friday in June"; "the
  // last Friday" alone (or with "end of the month" said nearby) is the last of that month
  const context = monthContext(orig);
  let ofMonth = false;
  mask(
    m,
    new RegExp(
      `\\b(?:(?:on|for) )?(the )?(1st|2nd|3rd|4th|5th|last|final|very last) (${WD})s?\\b(?: (?:of|in) (?:(?:the|this) month|(next|following) month|the (following) month|(${MONTH_RE})\\b)| (?:of|in) (?:the|this) month)?`,
      'g',
    ),
    (x) => {
      const said = / (?:of|in) /.test(x[0]);
      const nth = NTH[x[2]];
      // "the 1st Monday" with no month said may be the first Monday on offer; "last Saturday" is past (masked before)
      if (!said && (!x[1] || (!context && nth !== -1))) return false;
      const which = said ? (x[6] ?? x[4] ?? x[5]) : context?.which;
      const d = monthOf(which, today, (y, mo) => nthWeekday(y, mo, WEEKDAYS[x[3]], nth, today.zone));
      if (!d) return false;
      add(x.index, { date: iso(d) });
      ofMonth = true;
    },
  );
  // "end of the month": its last week, unless a day of it was named ("end of the month, like the last Friday")
  mask(m, new RegExp(`\\b(?:the )?end of (?:(?:the|this) month|(next|following) month|(${MONTH_RE})\\b)`, 'g'), (x) => {
    if (ofMonth) return;
    const end = monthOf(x[2] ?? x[1], today, (y, mo) =>
      DateTime.fromObject({ year: y, month: mo, day: 1 }, { zone: today.zone }).endOf('month').startOf('day'),
    );
    if (!end) return;
    const from = end.minus({ days: 6 });
    add(x.index, { range: { from: iso(from < today ? today : from), to: iso(end) } });
  });
  // "Monday next week", "next week on Monday": that weekday of next week
  mask(m, new RegExp(`\\b(${WD})s? (?:of )?next week\\b|\\bnext week,? (?:on )?(${WD})\\b`, 'g'), (x) => {
    const wd = WEEKDAYS[x[1] ?? x[2]];
    const hit = add(x.index, { date: iso(today.startOf('week').plus({ weeks: 1, days: wd - 1 })) });
    // "next week, Tuesday or Thursday": the other weekday is of next week too
    Object.assign(hit, { scope: weekOf(today.plus({ weeks: 1 }), today), ownDay: true });
  });
  mask(
    m,
    /\b(early |later |end of )?(next|this|the) week(end)?\b|\b(?:end of|later) (?:the|this) week\b|\b(?:over )?the weekend\b/g,
    (x) => add(x.index, { range: weekRange(x[0], today) }),
  );
  const monthDay = new RegExp(
    `\\b(${MONTH_RE})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? of (${MONTH_RE})\\b`,
    'g',
  );
  mask(m, monthDay, (x) => {
    const month = MONTHS[x[1] ?? x[4]];
    const day = Number(x[2] ?? x[3]);
    const d = dayOfMonth(today, day, month);
    if (d) add(x.index, { date: d });
  });
  mask(m, /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, (x) => {
    const d = dayOfMonth(today, Number(x[2]), Number(x[1]));
    if (d) add(x.index, { date: d });
  });
  mask(
    m,
    /(?<!\b(?:my|his|her|our|their|your|its) )\b(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?! (?:one|option|slot|choice|time|available|availability|opening|thing|appointment|grade|graders?|floor|story|storey|year|yr|birthday|bday|anniversary|place|period|class|row|century|edition|generation|round|attempt|try|visit|session|lesson|opinion|child|kid|baby|son|daughter|street|st|avenue|ave|road|rd|unit|apartment|apt|house|door|term|semester|trimester|inning|half|quarter|hole|lap|gear|level))/g,
    (x) => {
      const d = dayOfMonth(today, Number(x[1]));
      if (d) add(x.index, { date: d });
    },
  );
  mask(m, new RegExp(`\\b(?:(this|next|coming|on) )?(${WD})s?( after next| week(?! from| after))?\\b`, 'g'), (x) => {
    const wd = WEEKDAYS[x[2]];
    let delta = (wd - today.weekday + 7) % 7;
    if (delta === 0 && x[1] !== 'this') delta = 7;
    // "next Thursday" said on a Tuesday is the Thursday of next week, not the day after tomorrow
    if (x[1] === 'next' && today.plus({ days: delta }).weekNumber === today.weekNumber) delta += 7;
    if (x[3]) delta += 7;
    const hit = add(x.index, { date: iso(today.plus({ days: delta })) }, x[1] === 'next' || x[3] ? undefined : wd);
    if (!x[3] && (!x[1] || x[1] === 'on')) hit.bare = true;
  });
  for (const w of weeksFrom) {
    const base = hits.find((h) => h.at >= w.end - 1 && h.at <= w.end + 2 && 'date' in h.value);
    if (base && 'date' in base.value) {
      base.value = { date: iso(DateTime.fromISO(base.value.date, { zone: today.zone }).plus({ weeks: w.weeks })) };
      delete base.weekday;
      delete base.bare;
    }
  }
  inScope(hits, today, orig);
  for (const r of refs) {
    const before = hits.filter((h) => h.at < r.at && 'date' in h.value).sort((a, b) => b.at - a.at)[0];
    const ref =
      before && 'date' in before.value ? DateTime.fromISO(before.value.date, { zone: today.zone }) : undefined;
    let d: DateTime | undefined;
    if (ref && r.weekday) d = ref.plus({ days: (r.weekday - ref.weekday + 7) % 7 || 7 });
    else if (ref) d = ref.plus({ weeks: 1 });
    else if (r.weekday) d = today.startOf('week').plus({ weeks: 1, days: r.weekday - 1 });
    if (d) hits.push({ at: r.at, value: { date: iso(d) } });
  }
  return hits;
}

/** The Monday-to-Sunday week of `d`, from today on. */
function weekOf(d: DateTime, today: DateTime): { from: string; to: string } {
  const monday = d.startOf('week');
  return { from: iso(monday < today ? today : monday), to: iso(monday.plus({ days: 6 })) };
}

/**
 * "the week after next", "the weekend after next", "in a couple of weeks" (the week two weeks on), "in a
 * few weeks" (three weeks on): a week, so a weekday said with it ("the Tuesday of the week after next")
 * names that week's day.
 */
function findWeeksAhead(m: { s: string }, today: DateTime, add: (at: number, v: DateValue) => unknown): void {
  mask(m, /\b(?:the )?week(end)? after next\b/g, (x) => {
    const next = weekRange(x[1] ? 'next weekend' : 'next week', today);
    const shift = (d: string) => iso(DateTime.fromISO(d, { zone: today.zone }).plus({ weeks: 1 }));
    const from = x[1] ? shift(next.from) : iso(today.startOf('week').plus({ weeks: 2 }));
    add(x.index, { range: { from, to: shift(next.to) } });
  });
  // "a few weeks back", "for a couple of weeks", "the last few weeks": a past or a length, no day
  mask(
    m,
    /(?<!\b(?:for|past|last|over the|within the|since|took|takes) )\b(?:in )?(?:a )?(couple|few)(?: of)? weeks?(?: time| from (?:now|today))?\b(?! (?:back|ago|before|earlier|prior|since|long|old)\b)/g,
    (x) => add(x.index, { range: weekOf(today.plus({ weeks: x[1] === 'couple' ? 2 : 3 }), today) }),
  );
}

/**
 * A bare weekday said with a week or a range ("next week sometime? Tuesday morning", "Tuesday in two weeks")
 * names that day of it; several joined by "or" ("the first weekend after New Year's, Saturday or Sunday")
 * name the part of it they span, otherwise the later one counts. A bare weekday that would fall in a week
 * ruled out ("not this week, Friday") is the one after it.
 */
function inScope(hits: Array<Hit<DateValue>>, today: DateTime, orig: string): void {
  const spanOf = (h: Hit<DateValue>) => ('range' in h.value ? h.value.range : h.scope);
  const scopes = hits.filter((h) => !h.negated && spanOf(h));
  const within = (wd: number, r: { from: string; to: string }) => {
    for (let d = DateTime.fromISO(r.from, { zone: today.zone }); iso(d) <= r.to; d = d.plus({ days: 1 }))
      if (d.weekday === wd) return iso(d);
    return undefined;
  };
  for (const scope of scopes) {
    const span = spanOf(scope)!;
    const mine = hits.filter(
      (h) => h.bare && !h.negated && nearestScope(h, scopes) === scope && within(h.weekday!, span),
    );
    if (!mine.length) continue;
    for (const h of mine) h.value = { date: within(h.weekday!, span)! };
    const group = scope.ownDay ? [scope, ...mine] : mine;
    const dates = [...new Set(group.map((h) => (h.value as { date: string }).date))].sort();
    if (dates.length > 1 && joinedByOr(orig, group)) {
      scope.value = { range: { from: dates[0], to: dates[dates.length - 1] } };
      for (const h of mine) hits.splice(hits.indexOf(h), 1);
    } else if (!scope.ownDay) hits.splice(hits.indexOf(scope), 1);
  }
  const ruledOut = hits.flatMap((h) => (h.negated && 'range' in h.value ? [h.value.range] : []));
  for (const h of hits) {
    if (!h.bare || h.negated || !('date' in h.value)) continue;
    let d = h.value.date;
    while (ruledOut.some((r) => d >= r.from && d <= r.to))
      d = iso(DateTime.fromISO(d, { zone: today.zone }).plus({ weeks: 1 }));
    h.value = { date: d };
  }
}

/** True when nothing but weekdays, "or", "and" and commas stands between the hits ("Saturday or Sunday"). */
function joinedByOr<T>(orig: string, group: Array<Hit<T>>): boolean {
  const at = group.map((h) => h.at);
  const between = orig.slice(Math.min(...at), Math.max(...at));
  return !between.replace(new RegExp(`\\b(?:(?:${WD})s?|next week|on|or|either|and|maybe)\\b|[,\\s]`, 'g'), '');
}

/** The scope nearest before a hit, else the nearest after it. */
function nearestScope<T>(h: Hit<T>, scopes: Array<Hit<T>>): Hit<T> | undefined {
  const before = scopes.filter((s) => s.at < h.at).sort((a, b) => b.at - a.at)[0];
  return before ?? scopes.filter((s) => s.at > h.at).sort((a, b) => a.at - b.at)[0];
}

function weekRange(phrase: string, today: DateTime): { from: string; to: string } {
  const monday = today.startOf('week');
  const clip = (from: DateTime, to: DateTime) => ({ from: iso(from < today ? today : from), to: iso(to) });
  if (/weekend/.test(phrase)) {
    const sat = today.weekday === 7 ? today : monday.plus({ days: 5 });
    const base = /next/.test(phrase) && today.weekday < 6 ? sat.plus({ weeks: 1 }) : sat;
    return clip(base, base.plus({ days: today.weekday === 7 ? 0 : 1 }));
  }
  if (/next/.test(phrase)) {
    const next = monday.plus({ weeks: 1 });
    if (/early/.test(phrase)) return clip(next, next.plus({ days: 2 }));
    if (/later|end/.test(phrase)) return clip(next.plus({ days: 3 }), next.plus({ days: 5 }));
    return clip(next, next.plus({ days: 6 }));
  }
  if (/end|later/.test(phrase)) {
    const thu = monday.plus({ days: 3 });
    if (today.weekday >= 6) return clip(thu.plus({ weeks: 1 }), thu.plus({ weeks: 1, days: 2 }));
    return clip(thu, monday.plus({ days: 5 }));
  }
  return clip(today, monday.plus({ days: 6 }));
}

function dayOfMonth(today: DateTime, day: number, month?: number): string | undefined {
  if (day < 1 || day > 31) return undefined;
  if (month !== undefined) {
    if (month < 1 || month > 12) return undefined;
    let d = DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone });
    if (!d.isValid) return undefined;
    if (d < today) d = d.plus({ years: 1 });
    return iso(d);
  }
  for (let k = 0; k < 3; k++) {
    const base = today.plus({ months: k });
    const d = DateTime.fromObject({ year: base.year, month: base.month, day }, { zone: today.zone });
    if (d.isValid && d >= today) return iso(d);
  }
  return undefined;
}

function findPartOfDay(s: string): Hit<PartOfDay> | undefined {
  const hits: Array<Hit<PartOfDay>> = [];
  // "first" may already read "1st" ("first thing" is the morning's first opening)
  const re =
    /\b(mornings?|(?:first|1st) thing|afternoons?|arvos?|s'arvo|after lunch|evenings?|tonight|after work|at night)\b/g;
  for (let x = re.exec(s); x; x = re.exec(s)) {
    const w = x[1];
    const value: PartOfDay = /morn|first|1st|a\.?m/.test(w)
      ? 'morning'
      : /after(noon| lunch)|arvo/.test(w)
        ? 'afternoon'
        : 'evening';
    hits.push({ at: x.index, value });
  }
  return last(hits);
}

/** "16:00" → "16:01": the end of a bound that includes its own time. */
function nextMinute(hm: string): string {
  const [h, m] = hm.split(':').map(Number);
  return m === 59 ? hhmm(Math.min(h + 1, 23), h >= 23 ? 59 : 0) : hhmm(h, m + 1);
}

function hhmm(h: number, min: number): string {
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Reads an hour said without am/pm inside a working day (see the module note). */
export function resolveHour(h: number, meridiem: 'am' | 'pm' | undefined, pod: PartOfDay | undefined): number {
  if (meridiem === 'am') return h === 12 ? 0 : h;
  if (meridiem === 'pm') return h === 12 ? 12 : h + 12;
  if (h > 12) return h;
  if (pod === 'morning') return h === 12 ? 12 : h;
  if (pod === 'afternoon' || pod === 'evening') return h === 12 ? 12 : h + 12;
  if (h === 12) return 12;
  return h <= 6 ? h + 12 : h;
}

function findTimes(m: { s: string }, pod: PartOfDay | undefined, orig: string): Array<Hit<TimeValue>> {
  // hits are pushed with their position; several passes may see the same hour only once (masking)
  const hits: Array<Hit<TimeValue>> = [];
  // 'upTo': a bound that keeps its own time ("4 at the latest", "not after 4"), before the next minute
  const kindOf = (at: number): TimeValue['kind'] | 'upTo' => {
    const before = m.s.slice(Math.max(0, at - 22), at);
    if (/\bno later than\s*$/.test(before)) return 'before';
    if (/\bno earlier than\s*$/.test(before)) return 'after';
    // "not before 10", "I can't come before 10", "nothing after 4": the bound the other way round
    const flip =
      /(?:\bnot|n't|\bnever|\bnothing)\s+(?:[a-z']+\s+){0,2}?(?:before|earlier than|after|later than)\s*$/.test(
        orig.slice(Math.max(0, at - 40), at),
      );
    if (/\b(after|later than|no earlier than|from|past)\s*$/.test(before)) return flip ? 'upTo' : 'after';
    if (/\b(before|by|until|till|no later than|earlier than)\s*$/.test(before)) return flip ? 'after' : 'before';
    return 'at';
  };
  const add = (at: number, h: number, min: number, mer?: 'am' | 'pm', said = kindOf(at)) => {
    if (h > 23 || min > 59) return;
    const guessed = !mer && !pod && h >= 1 && h <= 11;
    const negated = negatedAt(orig, at);
    const time = hhmm(resolveHour(h, mer, pod), min);
    const kind = said === 'upTo' ? 'before' : said;
    hits.push({
      at,
      value: { kind, time: said === 'upTo' ? nextMinute(time) : time, ...(guessed ? { guessed } : {}) },
      ...(negated ? { negated } : {}),
    });
  };
  const mer = (s: string | undefined): 'am' | 'pm' | undefined => (s ? (s[0] === 'a' ? 'am' : 'pm') : undefined);
  const range = (
    at: number,
    h1: number,
    m1: number,
    h2: number,
    m2: number,
    mer1?: 'am' | 'pm',
    mer2?: 'am' | 'pm',
  ) => {
    const a = resolveHour(h1, mer1 ?? mer2, pod);
    const b = resolveHour(h2, mer2, pod);
    hits.push(
      { at, value: { kind: 'after', time: hhmm(a, m1) } },
      { at: at + 1, value: { kind: 'before', time: hhmm(b < a ? b + 12 : b, m2) } },
    );
  };
  // "10 or later", "as long as it's 10 or later", "10 at the earliest", "4 or earlier": a bound, not the time
  mask(
    m,
    /\b(\d{1,2})(?::| )?([0-5]\d)? ?(?:([ap])\.? ?m\b\.? ?)?(?:o'? ?clock )?(?:or (later|after|earlier|before)|at the (earliest|latest)|(?:and |or )?(onwards?))\b/g,
    (x) =>
      add(
        x.index,
        Number(x[1]),
        Number(x[2] ?? 0),
        mer(x[3]),
        x[4] === 'later' || x[4] === 'after' || x[5] === 'earliest' || x[6] ? 'after' : 'upTo',
      ),
  );
  mask(m, /\bbetween (\d{1,2})(?::(\d{2}))? ?([ap])?\.?m?\.? and (\d{1,2})(?::(\d{2}))? ?([ap])?\.?m?\b\.?/g, (x) =>
    range(x.index, Number(x[1]), Number(x[2] ?? 0), Number(x[4]), Number(x[5] ?? 0), mer(x[3]), mer(x[6])),
  );
  mask(
    m,
    /\b(?:at |around |about )?(\d{1,2}) or (\d{1,2})\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|hours|days|weeks|people))/g,
    (x) => range(x.index, Number(x[1]), 0, Number(x[2]) + 1, 0),
  );
  mask(m, /\b(early|late) (morning|afternoon|evening|arvo)\b/g, (x) => {
    const edges: Record<string, [string, string]> = {
      morning: ['10:00', '10:00'],
      afternoon: ['14:00', '15:00'],
      evening: ['18:00', '18:00'],
      arvo: ['14:00', '15:00'],
    };
    const [early, late] = edges[x[2]];
    hits.push({
      at: x.index,
      value: x[1] === 'early' ? { kind: 'before', time: early } : { kind: 'after', time: late },
    });
  });
  // "four-ish", "two thirty-ish", "2:30ish", "sixish": the minutes are kept
  mask(m, /\b(\d{1,2})(?:(?::| )([0-5]\d))? ?-?ish\b/g, (x) => add(x.index, Number(x[1]), Number(x[2] ?? 0)));
  mask(m, new RegExp(`\\b(${Object.keys(UNITS).join('|')})-?ish\\b`, 'g'), (x) => {
    const h = UNITS[x[1]];
    if (h < 1 || h > 12) return false;
    add(x.index, h, 0);
  });
  mask(m, /\b(noon|midday|lunch ?time|(?<=around |about |at )lunch|midnight)(?:-?ish)?\b/g, (x) =>
    add(x.index, x[1] === 'midnight' ? 0 : 12, 0, x[1] === 'midnight' ? 'am' : 'pm'),
  );
  mask(m, /\b(\d{1,2})(?::| |(?= ?[ap]))(?:oh )?([0-5]?\d)?\s*([ap])\.? ?m\b\.?/g, (x) =>
    add(x.index, Number(x[1]), Number(x[2] ?? 0), mer(x[3])),
  );
  // "3 in the afternoon", "9 in the morning", "8 at night": the part of day is the meridiem (not the hour
  // of "quarter past 7 in the evening" or "half 7 in the evening", read below with that part of day)
  mask(
    m,
    /(?<!\b(?:quarter|half|\d{1,2}(?: minutes)?) (?:past|after|to|till|of) |\bhalf )\b(\d{1,2})(?::| )?([0-5]\d)? (?:in the (morning|afternoon|evening|arvo)|at night|tonight)\b/g,
    (x) =>
      add(x.index, Number(x[1]), Number(x[2] ?? 0), x[3] === 'morning' ? 'am' : Number(x[1]) === 12 ? undefined : 'pm'),
  );
  mask(m, /\b(\d{1,2}):([0-5]\d)\b/g, (x) => add(x.index, Number(x[1]), Number(x[2])));
  // "the 9 one", "the 2:30 one": an offered time named by its hour
  mask(m, /\bthe (\d{1,2})(?::| )?([0-5]\d)? one\b/g, (x) => add(x.index + 4, Number(x[1]), Number(x[2] ?? 0)));
  mask(m, /\b(\d{1,2}) oh ([1-9])\b/g, (x) => add(x.index, Number(x[1]), Number(x[2])));
  mask(m, /\bhalf (?:past )?(\d{1,2})\b(?! ?(?:hours?|minutes?|days?|weeks?|people))/g, (x) =>
    add(x.index, Number(x[1]), 30),
  );
  // "twenty past three", "ten to four", "five after nine" (not "from 10 to 4", a range)
  mask(
    m,
    /(?<!\b(?:from|between) )\b(5|10|20|25)(?: minutes)? (past|after|to|till|of) (\d{1,2})\b(?! ?(?:minutes|people|\d))/g,
    (x) => {
      const h = Number(x[3]);
      if (/past|after/.test(x[2])) add(x.index, h, Number(x[1]));
      else add(x.index, (h + 11) % 12 || 12, 60 - Number(x[1]));
    },
  );
  mask(m, /\b(?:a )?quarter (?:past|after) (\d{1,2})\b/g, (x) => add(x.index, Number(x[1]), 15));
  mask(m, /\b(?:a )?quarter (?:to|of|till) (\d{1,2})\b/g, (x) => add(x.index, (Number(x[1]) + 11) % 12 || 12, 45));
  mask(m, /\b(\d{1,2}) ?o'? ?clock\b/g, (x) => add(x.index, Number(x[1]), 0));
  mask(m, /\b(1[0-2]|0?[1-9]) ([0-5]\d)\b(?! ?(?:\d|minutes|mins|hours|days|weeks|people|dollars|bucks))/g, (x) =>
    add(x.index, Number(x[1]), Number(x[2])),
  );
  mask(
    m,
    /\b(at|around|about|by|after|before|until|till|from|say|how about|what about|maybe|past|later than|earlier than|than|wait|make it|make that|mean|or|actually|instead|not|no|for|do|take|try|change it to|move it to|said)[, ]+(\d{1,2})\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|mins|hours|days|weeks|people|persons?|kids|dogs|cats|cars|dollars|bucks|of\b|\/))/g,
    (x) => add(x.index + x[0].length - x[2].length, Number(x[2]), 0),
  );
  // "friday like 2", "tomorrow maybe 3": an hour said right after the day it is on (the day is masked by now)
  mask(
    m,
    /(?<=\s)(?:(?:like|maybe|say|around|about|um|uh)[, ]+)?(1[0-2]|[1-9])\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|mins|hours|days|weeks|people|persons?|kids|dogs|cats|cars|dollars|bucks|of\b|\/|:))/g,
    (x) => {
      if (!/\b(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[, ]+$/.test(orig.slice(0, x.index)))
        return false;
      add(x.index + x[0].length - x[1].length, Number(x[1]), 0);
    },
  );
  // "11 then", "4 works", "3 is fine": an hour confirmed by what follows it
  mask(
    m,
    /(?:^|[ ,])(1[0-2]|[1-9])(?=[ ,]+(?:then|instead|works|would work|would be (?:better|great|good)|is (?:fine|good|better|perfect|great)|please|sounds good)\b)/g,
    (x) => add(x.index + x[0].length - x[1].length, Number(x[1]), 0),
  );
  if (!hits.some((h) => !h.negated)) {
    // a short answer that is just an hour ("4, not 3"): every lone hour, the negated ones excluded later
    const words = m.s.trim().split(/\s+/).filter(Boolean);
    // only an hour standing alone or after a word that introduces one: "level 2 charger" is no time
    const lone =
      /(?:^|,|\b(?:not|no|or|and|maybe|ok|okay|yes|yeah|sure|say|then|um|uh|so|you have|have you got))[ ,]*(1[0-2]|[1-9])(?=[ ,.!?]|$)(?![ ,]*(?:minutes|mins|hours|days|weeks|people|dollars|bucks))/g;
    if (words.length <= 6)
      for (let x = lone.exec(m.s); x; x = lone.exec(m.s)) add(x.index + x[0].length - x[1].length, Number(x[1]), 0);
  }
  return hits;
}
