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
 * - when one utterance names two values ("Tuesday, I mean Wednesday"), the later one wins.
 */
import { DateTime } from 'luxon';

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
}

/** Local time-of-day windows for the parts of a day. */
export const PART_OF_DAY_WINDOWS: Record<PartOfDay, { from: string; to: string }> = {
  morning: { from: '00:00', to: '12:00' },
  afternoon: { from: '12:00', to: '17:00' },
  evening: { from: '17:00', to: '23:59' },
};

const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, tues: 2, wednesday: 3, weds: 3, thursday: 4, thurs: 4, friday: 5, saturday: 6, sunday: 7,
};
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, april: 4, apr: 4, may: 5, june: 6, july: 7,
  august: 8, aug: 8, september: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_RE = 'january|jan|february|feb|march|april|apr|may|june|july|august|aug|september|sept|october|oct|november|nov|december|dec';

interface Hit<T> {
  at: number;
  value: T;
}

type DateValue = { date: string } | { range: { from: string; to: string } };
type TimeValue = { kind: 'at' | 'after' | 'before'; time: string; guessed?: boolean };

/** Parses the time wish in `text` (already normalized, numbers as digits); undefined when none. */
export function parseTimeWish(text: string, now: Date, timezone: string, info?: { hourGuessed?: boolean }): TimeWish | undefined {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const masked = { s: ` ${text} ` };
  const dates = findDates(masked, today);
  const pod = findPartOfDay(` ${text} `);
  const times = findTimes(masked, pod?.value);
  const earliest = /\b(earliest|soonest|as soon as|asap|(?:first|1st|next) (?:available|opening|thing)|right away|whenever|any ?time(?! (?:before|after|between))|no preference|(?:doesn't|does not) matter)\b/.test(text);

  if (!dates.length && !times.length && !pod && !earliest) return undefined;
  const wish: TimeWish = {};
  const lastDate = last(dates);
  if (lastDate) Object.assign(wish, lastDate.value);
  if (pod) wish.partOfDay = pod.value;
  for (const t of [...times].sort((a, b) => a.at - b.at)) {
    if (t.value.kind === 'at') wish.time = t.value.time;
    else wish[t.value.kind] = t.value.time;
    if (t.value.kind === 'at' && info) info.hourGuessed = !!t.value.guessed;
  }
  if (wish.time) delete wish.partOfDay;
  if (earliest) wish.earliest = true;
  if (pod && /\b(tonight|this (morning|afternoon|evening))\b/.test(text) && !wish.date && !wish.range) {
    wish.date = today.toISODate()!;
  }
  return wish;
}

function last<T>(hits: Hit<T>[]): Hit<T> | undefined {
  return hits.reduce<Hit<T> | undefined>((best, h) => (!best || h.at >= best.at ? h : best), undefined);
}

function mask(m: { s: string }, re: RegExp, fn: (match: RegExpExecArray) => void): void {
  m.s = m.s.replace(re, (...args) => {
    const match = args.slice(0, -2) as unknown as RegExpExecArray;
    (match as unknown as { index: number }).index = args[args.length - 2] as number;
    fn(match);
    return ' '.repeat((args[0] as string).length);
  });
}

function iso(d: DateTime): string {
  return d.toISODate()!;
}

function findDates(m: { s: string }, today: DateTime): Array<Hit<DateValue>> {
  const hits: Array<Hit<DateValue>> = [];
  const add = (at: number, value: DateValue) => hits.push({ at, value });
  mask(m, /\b(\d{4})-(\d{2})-(\d{2})\b/g, (x) => add(x.index, { date: `${x[1]}-${x[2]}-${x[3]}` }));
  mask(m, /\bday after tomorrow\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 2 })) }));
  mask(m, /\b(tomorrow|tmrw|tomorow)\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 1 })) }));
  mask(m, /\bin (\d{1,2}|a|an) (day|week)s?\b|\ba week from (today|now)\b/g, (x) => {
    const n = x[1] === undefined ? 1 : /^\d/.test(x[1]) ? Number(x[1]) : 1;
    add(x.index, { date: iso(today.plus(x[2] === 'day' ? { days: n } : { weeks: n })) });
  });
  mask(m, /\b(today|tonight|this (?=morning|afternoon|evening))\b/g, (x) => add(x.index, { date: iso(today) }));
  mask(m, /\b(early |later |end of )?(next|this|the) week(end)?\b|\b(?:end of|later) (?:the|this) week\b|\b(?:over )?the weekend\b/g, (x) =>
    add(x.index, { range: weekRange(x[0], today) }),
  );
  const monthDay = new RegExp(`\\b(${MONTH_RE})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? of (${MONTH_RE})\\b`, 'g');
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
  mask(m, /\b(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?! (?:one|option|slot|choice|time|available|availability|opening|thing|appointment))/g, (x) => {
    const d = dayOfMonth(today, Number(x[1]));
    if (d) add(x.index, { date: d });
  });
  mask(m, /\b(?:(this|next|coming|on) )?(monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|saturday|sunday)s?\b/g, (x) => {
    const wd = WEEKDAYS[x[2]];
    let delta = (wd - today.weekday + 7) % 7;
    if (delta === 0 && x[1] !== 'this') delta = 7;
    // "next Thursday" said on a Tuesday is the Thursday of next week, not the day after tomorrow
    if (x[1] === 'next' && today.plus({ days: delta }).weekNumber === today.weekNumber) delta += 7;
    add(x.index, { date: iso(today.plus({ days: delta })) });
  });
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
  const re = /\b(mornings?|first thing|afternoons?|after lunch|evenings?|tonight|after work)\b/g;
  for (let x = re.exec(s); x; x = re.exec(s)) {
    const w = x[1];
    const value: PartOfDay = /morn|first|a\.?m/.test(w) ? 'morning' : /after(noon| lunch)/.test(w) ? 'afternoon' : 'evening';
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

function findTimes(m: { s: string }, pod: PartOfDay | undefined): Array<Hit<TimeValue>> {
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
    hits.push({ at, value: { kind: kindOf(at), time: hhmm(resolveHour(h, mer, pod), min), ...(guessed ? { guessed } : {}) } });
  };
  const mer = (s: string | undefined): 'am' | 'pm' | undefined => (s ? (s[0] === 'a' ? 'am' : 'pm') : undefined);
  const range = (at: number, h1: number, m1: number, h2: number, m2: number, mer1?: 'am' | 'pm', mer2?: 'am' | 'pm') => {
    const a = resolveHour(h1, mer1 ?? mer2, pod);
    const b = resolveHour(h2, mer2, pod);
    hits.push({ at, value: { kind: 'after', time: hhmm(a, m1) } }, { at: at + 1, value: { kind: 'before', time: hhmm(b < a ? b + 12 : b, m2) } });
  };
  mask(m, /\bbetween (\d{1,2})(?::(\d{2}))? ?([ap])?\.?m?\.? and (\d{1,2})(?::(\d{2}))? ?([ap])?\.?m?\b\.?/g, (x) =>
    range(x.index, Number(x[1]), Number(x[2] ?? 0), Number(x[4]), Number(x[5] ?? 0), mer(x[3]), mer(x[6])),
  );
  mask(m, /\b(?:at |around |about )?(\d{1,2}) or (\d{1,2})\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|hours|days|weeks|people))/g, (x) =>
    range(x.index, Number(x[1]), 0, Number(x[2]) + 1, 0),
  );
  mask(m, /\b(early|late) (morning|afternoon|evening)\b/g, (x) => {
    const edges: Record<string, [string, string]> = { morning: ['10:00', '10:00'], afternoon: ['14:00', '15:00'], evening: ['18:00', '18:00'] };
    const [early, late] = edges[x[2]];
    hits.push({ at: x.index, value: x[1] === 'early' ? { kind: 'before', time: early } : { kind: 'after', time: late } });
  });
  mask(m, /\b(\d{1,2})(?::([0-5]\d))? ?-?ish\b/g, (x) => add(x.index, Number(x[1]), Number(x[2] ?? 0)));
  mask(m, /\b(noon|midday|lunch ?time|(?<=around |about |at )lunch|midnight)\b/g, (x) => add(x.index, x[1] === 'midnight' ? 0 : 12, 0, x[1] === 'midnight' ? 'am' : 'pm'));
  mask(m, /\b(\d{1,2})(?::| )?([0-5]\d)?\s*([ap])\.? ?m\b\.?/g, (x) => add(x.index, Number(x[1]), Number(x[2] ?? 0), mer(x[3])));
  mask(m, /\b(\d{1,2}):([0-5]\d)\b/g, (x) => add(x.index, Number(x[1]), Number(x[2])));
  mask(m, /\bhalf past (\d{1,2})\b/g, (x) => add(x.index, Number(x[1]), 30));
  mask(m, /\b(?:a )?quarter past (\d{1,2})\b/g, (x) => add(x.index, Number(x[1]), 15));
  mask(m, /\b(?:a )?quarter (?:to|of|till) (\d{1,2})\b/g, (x) => add(x.index, (Number(x[1]) + 11) % 12 || 12, 45));
  mask(m, /\b(\d{1,2}) ?o'? ?clock\b/g, (x) => add(x.index, Number(x[1]), 0));
  mask(m, /\b(1[0-2]|0?[1-9]) ([0-5]\d)\b(?! ?(?:\d|minutes|mins|hours|days|weeks|people|dollars|bucks))/g, (x) => add(x.index, Number(x[1]), Number(x[2])));
  mask(
    m,
    /\b(at|around|about|by|after|before|until|till|from|say|how about|maybe|past|later than|earlier than|than|wait|make it|mean|or|actually|instead)[, ]+(\d{1,2})\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|mins|hours|days|weeks|people|dollars|bucks|\/))/g,
    (x) => add(x.index + x[0].length - x[2].length, Number(x[2]), 0),
  );
  if (!hits.length) {
    const words = m.s.trim().split(/\s+/).filter(Boolean);
    const lone = /(?:^| )(1[0-2]|[1-9])(?= |$)(?! ?(?:minutes|mins|hours|days|weeks|people|dollars|bucks))/.exec(m.s);
    if (lone && words.length <= 5) add(lone.index + 1, Number(lone[1]), 0);
  }
  return hits;
}
