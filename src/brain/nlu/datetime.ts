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
 *   bound it falls outside ("early evening, maybe around six") keeps the time and drops the bound.
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
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const masked = { s: ` ${text} ` };
  const orig = masked.s;
  maskPastEvents(masked);
  // what is left once the background in the past is gone ("it started leaking this morning")
  const present = masked.s;
  const dates = findDates(masked, today, orig);
  const pod = findPartOfDay(present);
  const times = findTimes(masked, pod?.value, orig);
  const earliest =
    /\b(earliest|soonest|as soon as|asap|(?:first|1st|next) (?:available|opening|thing)|right away|whenever|any ?time(?! (?:before|after|between))|no preference|(?:doesn't|does not) matter)\b/.test(
      text,
    );

  const sameTime = /\b(?:(?:the )?same time|same hour|same slot)\b/.test(text);
  if (!dates.some((d) => !d.negated) && !times.some((t) => !t.negated) && !pod && !earliest && !sameTime)
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
  if (pod && /\b(tonight|this (morning|afternoon|evening|arvo)|s'arvo)\b/.test(present) && !wish.date && !wish.range) {
    wish.date = today.toISODate()!;
  }
  return wish;
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
    `\\bsince (?:(?:last|this|the) )?(?:${WD}|weekend|yesterday|morning|afternoon)s?\\b(?:${TAIL})?|(?<!\\bthe )\\b(?:last|this past) (?:${WD}|weekend)s?\\b(?! (?:of|in)\\b)(?:${TAIL})*|\\b(?:${WD})s? (?:just gone|gone)\\b`,
    'g',
  );
  m.s = m.s.replace(always, (x) => ' '.repeat(x.length));
  const day = new RegExp(
    `\\b(?:(?:on|over|at) )?(?:the )?(?:(?:${WD})s?|weekend|this (?:morning|afternoon|evening)|(?:\\d{1,2})(?:st|nd|rd|th)(?! (?:of|in)\\b))\\b(?:${TAIL})*`,
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
  const add = (at: number, value: DateValue, weekday?: number) =>
    hits.push({ at, value, ...(negatedAt(orig, at) ? { negated: true } : {}), ...(weekday ? { weekday } : {}) });
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
    add(x.index, { date: iso(today.plus({ weeks: count(x[1]) })) }),
  );
  mask(m, /\b(a|one|1|two|2|three|3) weeks? (?:from|after|on) (?:this |next |on )?(?=\S)/g, (x) =>
    weeksFrom.push({ end: x.index + x[0].length, weeks: count(x[1]) }),
  );
  mask(m, /\b(\d{4})-(\d{2})-(\d{2})\b/g, (x) => add(x.index, { date: `${x[1]}-${x[2]}-${x[3]}` }));
  mask(m, /\bday after tomorrow\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 2 })) }));
  mask(m, /\b(tomorrow|tmrw|tomorow)\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 1 })) }));
  mask(m, /\bin (\d{1,2}|a|an) (day|week)s?\b/g, (x) => {
    const n = /^\d/.test(x[1]) ? Number(x[1]) : 1;
    add(x.index, { date: iso(today.plus(x[2] === 'day' ? { days: n } : { weeks: n })) });
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
    add(x.index, { date: iso(today.startOf('week').plus({ weeks: 1, days: wd - 1 })) });
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
    add(x.index, { date: iso(today.plus({ days: delta })) }, x[1] === 'next' || x[3] ? undefined : wd);
  });
  for (const w of weeksFrom) {
    const base = hits.find((h) => h.at >= w.end - 1 && h.at <= w.end + 2 && 'date' in h.value);
    if (base && 'date' in base.value) {
      base.value = { date: iso(DateTime.fromISO(base.value.date, { zone: today.zone }).plus({ weeks: w.weeks })) };
      delete base.weekday;
    }
  }
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
  const kindOf = (at: number): TimeValue['kind'] => {
    const before = m.s.slice(Math.max(0, at - 22), at);
    if (/\bno later than\s*$/.test(before)) return 'before';
    if (/\bno earlier than\s*$/.test(before)) return 'after';
    if (/\b(after|later than|no earlier than|from|past)\s*$/.test(before)) return 'after';
    if (/\b(before|by|until|till|no later than|earlier than)\s*$/.test(before)) return 'before';
    return 'at';
  };
  const add = (at: number, h: number, min: number, mer?: 'am' | 'pm') => {
    if (h > 23 || min > 59) return;
    const guessed = !mer && !pod && h >= 1 && h <= 11;
    const negated = negatedAt(orig, at);
    hits.push({
      at,
      value: { kind: kindOf(at), time: hhmm(resolveHour(h, mer, pod), min), ...(guessed ? { guessed } : {}) },
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
