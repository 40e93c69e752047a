/**
 * How people say things: times, dates, names and numbers rendered the many ways callers say them,
 * and the noise of live speech (fillers, hesitations, speech-recogniser lower case without
 * punctuation, common recognition slips). Each renderer knows the value it renders; nothing here
 * looks at the parser.
 */
import { DateTime } from 'luxon';
import type { BusinessProfile, ServiceInfo } from '../../../src/brain/types.js';
import type { Rng } from './types.js';

const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];
const ORD = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A number 0–59 in words ("forty five"). */
export function words(n: number): string {
  if (n < 20) return SMALL[n];
  return TENS[Math.floor(n / 10)] + (n % 10 ? ` ${SMALL[n % 10]}` : '');
}

/** An ordinal day 1–31 in words ("twenty first"). */
export function ordinalWords(n: number): string {
  if (n <= 20) return ORD[n];
  if (n === 30) return 'thirtieth';
  return `${TENS[Math.floor(n / 10)]} ${ORD[n % 10]}`;
}

/** An ordinal day in digits ("21st"). */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** Opening intervals of a local date. */
export function hoursOf(b: BusinessProfile, date: DateTime): Array<[string, string]> {
  if (b.holidays?.includes(date.toISODate()!)) return [];
  return b.hours[KEYS[date.weekday - 1]] ?? [];
}

const toMin = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const toHm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A random open date 1–`maxDays` days after `today`, and a start time a service of `dur` minutes fits at. */
export function openSlot(
  rng: Rng,
  b: BusinessProfile,
  today: DateTime,
  dur: number,
  maxDays = 20,
  minDays = 1,
): { date: DateTime; time: string } {
  for (let i = 0; i < 200; i++) {
    const date = today.plus({ days: rng.int(minDays, maxDays) });
    const hours = hoursOf(b, date);
    if (!hours.length) continue;
    const [from, to] = rng.pick(hours);
    const starts: string[] = [];
    for (let t = toMin(from); t + dur <= toMin(to); t += 15) starts.push(toHm(t));
    if (!starts.length) continue;
    // people mostly ask for whole and half hours
    const round = starts.filter((s) => s.endsWith(':00') || s.endsWith(':30'));
    return { date, time: rng.chance(0.8) && round.length ? rng.pick(round) : rng.pick(starts) };
  }
  throw new Error(`no open slot for ${b.name}`);
}

/** The reading of an hour said without am/pm that a person inside a working day would give. */
function bareReading(h12: number): number {
  if (h12 === 12) return 12;
  return h12 <= 6 ? h12 + 12 : h12;
}

/**
 * A time as a caller says it. `hours` are the day's opening hours: a bare "at seven" is said only
 * when the listener can tell which seven (the working-day reading, or the only one the business is open).
 */
export function sayTime(rng: Rng, hm: string, hours: Array<[string, string]>): string {
  const h = Number(hm.slice(0, 2));
  const m = Number(hm.slice(3, 5));
  const h12 = h % 12 || 12;
  const pm = h >= 12;
  const inside = (x: number) => hours.some(([a, b]) => x * 60 + m >= toMin(a) && x * 60 + m < toMin(b));
  const bareOk = bareReading(h12) === h || (!inside(bareReading(h12)) && inside(h));
  const mer = rng.pick(
    pm ? ['pm', 'p.m.', 'PM', 'p m', 'in the afternoon'] : ['am', 'a.m.', 'AM', 'a m', 'in the morning'],
  );
  const merFixed = mer === 'in the afternoon' && h >= 17 ? 'in the evening' : mer;
  const minuteWords = m === 0 ? '' : m < 10 ? ` oh ${words(m)}` : ` ${words(m)}`;
  const forms: string[] = [];
  if (h === 12 && m === 0) forms.push('noon', 'noon', 'midday', '12 noon', 'twelve noon', 'lunchtime');
  forms.push(
    `${h12}${m ? `:${String(m).padStart(2, '0')}` : ''}${rng.pick(['', ' '])}${merFixed.startsWith('in ') ? ` ${merFixed}` : merFixed}`,
  );
  forms.push(`${words(h12)}${minuteWords} ${merFixed}`);
  if (m === 30)
    forms.push(
      `half past ${words(h12)}${bareOk ? '' : ` ${merFixed}`}`,
      `half past ${h12}${bareOk ? '' : ` ${merFixed}`}`,
    );
  if (m === 15)
    forms.push(
      `quarter past ${words(h12)}${bareOk ? '' : ` ${merFixed}`}`,
      `a quarter after ${words(h12)}${bareOk ? '' : ` ${merFixed}`}`,
    );
  if (m === 45) {
    const next = (h12 % 12) + 1;
    const nextOk = bareReading(next) === h + 1 || (!inside(bareReading(next) - 1) && inside(h));
    forms.push(
      `quarter to ${words(next)}${nextOk ? '' : ` ${merFixed}`}`,
      `a quarter of ${words(next)}${nextOk ? '' : ` ${merFixed}`}`,
    );
  }
  if ([5, 10, 20, 25].includes(m))
    forms.push(
      `${words(m)} past ${words(h12)}${bareOk ? '' : ` ${merFixed}`}`,
      `${words(m)} after ${words(h12)}${bareOk ? '' : ` ${merFixed}`}`,
    );
  if ([40, 50, 55].includes(m)) {
    const next = (h12 % 12) + 1;
    if (bareReading(next) === h + 1)
      forms.push(`${words(60 - m)} to ${words(next)}`, `${words(60 - m)} till ${words(next)}`);
  }
  if (bareOk) {
    if (m === 0) forms.push(`${words(h12)} o'clock`, `${words(h12)}`, `${h12}`, `${h12} o'clock`);
    else forms.push(`${words(h12)}${minuteWords}`, `${h12}:${String(m).padStart(2, '0')}`);
  }
  return rng.pick(forms);
}

/** A date as a caller says it relative to `today`; `needsOn` when the phrase reads better after "on". */
export function sayDate(rng: Rng, date: DateTime, today: DateTime): string {
  const delta = Math.round(date.startOf('day').diff(today.startOf('day'), 'days').days);
  const wd = date.toFormat('cccc');
  const month = date.toFormat('LLLL');
  const forms: string[] = [];
  if (delta === 0) forms.push('today', 'today', 'later today');
  if (delta === 1) forms.push('tomorrow', 'tomorrow', 'tomorrow', `tomorrow, ${wd}`);
  if (delta === 2) forms.push('the day after tomorrow');
  if (delta >= 1 && delta <= 6) forms.push(wd, `on ${wd}`, `on ${wd}`, `this coming ${wd}`);
  if (delta >= 1 && date.weekNumber === today.weekNumber && date.weekYear === today.weekYear) forms.push(`this ${wd}`);
  const nextWeek = today.startOf('week').plus({ weeks: 1 });
  if (date >= nextWeek && date < nextWeek.plus({ weeks: 1 })) forms.push(`next ${wd}`, `${wd} next week`);
  if (delta >= 8 && delta <= 13) forms.push(`a week from ${delta === 8 ? 'tomorrow' : wd}`);
  if (delta === 7) forms.push('a week from today', 'in a week', `a week from today, ${wd}`);
  if (delta === 14) forms.push('in two weeks', 'two weeks from today');
  const d = date.day;
  if (delta <= 27)
    forms.push(
      `the ${ordinal(d)}`,
      `on the ${ordinalWords(d)}`,
      `${wd} the ${ordinal(d)}`,
      `${wd} the ${ordinalWords(d)}`,
    );
  forms.push(
    `${month} ${ordinal(d)}`,
    `${month} ${d}`,
    `${month} ${ordinalWords(d)}`,
    `the ${ordinalWords(d)} of ${month}`,
    `${wd}, ${month} ${d}`,
  );
  return rng.pick(forms);
}

/** "a week from Tuesday": the same weekday a week after its next occurrence. */
export function weekFrom(today: DateTime, weekday: number): DateTime {
  const delta = (weekday - today.weekday + 7) % 7 || 7;
  return today.plus({ days: delta + 7 });
}

const FIRST = [
  'Sam',
  'Maria',
  'Dana',
  'Jordan',
  'Priya',
  'Luis',
  'Grace',
  'Tom',
  'Aisha',
  'Kevin',
  'Mei',
  'Noah',
  'Olivia',
  'Carlos',
  'Fatima',
  'Ben',
  'Hannah',
  'Raj',
];
const LAST = [
  'Ortiz',
  'Lopez',
  'Kim',
  "O'Neil",
  'Nguyen',
  'Patel',
  'Schmidt',
  'Garcia',
  'Brown',
  'Okafor',
  'Rossi',
  'Chen',
  'Walsh',
  'Haddad',
  'Novak',
  'Lee',
];

/** A caller's full name. */
export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

/** A fictional phone number in the 555-01xx block: the E.164 value and how it is said. */
export function phoneNumber(rng: Rng, area: string): { e164: string; said: string } {
  const line = `01${rng.int(0, 9)}${rng.int(0, 9)}`;
  const digits = `${area}555${line}`;
  const spoken = (ds: string) => [...ds].map((c) => (c === '0' && rng.chance(0.5) ? 'oh' : SMALL[Number(c)])).join(' ');
  const said = rng.pick([
    `${area} 555 ${line}`,
    `(${area}) 555-${line}`,
    `${area}-555-${line}`,
    `${spoken(area)}, ${spoken('555')}, ${spoken(line)}`,
    `${spoken(digits)}`,
  ]);
  return { e164: `+1${digits}`, said };
}

/** An email address and how it is said. */
export function emailAddress(rng: Rng, name: string): { email: string; said: string } {
  const [f, l] = name.toLowerCase().replace(/'/g, '').split(' ');
  const domain = rng.pick(['gmail.com', 'example.com', 'outlook.com']);
  const email = `${f}.${l}@${domain}`;
  const said = rng.chance(0.5) ? email : `${f} dot ${l} at ${domain.replace('.', ' dot ')}`;
  return { email, said };
}

/** How a caller names a service: its name or a synonym, with or without an article. */
export function sayService(rng: Rng, s: ServiceInfo, avoid: string[] = []): string {
  const synonyms = (s.synonyms ?? []).filter((x) => !avoid.some((a) => x.includes(a)));
  return rng.chance(0.5) || !synonyms.length ? s.name.toLowerCase() : rng.pick(synonyms);
}

const PHRASE_START = /^(?:at|on|for|and|can|could|please|my|i'd|i'm|it's|maybe|how|what|would|actually|just)$/i;
const FILLERS = ['um', 'uh', 'uh', 'um', 'like', 'you know', 'so', 'hmm', 'well', 'er'];
const SLIPS: Array<[RegExp, string]> = [
  [/\bi'd like\b/gi, 'i would like'],
  [/\bwant to\b/gi, 'wanna'],
  [/\bgoing to\b/gi, 'gonna'],
  [/\bo'clock\b/gi, 'oclock'],
  [/\bokay\b/gi, 'ok'],
  [/\bthat's\b/gi, 'thats'],
  [/\bi'm\b/gi, 'im'],
  [/\bit's\b/gi, 'its'],
  [/\bp\.m\.?/gi, 'pm'],
  [/\ba\.m\.?/gi, 'am'],
  [/\bcan i\b/gi, 'could i'],
  [/\byes\b/gi, 'yeah'],
];

/** Noise of live speech; `asr` forces speech-recogniser style (lower case, no punctuation). */
export function noisy(rng: Rng, text: string, opts: { fillers?: number; asr?: number; slips?: number } = {}): string {
  let t = text;
  if (rng.chance(opts.slips ?? 0.2)) {
    const [re, to] = rng.pick(SLIPS);
    t = t.replace(re, to);
  }
  if (rng.chance(opts.fillers ?? 0.35)) {
    // people hesitate at phrase boundaries: at the start, after a pause (comma), or before a new phrase
    const ws = t.split(' ');
    const spots = ws.map((_, i) => i).filter((i) => i === 0 || /,$/.test(ws[i - 1]) || PHRASE_START.test(ws[i]));
    const at = rng.pick(spots);
    ws.splice(at, 0, `${rng.pick(FILLERS)},`);
    t = ws.join(' ');
  }
  if (rng.chance(0.08)) {
    // a hesitation: the first word said twice
    const ws = t.split(' ');
    if (ws[0] && !/\d/.test(ws[0])) t = `${ws[0]} ${t}`;
  }
  if (rng.chance(opts.asr ?? 0.45)) {
    t = t
      .toLowerCase()
      .replace(/[,!?;]|\.(?=\s|$)|\u2014|--/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (rng.chance(0.3)) t = t.replace(/'/g, '');
  }
  return t;
}
