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
 * - "a week from Tuesday", British "a week Tuesday" and "Tuesday week" are a week after the next Tuesday
 *   ("a week tomorrow", "this day week" likewise); "a fortnight" is two weeks ("in a fortnight", "a
 *   fortnight Monday", "Friday fortnight"); "the one after" / "the following one" /
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
 *   thirty" (4:30), "at to pm" (2 PM), "ate o'clock"; never "for two people" or "to 3";
 * - Scots "the morra" / "the morn" are tomorrow, "the day" today only after a word that asks for a time and
 *   at the end of its phrase ("could ye fit him in the day?"; never "the day after", "any time in the day");
 * - "end of the day", "last thing Friday", "your last one", "the latest you've got", "close of business" ask
 *   for the day's last opening (`latest`; "the last one" alone is a pick among the offers, the idiom "at the
 *   end of the day, I…" nothing); "after school" bounds the start at 15:00, "after the school run" at 9:30,
 *   "before school" ends at 8:30; "after work" is the evening;
 * - "at the four" (Spanish "a las cuatro") is four o'clock; an hour said right before its day ("eleven on
 *   the Tuesday's fine") is that hour; "the seven's good" names the hour; "half eleven-ish" keeps its half;
 * - minutes said without their hour ("quarter past's fine", "the half", "twenty to") are `minutesOnly`:
 *   of the hour being talked about, which only the dialog knows;
 * - busy until a time ("I'm at work till 5", "he's at school till half three… anything after 4?") is free
 *   after it: a window that cannot be (before 3:30 and after 4) keeps the later bound;
 * - spans of days (datetime-spans.ts): parts of a month ("the first week of January", "mid-March"), two
 *   days joined ("between the 14th and the 18th", "Tuesday or Wednesday"), a day with a bound ("after the
 *   15th", "I'm away until the 20th", "over Christmas… any time after that") are ranges to search; "my MOT
 *   runs out on the 14th, before then?" / "by then" / "sometime before" are the days before the day said, and a
 *   bare weekday with them ("a few days before, like the Wednesday") the last such weekday before it;
 * - "12/5" is day first where the business's country writes it so (writesDayFirst), month first in North
 *   America; a number above 12 decides; short weekdays ("this sat", "thurs", "fri arvo") are weekdays, those that
 *   are also words ("sat", "sun", "wed", "mon") only with a day word around them;
 * - "first" that ranks ("whoever's free first", "the first evening one") is the soonest opening, not the 1st;
 * - a time the caller tells as their own ("I've an interview at 11", "my train's at 9") is no wish; "I finish
 *   work at 5" is after 5 when no other time is asked for;
 * - "the following week", "a week later", "push it back a fortnight" count weeks on from the day said before in
 *   the turn, else `weeksOn` for the dialog; "straight after your lunch break" is after 13:00 with `afterBreak`.
 */
import { DateTime } from 'luxon';
import { writesDayFirst } from '../../lib/index.js';
import { findHolidays, NAMED_DAY_RE } from './datetime-holidays.js';
import { callerZone, inZone } from './datetime-zones.js';
import {
  findMinutesOnly,
  findPartOfDay,
  findTimes,
  compactClock,
  heardAsTime,
  maskBackgroundTimes,
  saysAfterTheirLunch,
  saysLatest,
  type MinutesOnly,
  type PartOfDay,
} from './datetime-times.js';
import { findMonthParts, joinSpans, saysBeforeThat, saysRelativeToADay, type DayAnchor } from './datetime-spans.js';
import {
  findWeekShifts,
  findWeeksAhead,
  inScope,
  maskExcludedWeekdays,
  weekOf,
  weekdayIn,
  weekParts,
  weekRange,
} from './datetime-weeks.js';
import {
  dayWords,
  BUSY,
  iso,
  last,
  mask,
  monthContext,
  MONTH_RE,
  MONTHS,
  monthOf,
  negatedAt,
  nextWeekday,
  NTH,
  nthWeekday,
  WD,
  WEEKDAYS,
  type DateValue,
  type Hit,
} from './datetime-words.js';

export { resolveHour, type MinutesOnly, type PartOfDay } from './datetime-times.js';
export { weekdayIn } from './datetime-weeks.js';

/** What a caller asked for in time; dates are local "YYYY-MM-DD", times local "HH:mm". */
export interface TimeWish {
  date?: string;
  /** An inclusive range of local dates ("next week", "end of the week"). */
  range?: { from: string; to: string };
  time?: string;
  partOfDay?: PartOfDay;
  after?: string;
  before?: string;
  /** The appointment must be over by then ("I need to be done by 1", "out by 11"); `before` bounds the start. */
  doneBy?: string;
  earliest?: boolean;
  /** The day's last opening: "end of the day", "your last one", "the latest you've got", "close of business". */
  latest?: boolean;
  /**
   * Minutes said with no hour ("quarter past's fine", "the half", "twenty to"): of the hour being talked
   * about, which only the dialog knows (an offer, the time read back). Set only when no time was said.
   */
  minutesOnly?: MinutesOnly;
  /**
   * Weekdays the caller ruled out (1 = Monday … 7 = Sunday): "any afternoon but Wednesday", "not Mondays",
   * "on a weekday" (no Saturday or Sunday). Set only when no single date was asked for.
   */
  notWeekdays?: number[];
  /**
   * "the Tuesday right after" with no day in the turn: that weekday after the day already talked about (the day
   * offered or asked for before), which only the dialog knows; `date` holds next week's as a fallback.
   */
  weekdayAfter?: number;
  /** The time as the caller said it in their own zone ("3 o'clock my time, I'm in New York"); `time` is the business's. */
  callerTime?: { time: string; zone: string };
  /** "Same time" when moving an appointment: the time it has now (filled in once the appointment is known). */
  sameTime?: boolean;
  /**
   * Weeks on from the day already talked about, with no day said in the turn ("the following week", "a week
   * later", "push it back a fortnight": 2; "bring it forward a week": -1): of the day offered or asked for
   * before, or of the appointment being moved, which only the dialog knows.
   */
  weeksOn?: number;
  /**
   * "Straight after your lunch break", "once you're back from lunch": the time the business reopens after its
   * midday break that day; `after` holds 13:00 for a business with none (or until the dialog knows the hours).
   */
  afterBreak?: boolean;
}

/** Local time-of-day windows for the parts of a day. */
export const PART_OF_DAY_WINDOWS: Record<PartOfDay, { from: string; to: string }> = {
  morning: { from: '00:00', to: '12:00' },
  afternoon: { from: '12:00', to: '17:00' },
  evening: { from: '17:00', to: '23:59' },
};

/**
 * What a reading tells the caller of it besides the wish: the hour was guessed, the day was a bare weekday; and the
 * day a relative phrase ("the week before") is read against when the turn names none (`anchorDay`, from an earlier
 * turn), or the one it named (`anchored`).
 */
export interface DayInfo extends DayAnchor {
  hourGuessed?: boolean;
  weekday?: number;
}

/** Parses the time wish in `text` (already normalized, numbers as digits); undefined when none. */
export function parseTimeWish(text: string, now: Date, timezone: string, info?: DayInfo): TimeWish | undefined {
  // "Morning.", "Good evening, …": a greeting, not the part of the day wished for
  // "Merry Christmas!", "have a good Easter": season's greetings, not the holiday wished for
  text = text.replace(SEASONS_GREETING, ' ');
  text = text.replace(
    /\bgood (?:morning|afternoon|evening)\b[,.!]*|^\s*(?:(?:hi|hello|hey)[, ]+)?(?:morning|afternoon|evening)[.!]+(?=(?:\s+\S+){4})/g,
    ' ',
  );
  text = dayWords(heardAsTime(compactClock(text)))
    // "I'm not a morning person", "an early bird", "I have a night class those evenings": who the caller is and what
    // they do, not a part of the day wished for
    .replace(
      /\b(?:morning|evening|night|early) (?:person|people|bird|owl)\b|\bnight owl\b|\b(?:a|my|his|her|their|our) (?:night|evening|morning|day) (?:class|classes|shift|shifts|job|school|course)\b(?: (?:those|these|on those|on these) (?:evenings|nights|mornings|days))?/g,
      (x) => ' '.repeat(x.length),
    )
    // "I work afternoons", "I coach in the afternoons": the part of the day the caller is taken ("I'm free in the
    // afternoons" is not)
    .replace(
      /\b(?:i|we|he|she|they)(?:'m|'re|'s| am| are| is)? (?!(?:free|available|around|off|home|flexible|prefer|like|love|want|need|can|could|would|do|did|usually free|only free)\b)(?:[a-z]+) (?:in the |during the |on |most )?(?:mornings|afternoons|evenings|nights)\b/g,
      (x) => ' '.repeat(x.length),
    );
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const masked = { s: ` ${text} ` };
  const orig = masked.s;
  maskPastEvents(masked);
  maskOwnEvents(masked);
  maskLengths(masked);
  // what is left once the background in the past is gone ("it started leaking this morning")
  const present = masked.s;
  const excluded = maskExcludedWeekdays(masked);
  const said: { weeksOn?: number; weekdayAfter?: number } = {};
  const dates = findDates(masked, today, orig, writesDayFirst(timezone), said, info);
  excluded.push(...weekParts(masked));
  const pod = findPartOfDay(present);
  const background = maskBackgroundTimes(masked, orig);
  const times = findTimes(masked, pod?.value, orig);
  // "I finish at 5": free after it, unless the caller names the time they want
  if (!times.some((t) => !t.negated && t.value.kind !== 'before')) times.push(...background);
  const earliest =
    /\b((?<!\bat the )earliest|soonest|as soon as|asap|(?:first|1st|next) (?:available|opening|thing)|right away|whenever|any ?time(?! (?:before|after|between))|no preference|(?:doesn't|does not) matter)\b/.test(
      text,
    ) || FIRST_FREE.test(present);

  const sameTime = /\b(?:(?:the )?same time|same hour|same slot)\b/.test(text);
  const latest = saysLatest(present);
  const minutesOnly = times.some((t) => t.value.kind === 'at' && !t.negated) ? undefined : findMinutesOnly(masked.s);
  if (
    !dates.some((d) => !d.negated) &&
    !times.some((t) => !t.negated) &&
    !pod &&
    !earliest &&
    !latest &&
    !minutesOnly &&
    !sameTime &&
    !said.weeksOn &&
    !excluded.length
  )
    return undefined;
  const wish: TimeWish = {};
  const lastDate = last(dates.filter((d) => !d.negated));
  if (lastDate) Object.assign(wish, lastDate.value);
  // "Thursday this week or next Tuesday": either day, searched as the span between them without the days between
  const either = eitherDays(dates, orig);
  if (either) {
    delete wish.date;
    wish.range = either.range;
    excluded.push(...either.skipped);
  }
  // "Tuesday or Thursday" read as the span between them: the days between are not wished for
  else if (wish.range && !wish.date) excluded.push(...daysBetween(present, wish.range));
  // "Saturdays only", "it has to be a Saturday", "the first Saturday you have": that weekday in the weeks ahead, the
  // first free one (the next one may be full or a holiday)
  else if (lastDate?.weekday && wish.date && ONLY_WEEKDAY.test(present)) {
    const first = wish.date;
    delete wish.date;
    wish.range = { from: first, to: DateTime.fromISO(first).plus({ days: 27 }).toISODate()! };
    excluded.push(...[1, 2, 3, 4, 5, 6, 7].filter((w) => w !== lastDate.weekday));
  }
  // a bare weekday ("Tuesday at 3 then") may name an offered Tuesday of another week
  else if (lastDate?.weekday && info) info.weekday = lastDate.weekday;
  if (pod) wish.partOfDay = pod.value;
  const kept = times.some((t) => t.value.kind === 'at' && !t.negated)
    ? times.filter((t) => !t.negated)
    : times.filter((t) => t.value.kind !== 'at');
  for (const t of [...kept].sort((a, b) => a.at - b.at)) {
    const said = orig.slice(Math.max(0, t.at - 48), t.at);
    // "I'm in meetings until 1 every day, and it has to be finished by 5": free after 1, over by 5
    if (t.value.kind === 'before' && DONE_BY_BEFORE.test(said)) wish.doneBy = t.value.time;
    // (the later of it and an "after 3:30" said with it: "after 3:30 only, I'm at uni till 3")
    else if (t.value.kind === 'before' && BUSY_UNTIL_BEFORE.test(said))
      wish.after = wish.after && wish.after > t.value.time ? wish.after : t.value.time;
    else if (t.value.kind === 'at') wish.time = t.value.time;
    else wish[t.value.kind] = t.value.time;
    if (t.value.kind === 'at' && info) info.hourGuessed = !!t.value.guessed;
  }
  if (wish.time) delete wish.partOfDay;
  // an exact time outside a vague bound said with it ("early evening, maybe around six"): the time decides
  if (wish.time && wish.before && wish.time >= wish.before) delete wish.before;
  if (wish.time && wish.after && wish.time < wish.after) delete wish.after;
  // "he's at school till half three… anything after 4?": a window that cannot be is the caller's busy time, then the wish
  if (wish.before && wish.after && wish.before <= wish.after) delete wish.before;
  else if (wish.before && BUSY_UNTIL.test(present) && !wish.after) {
    wish.after = wish.before;
    delete wish.before;
  }
  // "I need to be done by 1 to get back to work": the end is bounded, not the start
  if (wish.before && DONE_BY.test(present)) {
    wish.doneBy = wish.before;
    delete wish.before;
  }
  // "whenever, but end of the day ideally": the last opening is the wish
  if (latest) wish.latest = true;
  else if (earliest) wish.earliest = true;
  if (minutesOnly && !wish.time) wish.minutesOnly = minutesOnly;
  // "a Tuesday evening… same time the following week?": the time already talked about, not the part of day
  if (sameTime && !wish.time) {
    wish.sameTime = true;
    delete wish.partOfDay;
  } else if (sameTime && wish.range && !wish.date) {
    // "I've got a cut tomorrow at ten… same time next week?": the time said is the booking's own, kept beside it
    wish.sameTime = true;
  }
  if (said.weeksOn && !wish.date && !wish.range) wish.weeksOn = said.weeksOn;
  if (said.weekdayAfter) wish.weekdayAfter = said.weekdayAfter;
  if (wish.after === '13:00' && saysAfterTheirLunch(present)) wish.afterBreak = true;
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
  // "3 o'clock my time, I'm in New York": the time said in the caller's zone, read in the business's
  const theirs = wish.time ? callerZone(text, timezone) : undefined;
  if (theirs && wish.time) {
    const here = inZone(wish.date ?? today.toISODate()!, wish.time, theirs, timezone);
    wish.callerTime = { time: wish.time, zone: theirs };
    wish.time = here.time;
    if (wish.date) wish.date = here.date;
  }
  return wish;
}

/** "Merry Christmas", "happy new year to you", "have a lovely Easter", "enjoy the long weekend". */
const SEASONS_GREETING =
  /\b(?:merry|happy) (?:christmas|xmas|new year|holidays|easter|thanksgiving|hanukkah|chanukah|diwali|eid|hogmanay)\b|\b(?:have|enjoy) (?:a |an |the |your )?(?:good|great|lovely|nice|happy|merry|safe|wonderful|fab|brilliant) (?:christmas|xmas|new year|easter|holiday|holidays|thanksgiving|long weekend|bank holiday(?: weekend)?|break)\b|\b(?:season's|seasons) greetings\b/g;

/** "whoever's free first", "whichever's first", "the first evening one": the soonest opening (of that kind). */
const FIRST_FREE =
  /\b(?:who(?:ever)?|whichever|whatever|anyone|anybody|someone|somebody)\b[^,.;!?]{0,24}\b1st\b(?! (?:of|time|visit|thing i)\b)/;

/** "I'm at work till 5\", "she's in school until 3:30": busy until the time said, so free after it. */
/** A bound said right after the caller's busy time ("in meetings until 1") or the end of the visit ("finished by 5"). */
const BUSY_UNTIL_BEFORE = new RegExp(`\\b${BUSY}\\b[^,.;!?]{0,20}\\b(?:till|until|til)\\s+$`);
const DONE_BY_BEFORE =
  /\b(?:done|finished|through|out(?! of)|over|wrapped up|gone|leave|leaving|back(?: at work| to work| home)?|pick (?:up|him|her|them)(?: up)?)(?: (?!by\b)[a-z']+){0,3} by\s+$/;
const BUSY_UNTIL = new RegExp(`\\b${BUSY}\\b[^,.;!?]{0,20}\\b(?:till|until|til|to)\\b`);

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
  // "I had my eye test in March", "we had a leak on Saturday"; not "had to", "had hoped"
  if (w === 'had' && /^(?:my|a|an|the|our|his|her|their|some|it|one)$/.test(words[i + 1] ?? '')) return true;
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

/** Months said as background ("I had my eye test in March", "she's due in April"); "may" only as a month with "in". */
const PAST_MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

/**
 * The day of an event of the caller's own, told as background: "my test is next week, can we make it a
 * pre-test lesson instead?", "our wedding is on the 20th so sometime before". The day of the event is not
 * the day wished for (what is said around it still is).
 */
const EVENTS =
  '(?:test|exam|final|midterm|wedding|party|flight|trip|interview|surgery|operation|birthday|funeral|graduation|recital|concert|game|match|race|vacation|due date|baby shower|audition|competition)s?';
const CLAUSE_END = `(?=[,.;!?]|\\s(?:so|and|but|can|could|would|should|is|then)\\b|\\s*$)`;
const OWN_EVENT = new RegExp(
  [
    `\\b(?:(?:my|our|his|her|their|the) (?:[a-z]+ )?|(?:[a-z]+ ){1,2})${EVENTS}(?: is| are|'s)(?: (?:on|this|next|in|at|coming))?[^,.;!?]*?${CLAUSE_END}`,
    // "I have a calc final that Friday", "she's got her exam on the 14th"
    `\\b(?:i|we|he|she|they)(?:'ve| have| has|'s)?(?: got)? (?:a|an|my|our|his|her|their) (?:[a-z]+ )?${EVENTS} (?:that|this|next|on|the)\\b[^,.;!?]*?${CLAUSE_END}`,
    // "my niece is getting married in May", "I'm doing the trail in November with my brother", "she's due in April":
    // what someone is doing that month, told as background
    `\\b(?:is|are|am|'s|'re|'m) (?:getting married|doing|going away|going abroad|away|moving|travell?ing|flying|having|due|starting|running|racing|hiking|cycling|walking|competing|heading (?:off|away|overseas))\\b[^,.;!?]*? in (?:${PAST_MONTHS})\\b[^,.;!?]*?${CLAUSE_END}`,
    // "it's past midnight", "it's gone 10 here": the clock now, no wish
    `\\bit(?:'s| is) (?:already |just |now )?(?:past|after|gone) (?:midnight|noon|\\d{1,2}(?::[0-5]\\d)?(?: ?[ap]\\.? ?m\\b)?)(?: here| now| already)?`,
    // "the clocks go forward tonight", "daylight saving ends on Sunday": the calendar's news, no wish
    `\\b(?:the )?clocks? (?:go|goes|going|change|changes|went|spring|springs|fall|falls) (?:forward|back|ahead|over|an hour)?[^,.;!?]*?${CLAUSE_END}`,
    `\\b(?:daylight sav(?:ing|ings)(?: time)?|dst|summer ?time|winter ?time) (?:starts|ends|begins|kicks in|changes)[^,.;!?]*?${CLAUSE_END}`,
  ].join('|'),
  'g',
);
function maskOwnEvents(m: { s: string }): void {
  // "our wedding is on the 20th so sometime before": the day is the bound of the wish (datetime-spans.ts)
  if (saysBeforeThat(m.s) || saysRelativeToADay(m.s)) return;
  m.s = m.s.replace(OWN_EVENT, (x) => ' '.repeat(x.length));
  // "tomorrow morning would be ideal, today I'm stuck at work": the day the caller is taken, beside another day
  // ("I'm at work today, can you do 6?" alone still asks for today)
  const busy = m.s.replace(BUSY_DAY, (x) => ' '.repeat(x.length));
  if (busy !== m.s && OTHER_DAY.test(busy)) m.s = busy;
  // "cancel the Thursday one, I'm still coming Monday", "keep my Monday appointment as it is": a day the caller keeps
  const kept = m.s.replace(KEPT_DAY, (x) => ' '.repeat(x.length));
  if (kept !== m.s && OTHER_DAY.test(kept)) m.s = kept;
}

/**
 * Two or three single days said as alternatives ("Thursday this week or next Tuesday", "Friday or Monday"): the span
 * from the first to the last, and the weekdays in it that were not named (to be skipped), within three weeks.
 */
function eitherDays(
  hits: Array<{ at: number; negated?: boolean; value: object }>,
  orig: string,
): { range: { from: string; to: string }; skipped: number[] } | undefined {
  const days = hits
    .flatMap((h) =>
      'date' in h.value && typeof h.value.date === 'string' && !h.negated ? [{ at: h.at, date: h.value.date }] : [],
    )
    .sort((a, b) => a.at - b.at);
  if (days.length < 2 || days.length > 3) return undefined;
  for (let i = 1; i < days.length; i++) {
    const between = orig.slice(days[i - 1].at, days[i].at + 1);
    if (!/\b(?:or|either)\b/.test(between) || /\b(?:to|through|till|until|and)\b/.test(between)) return undefined;
    // "Tuesday, or actually Wednesday" takes the first back
    if (/\bor,? (?:actually|rather|no|sorry|i mean|wait|make it|better)\b/.test(between)) return undefined;
  }
  const named = [...new Set(days.map((d) => d.date))].sort();
  if (named.length < 2) return undefined;
  const from = DateTime.fromISO(named[0]);
  const to = DateTime.fromISO(named[named.length - 1]);
  const span = to.diff(from, 'days').days;
  if (span < 1 || span > 21) return undefined;
  const namedDays = new Set(named.map((d) => DateTime.fromISO(d).weekday));
  const skipped = [1, 2, 3, 4, 5, 6, 7].filter((w) => !namedDays.has(w));
  return { range: { from: named[0], to: named[named.length - 1] }, skipped };
}

/** The weekdays strictly between two said as either one ("Tuesday or Thursday": Wednesday), inside the span. */
function daysBetween(text: string, range: { from: string; to: string }): number[] {
  for (const m of text.matchAll(TWO_WEEKDAYS)) {
    const a = weekdayIn(range, WEEKDAYS[m[1]]);
    const b = weekdayIn(range, WEEKDAYS[m[2]]);
    if (!a || !b) continue;
    const [first, last] = [a, b].sort();
    const out: number[] = [];
    for (let d = DateTime.fromISO(first).plus({ days: 1 }); d.toISODate()! < last; d = d.plus({ days: 1 }))
      out.push(d.weekday);
    return out;
  }
  return [];
}

/** Two weekdays said as either one: "Tuesday or Thursday". */
const TWO_WEEKDAYS = new RegExp(`\\b(${WD})s? or (?:on )?(${WD})s?\\b`, 'g');

/** Only one weekday will do: "Saturdays only", "has to be a Saturday", "the first Saturday you have". */
const ONLY_WEEKDAY = new RegExp(
  `\\b(?:(?:has|have|it'll have|it will have|needs|need|got) to be (?:a |on a |on )?|must be (?:a |on a |on )?|only (?:on )?|can only (?:do|come(?: in)?|make)(?: it)? (?:on )?)(?:${WD})s?\\b(?! (?:the )?\\d)(?! (?:this|next|coming|in|of|after)\\b)(?! at \\d)|\\b(?:the )?(?:first|1st|earliest) (?:${WD})s? (?:you(?:'ve)? (?:have|got|can)|available|free|open|possible|going)\\b|\\b(?:${WD})s? only\\b|\\b(?:${WD})s? (?:is|are) the only\\b`,
);

/** The end of the visit bounded: "done by 1", "finished by 5", "out by 11", "have to be back at work by 2". */
const DONE_BY =
  /\b(?:done|finished|through|out(?! of)|over|wrapped up|gone|leave|leaving|back(?: at work| to work| home)?|at work|at school|pick (?:up|him|her|them)(?: up)?)(?: (?!by\b)[a-z']+){0,3} by\b/;

/** A day the caller is taken: "today I'm stuck at work", "I'm working all day tomorrow", "Friday I'm away". */
const TAKEN = `(?:stuck (?:at work|in work|in meetings|at the office)|at work|in work|working(?: late)?|busy|tied up|away|out of town|travell?ing|on shift|in meetings|slammed|not free|not around|unavailable|booked up)`;
const BUSY_DAY = new RegExp(
  `\\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening)|(?:on )?(?:${WD}))(?:'s no good| is no good| is out)?,? (?:i'm|i am|i'll be|i will be|we're|we are|he's|she's) (?:going to be |gonna be )?(?:all day )?${TAKEN}(?: all day)?\\b|\\b(?:i'm|i am|i'll be|i will be|we're|we are|he's|she's) (?:going to be |gonna be )?${TAKEN}(?: all day| until late)? (?:today|tonight|tomorrow|(?:on )?(?:${WD}))\\b|\\b(?:i'm|im|i am|i'll be|i will be|we're|we are|he's|she's) (?:going to be |gonna be )?${TAKEN} (?:for )?(?:the )?(?:rest of (?:the|this) week|whole week|all week|rest of the month)\\b|\\b(?:on )?(?:${WD})s,? (?:i|we|he|she) (?!(?:can|could|would|will|am|'m|are|is|prefer|like|want|need|usually can|could do|can do|do best|work best)\\b)(?:usually |always |normally )?[a-z]+(?= )`,
  'g',
);
/** A booked day the caller keeps while changing another: "I'm still coming Monday", "keep my Monday appointment". */
export const KEPT_DAY = new RegExp(
  `\\b(?:i'm|im|i am|we're|we are|she's|he's|they're|she is|he is) still (?:coming|on|good|fine|ok|okay|going|booked)(?: in)?(?: for| on)? (?:${WD})\\b|\\bkeep(?:ing)? (?:my |the |her |his |their |our )?(?:${WD})(?:'s)?(?: one| appointment| booking| session| visit| lesson| class)?\\b|\\b(?:the |my )?(?:${WD})(?:'s| one| appointment| booking)? (?:is |are )?(?:still )?(?:fine|ok|okay|good|staying|stays)\\b`,
  'g',
);
const OTHER_DAY = new RegExp(`\\b(?:today|tomorrow|tonight|${WD}|weekend|next week|\\d{1,2}(?:st|nd|rd|th))\\b`);

/** A length asked about or told ("is a lesson 1 hour or 2?", "it takes 2 or 3 hours"): no clock time in it. */
const LENGTH =
  /\b\d{1,2} (?:hours?|hrs?|minutes?|mins?) or \d{1,2}\b(?!:| ?[ap]\.? ?m\b| o'?clock)|\b\d{1,2} or \d{1,2} (?:hours?|hrs?|minutes?|mins?)\b/g;
/**
 * How long something has gone on ("it's been bothering me for a couple weeks"): no time from now; "for a fortnight
 * today" (read as "for 2 weeks today") and "for two weeks' time" are.
 */
const LASTED =
  /\bfor (?:a couple(?: of)?|a few|several|the (?:last|past)(?: (?:couple(?: of)?|few|\d+|two|three|four|five|six))?|\d+|two|three|four|five|six) (?:days|weeks|months|years)\b(?!'|\s+(?:time|from|out|ahead|later|today|tomorrow|tonight|on|this|next|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)/g;
function maskLengths(m: { s: string }): void {
  m.s = m.s.replace(LENGTH, (x) => ' '.repeat(x.length)).replace(LASTED, (x) => ' '.repeat(x.length));
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
    `\\b(?:(?:on|over|at) )?(?:the )?(?:(?:${WD})s?|weekend|${NAMED_DAY_RE}|this (?:morning|afternoon|evening)|(?:\\d{1,2})(?:st|nd|rd|th)(?! (?:of|in)\\b)|in (?:early |mid-?|late )?(?:${PAST_MONTHS}))\\b(?:${TAIL})*`,
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

function findDates(
  m: { s: string },
  today: DateTime,
  orig: string,
  dayFirstHere: boolean,
  said: { weeksOn?: number; weekdayAfter?: number },
  info?: DayInfo,
): Array<Hit<DateValue>> {
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
  const refs: Array<{ at: number; weekday?: number; weeks?: number }> = findWeekShifts(m);
  mask(
    m,
    new RegExp(
      `\\bthe (?:(?:one|${WD}) (?:right |just |straight |directly )?after(?: that)?(?! next)|following (?:one|${WD}))\\b`,
      'g',
    ),
    (x) => {
      const wd = new RegExp(WD).exec(x[0]);
      refs.push({ at: x.index, ...(wd ? { weekday: WEEKDAYS[wd[0]] } : {}) });
    },
  );
  // "a week from Tuesday", British "a week Tuesday", "a week tomorrow": a modifier of the date that follows
  const weeksFrom: Array<{ end: number; weeks: number }> = [];
  mask(m, /\b(a|an|one|1|two|2|three|3) weeks? (?:(?:from|after) (?:today|now)|today)\b/g, (x) =>
    inItsWeek(add(x.index, { date: iso(today.plus({ weeks: count(x[1]) })) })),
  );
  mask(
    m,
    new RegExp(
      `\\b(a|one|1|two|2|three|3) weeks? (?:(?:from|after|on) (?:this |next |on )?(?=\\S)|(?=(?:${WD}|tomorrow)\\b))`,
      'g',
    ),
    (x) => weeksFrom.push({ end: x.index + x[0].length, weeks: count(x[1]) }),
  );
  mask(m, /\b(\d{4})-(\d{2})-(\d{2})\b/g, (x) => add(x.index, { date: `${x[1]}-${x[2]}-${x[3]}` }));
  mask(m, /\bday after tomorrow\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 2 })) }));
  mask(m, /\b(tomorrow|tmrw|tomorow)\b/g, (x) => add(x.index, { date: iso(today.plus({ days: 1 })) }));
  // "ten days from today", "10 days from now", "3 days after today"
  mask(m, /\b(\d{1,2}) days? (?:(?:from|after) (?:today|now)|today)\b/g, (x) =>
    add(x.index, { date: iso(today.plus({ days: Number(x[1]) })) }),
  );
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
  findMonthParts(m, today, add);
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
  // "March 20", "the 20th of March", and as most of the world writes it, "20 March" and "Saturday 26th June"
  // ("10 may work" is no date: May after a bare number needs "th" or a weekday or "on" before it); a year said
  // with it ("20 March 2027") is that year's
  const monthDay = new RegExp(
    `\\b(${MONTH_RE})\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (20\\d\\d)\\b)?|\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? of (${MONTH_RE})\\b(?:,? (20\\d\\d)\\b)?|(?:(?<=\\b(?:${WD})s?,? |\\bon )|\\b)(?<!(?:\\bat|\\bpast|\\bafter|\\bquarter to|:) )(?<!:)(\\d{1,2})(st|nd|rd|th)? (${MONTH_RE})\\b(?! \\d{1,2}(?:st|nd|rd|th)?\\b)(?:,? (20\\d\\d)\\b)?`,
    'g',
  );
  mask(m, monthDay, (x) => {
    const dayFirst = x[7] !== undefined;
    const monthWord = x[1] ?? x[5] ?? x[9];
    if (
      dayFirst &&
      /^may$/.test(monthWord) &&
      !x[8] &&
      !x[10] &&
      !/(?:\b(?:on|the)|day,?) $/.test(m.s.slice(0, x.index))
    )
      return false;
    const month = MONTHS[monthWord];
    const day = Number(x[2] ?? x[4] ?? x[7]);
    const year = Number(x[3] ?? x[6] ?? x[10]) || undefined;
    const d = dayOfMonth(today, day, month, year);
    if (d) add(x.index, { date: d });
  });
  // "12/5": the 12th of May where the business writes the day first (most of the world), December 5th in
  // the US and Canada; a number above 12 can only be the day ("25/12", "12/25")
  mask(m, /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, (x) => {
    const [a, b] = [Number(x[1]), Number(x[2])];
    const dayFirst = a > 12 || (b <= 12 && dayFirstHere);
    const d = dayFirst ? dayOfMonth(today, a, b) : dayOfMonth(today, b, a);
    if (d) add(x.index, { date: d });
  });
  // "the 18th" (not "the first evening one", "whoever's free first", "just a second": see sayDayOrdinal)
  mask(
    m,
    /(?<!\b(?:my|his|her|our|their|your|its|a) )\b(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?! (?:(?:morning|afternoon|evening|night|arvo|early|late|free|open|possible|weekday|weekend) )?(?:one|option|slot|choice|time|available|availability|opening|thing|appointment|grade|graders?|floor|story|storey|year|yr|birthday|bday|anniversary|place|period|class|row|century|edition|generation|round|attempt|try|visit|session|lesson|opinion|child|kid|baby|son|daughter|street|st|avenue|ave|road|rd|unit|apartment|apt|house|door|term|semester|trimester|inning|half|quarter|hole|lap|gear|level|day(?! of)|week|weekend))/g,
    (x) => {
      if (!saysDayOrdinal(x, orig)) return false;
      const d = dayOfMonth(today, Number(x[1]));
      if (d) add(x.index, { date: d });
    },
  );
  // "fri 29", "Saturday, 30": a weekday with a number that can be no hour is that day of the month
  mask(
    m,
    new RegExp(
      `(?<=\\b(?:${WD})s?,? )(\\d{1,2})\\b(?!:|\\.\\d| ?(?:[ap]\\.?m\\b|o'?clock|h\\b|hours?|hrs?|min|mins|minutes?|%|people|of\\b))`,
      'g',
    ),
    (x) => {
      const day = Number(x[1]);
      const d = day > 12 ? dayOfMonth(today, day) : undefined;
      if (!d) return false;
      add(x.index, { date: d });
    },
  );
  // "Friday week", "Tuesday fortnight": a week (two) after the coming one
  mask(
    m,
    new RegExp(`\\b(?:(this|next|coming|on) )?(${WD})s?( after next| week(?! from| after)| fortnight)?\\b`, 'g'),
    (x) => {
      const wd = WEEKDAYS[x[2]];
      let delta = (wd - today.weekday + 7) % 7;
      if (delta === 0 && x[1] !== 'this') delta = 7;
      // "next Thursday" said on a Tuesday is the Thursday of next week, not the day after tomorrow
      if (x[1] === 'next' && today.plus({ days: delta }).weekNumber === today.weekNumber) delta += 7;
      if (x[3]) delta += x[3] === ' fortnight' ? 14 : 7;
      const hit = add(x.index, { date: iso(today.plus({ days: delta })) }, x[1] === 'next' || x[3] ? undefined : wd);
      if (!x[3] && (!x[1] || x[1] === 'on')) hit.bare = true;
    },
  );
  for (const w of weeksFrom) {
    const base = hits.find((h) => h.at >= w.end - 1 && h.at <= w.end + 2 && 'date' in h.value);
    if (base && 'date' in base.value) {
      base.value = { date: iso(DateTime.fromISO(base.value.date, { zone: today.zone }).plus({ weeks: w.weeks })) };
      delete base.weekday;
      delete base.bare;
    }
  }
  dropWeekdaysOfDates(hits, orig);
  inScope(hits, today, orig);
  for (const r of refs) {
    const before = hits.filter((h) => h.at < r.at && 'date' in h.value).sort((a, b) => b.at - a.at)[0];
    if (r.weeks) {
      // "Tuesday… same time the following week", "booked Thursday, push it back a fortnight", "next week's no
      // good, the week after?": that day or week, weeks on
      const base = hits.filter((h) => h.at < r.at).sort((a, b) => b.at - a.at)[0];
      const on = (d: string) => iso(DateTime.fromISO(d, { zone: today.zone }).plus({ weeks: r.weeks }));
      if (!base) said.weeksOn = r.weeks;
      else if ('date' in base.value) hits.push({ at: r.at, value: { date: on(base.value.date) } });
      else hits.push({ at: r.at, value: { range: { from: on(base.value.range.from), to: on(base.value.range.to) } } });
      continue;
    }
    const ref =
      before && 'date' in before.value ? DateTime.fromISO(before.value.date, { zone: today.zone }) : undefined;
    let d: DateTime | undefined;
    if (ref && r.weekday) d = nextWeekday(ref, r.weekday);
    else if (ref) d = ref.plus({ weeks: 1 });
    else if (r.weekday) {
      d = today.startOf('week').plus({ weeks: 1, days: r.weekday - 1 });
      // "the Tuesday right after" with no day in the turn: after the day already talked about, which the dialog knows
      said.weekdayAfter = r.weekday;
    }
    if (d) hits.push({ at: r.at, value: { date: iso(d) } });
  }
  joinSpans(hits, today, orig, info, m.s);
  return hits;
}

/**
 * "Friday May 29", "Saturday the 30th", "Sat 30": a weekday said right before the date it falls on is that date,
 * said twice, not a day of its own (read as one, "Friday May 29 or Saturday May 30" spanned the weeks between).
 */
function dropWeekdaysOfDates(hits: Array<Hit<DateValue>>, orig: string): void {
  for (const h of [...hits]) {
    if (!h.bare || !h.weekday) continue;
    const word = new RegExp(`^(?:${WD})s?`).exec(orig.slice(h.at));
    if (!word) continue;
    const end = h.at + word[0].length;
    const date = hits.find(
      (d) =>
        d !== h &&
        'date' in d.value &&
        d.at >= end &&
        /^[\s,]*(?:the\s+)?$/.test(orig.slice(end, d.at)) &&
        DateTime.fromISO(d.value.date).weekday === h.weekday,
    );
    if (date) hits.splice(hits.indexOf(h), 1);
  }
}

/**
 * "first" read as "1st" names the 1st of a month only as a day is named: "the first", "on the first",
 * "Monday the first", or said alone; not as an adverb ("whoever's free first", "whichever comes first",
 * "first come first served").
 */
function saysDayOrdinal(x: RegExpExecArray, orig: string): boolean {
  if (x[1] !== '1' || /^(?:on |the )/.test(x[0])) return true;
  const before = orig.slice(0, x.index);
  return new RegExp(`\\b(?:${WD})s?,?\\s+$`).test(before) || !(before + orig.slice(x.index + x[0].length)).trim();
}

function dayOfMonth(today: DateTime, day: number, month?: number, year?: number): string | undefined {
  if (day < 1 || day > 31) return undefined;
  if (month !== undefined) {
    if (month < 1 || month > 12) return undefined;
    let d = DateTime.fromObject({ year: year ?? today.year, month, day }, { zone: today.zone });
    if (!d.isValid) return undefined;
    // a day gone by this year is next year's, unless the year was said
    if (d < today.startOf('day') && year === undefined) d = d.plus({ years: 1 });
    if (d < today.startOf('day')) return undefined;
    return iso(d);
  }
  for (let k = 0; k < 3; k++) {
    const base = today.plus({ months: k });
    const d = DateTime.fromObject({ year: base.year, month: base.month, day }, { zone: today.zone });
    if (d.isValid && d >= today) return iso(d);
  }
  return undefined;
}
