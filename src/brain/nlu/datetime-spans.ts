/**
 * Spans of days as callers bound them (see the note in datetime.ts):
 * - a part of a month: "the first week of January" (1st–7th), "the last week of next month", "early
 *   March" (1st–10th), "mid-March" (11th–20th), "late March" (21st to the end), "sometime in March" (the
 *   whole month), from today on;
 * - "the week of the 14th": that date's Monday-to-Sunday week;
 * - two days joined: "between the 14th and the 18th", "Monday to Wednesday", "Tuesday or Wednesday"
 *   (never "move it from Tuesday to Thursday": a move names where from and where to);
 * - a day with a bound: "after the 15th" and "I'm away until the 20th" (the two weeks after it), "before
 *   Friday" (from today to the day before), "no later than the 18th" (to that day; "by Saturday" stays the
 *   day: "can it be fixed by Saturday" books Saturday), "from Monday on", "not before the
 *   20th" (two weeks from it); "I'm away over Christmas, any time after that is fine" bounds the day
 *   said before "after that".
 */
import { DateTime } from 'luxon';
import { relativeTo } from './datetime-holidays.js';
import { weekOf } from './datetime-weeks.js';
import { BUSY, iso, mask, MONTH_RE, monthOf, WD, WEEKDAYS, type DateValue, type Hit } from './datetime-words.js';

/** The search window a bound opens ("after the 15th"): two weeks, as "after Christmas" has. */
const WINDOW_DAYS = 14;

const WHICH_MONTH = `(?:(?:the|this) month|(next|following) month|(${MONTH_RE})\\b)`;
const WEEK_OF_MONTH: Record<string, [number, number]> = {
  '1st': [1, 7],
  '2nd': [8, 14],
  '3rd': [15, 21],
  '4th': [22, 28],
};
const MONTH_PART: Array<[RegExp, [number, number]]> = [
  [/^(?:early|beginning|start|first part|first half)/, [1, 10]],
  [/^(?:mid|middle)/, [11, 20]],
  [/^second half/, [16, 31]],
  [/^(?:late|latter|last part)/, [21, 31]],
];

/** Parts of a month ("the 2nd week of January", "early March", "sometime in June"), masked once read. */
export function findMonthParts(m: { s: string }, today: DateTime, add: (at: number, v: DateValue) => unknown): void {
  const span = (x: RegExpExecArray, which: string | undefined, from: number, to: number) => {
    const end = monthOf(which, today, (y, mo) => {
      const first = DateTime.fromObject({ year: y, month: mo, day: 1 }, { zone: today.zone });
      return to < 0 ? first.endOf('month').startOf('day') : first.plus({ days: Math.min(to, first.daysInMonth!) - 1 });
    });
    if (!end) return false;
    const start = from < 0 ? end.minus({ days: 6 }) : end.set({ day: from });
    add(x.index, { range: { from: iso(start < today ? today : start), to: iso(end) } });
  };
  mask(m, new RegExp(`\\b(?:the )?(1st|2nd|3rd|4th|last|final) week (?:of|in) ${WHICH_MONTH}`, 'g'), (x) => {
    const [from, to] = WEEK_OF_MONTH[x[1]] ?? [-1, -1];
    return span(x, x[3] ?? x[2], from, to);
  });
  mask(
    m,
    new RegExp(
      `\\b(?:the )?(early|beginning of|start of|first part of|first half of|mid|middle of|second half of|late|latter part of|last part of)[ -](?:the )?${WHICH_MONTH}`,
      'g',
    ),
    (x) => {
      const [, [from, to]] = MONTH_PART.find(([re]) => re.test(x[1]))!;
      return span(x, x[3] ?? x[2], from, to === 31 ? -1 : to);
    },
  );
  // "sometime in March", "during next month" (not "in March on the 15th" or "in March 15")
  mask(
    m,
    new RegExp(
      `\\b(?:(?:sometime|some time|any ?time|any day|anyday|a day) )?(?:in|during) ${WHICH_MONTH}(?![ ,]*(?:on )?(?:the )?\\d)`,
      'g',
    ),
    (x) => span(x, x[2] ?? x[1], 1, -1),
  );
}

/** "I'm away until", "at work till": the day said next is the last one the caller is tied up. */
const BUSY_UNTIL_DAY = new RegExp(`\\b${BUSY}\\b[^,.;!?]{0,24}\\b(?:until|till|til|through|thru)\\s+$`);

/** "before my wedding on the 20th", "before the kids go back on Monday": the day of what comes after "before". */
const BEFORE_OWN_EVENT =
  /\bbefore (?:my|our|his|her|their|the) (?:[a-z']+ ){1,4}(?:is |are |'s )?(?:on |this |next |coming )?(?:the )?$/;

/** Verbs that make "from X to Y" a move, not a span. */
const MOVE = /\b(?:move|moving|moved|change|changing|switch|switching|swap|reschedul\w*|push|shift|bump)\b/;
/** What may stand around a day inside a joined pair ("on the 14th", "next Tuesday", "December 14"). */
const DAY_WORD = new RegExp(
  `^(?:on|the|next|this|coming|of|${WD}|${MONTH_RE}|\\d{1,2}(?:st|nd|rd|th)?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2})$`,
);

type Span = { from: string; to: string };
const spanOf = (v: DateValue): Span => ('range' in v ? v.range : { from: v.date, to: v.date });
const dayOf = (d: string, zone: DateTime['zone']) => DateTime.fromISO(d, { zone });

/** What the span readers share: the days found, the utterance they were found in, and today. */
interface Reading {
  hits: Array<Hit<DateValue>>;
  orig: string;
  today: DateTime;
}

/** The days from `from` to `to`, from today on; undefined when they ended before today. */
function clip(today: DateTime, from: DateTime, to: DateTime): DateValue | undefined {
  return to < today ? undefined : { range: { from: iso(from < today ? today : from), to: iso(to) } };
}

/** Gives a found day a span instead (it is then no bare weekday and not ruled out). */
function set(h: Hit<DateValue>, v: DateValue | undefined): void {
  if (!v) return;
  h.value = v;
  delete h.negated;
  delete h.bare;
  delete h.weekday;
}

/**
 * Joins and bounds the days found (`hits`, in any order) into spans; `orig` is the utterance they were
 * found in. A hit a bound reads is replaced by its span.
 */
export function joinSpans(
  hits: Array<Hit<DateValue>>,
  today: DateTime,
  orig: string,
  anchor: DayAnchor = {},
  left = orig,
): void {
  const zone = today.zone;
  const reading: Reading = { hits, orig, today };
  weekOfDate(reading);
  joinPairs(hits, orig, zone);
  for (const h of [...hits]) {
    if (!('date' in h.value)) continue;
    const d = dayOf(h.value.date, zone);
    const before = orig.slice(Math.max(0, h.at - 48), h.at);
    // "the day before my test on the 25th": the day is what the phrase is relative to (relativeToADay)
    if (RELATIVE_BEFORE_IT.test(before)) continue;
    if (/\bnot (?:before|until|till|til)\s+$/.test(before)) set(h, clip(today, d, d.plus({ days: WINDOW_DAYS - 1 })));
    else if (h.negated) continue;
    else if (
      /(?<!\b(?:the|a) (?:day|week|weekend|one|night|morning) )\b(?:after|following)\s+$/.test(before) ||
      BUSY_UNTIL_DAY.test(before)
    )
      set(h, clip(today, d.plus({ days: 1 }), d.plus({ days: WINDOW_DAYS })));
    else if (
      /(?<!\b(?:the|a) (?:day|week|weekend|one|night|morning|just|right) )\bbefore\s+$/.test(before) ||
      BEFORE_OWN_EVENT.test(before)
    ) {
      set(h, clip(today, today, d.minus({ days: 1 })));
      weekdayBefore(reading, h, d.minus({ days: 1 }));
    } else if (/\b(?:no|not) later than\s+$|\b(?:free|available|around) (?:until|till|til)\s+$/.test(before))
      set(h, clip(today, today, d));
    else if (
      /\b(?:starting(?: from| on)?|as of|any ?time from)\s+$/.test(before) ||
      (/\bfrom\s+$/.test(before) && /^\S+(?: \S+)? (?:on|onwards?)\b/.test(orig.slice(h.at)))
    )
      set(h, clip(today, d, d.plus({ days: WINDOW_DAYS - 1 })));
  }
  afterThat(reading);
  relativeToADay(reading, anchor, left);
  beforeThat(reading);
}

/**
 * The day a relative phrase is read against: `anchorDay` is the one an earlier turn named (the caller's test, their
 * wedding); `anchored` is set to the one this turn named, for later turns.
 */
export interface DayAnchor {
  anchorDay?: string;
  anchored?: string;
}

/**
 * "the day / week / weekend before", "the Wednesday, Thursday or Friday before", "the day after": of the day said
 * with it, after it ("the week before Monday the 25th") or before it ("my test is on Monday the 25th… a lesson the
 * week before", "the Friday before the test"); read as the holidays' "the Thursday before New Year's" are.
 */
const RELATIVE = new RegExp(
  `\\bthe ((?:day|week|weekend)|(?:${WD})(?:(?:,| or| and|, or|, and) (?:${WD}))*) (before|after)\\b(?! next\\b| last\\b)`,
  'g',
);
const RELATIVE_SAID = new RegExp(RELATIVE.source);
/** A relative phrase said before a day in the same clause ("the day before my test on the 25th"). */
const RELATIVE_BEFORE_IT = new RegExp(`${RELATIVE.source}[^,.;!?]*$`);

/** Whether a relative phrase ("the week before") is said in the utterance: the day said with it is its anchor. */
export function saysRelativeToADay(s: string): boolean {
  return RELATIVE_SAID.test(s);
}

/** What stands between "the Friday before (then)" and a date that only says which day it is: ", the 30th". */
const APPOSITION = /^(?:\s+(?:then|that))?\s*[,\u2013\u2014-]\s*(?:so |i\.e\. |that's |which is |on )?(?:the\s+)?$/;

/** Reads each relative phrase of `orig` against its day; `left` is the utterance once other readers took their phrases. */
function relativeToADay({ hits, orig, today }: Reading, remembered: DayAnchor, left: string): void {
  for (const x of orig.matchAll(RELATIVE)) {
    const end = x.index + x[0].length;
    // "the Thursday before New Year's" was read with its holiday
    if (!/\S/.test(left.slice(end - x[2].length, end))) continue;
    const own = (h: Hit<DateValue>) => h.at >= x.index && h.at < end;
    const others = hits.filter((h) => !own(h) && !h.negated);
    // the day right after the phrase, else the last one said before it
    // (of "Monday the 25th", the date: the bare weekday beside it is the same day)
    const following = others
      .filter((h) => h.at >= end && h.at - end < 24)
      .sort((a, b) => Number(!!a.bare) - Number(!!b.bare));
    let anchor = following[0] ?? others.filter((h) => h.at < x.index).sort((a, b) => b.at - a.at)[0];
    // "the Friday before then, the 30th": the date said after it is that Friday itself, put another way
    if (anchor && following[0] === anchor && 'date' in anchor.value && APPOSITION.test(orig.slice(end, anchor.at))) {
      const wd = new RegExp(`^(?:${WD})`).exec(x[1]);
      if (wd && WEEKDAYS[wd[0]] === dayOf(anchor.value.date, today.zone).weekday) {
        for (const h of hits.filter(own)) hits.splice(hits.indexOf(h), 1);
        continue;
      }
    }
    // none in this turn: the day said earlier in the call ("my test is on the 25th… the Friday before the test")
    if (!anchor && remembered.anchorDay && !others.length) {
      anchor = { at: end, value: { date: remembered.anchorDay } };
      hits.push(anchor);
    } else if (anchor && 'date' in anchor.value) remembered.anchored = anchor.value.date;
    if (!anchor) continue;
    const span = spanOf(anchor.value);
    const days = { first: dayOf(span.from, today.zone), last: dayOf(span.to, today.zone) };
    // each unit or weekday named ("the Wednesday, Thursday or Friday before"), as the holidays read them
    const units = x[1].split(/,? (?:or|and) |, /);
    const read = units.flatMap((u) => relativeTo(days, u, x[2] === 'after')).sort((a, b) => +a - +b);
    const [from, to] = [read[0], read[read.length - 1]];
    const value = +from === +to ? (from < today ? undefined : { date: iso(from) }) : clip(today, from, to);
    if (!value) continue;
    // the weekdays named are read into the span, and the day it is relative to is no wish of its own
    // (and so is the same day said twice: "Monday the 25th")
    const same = (h: Hit<DateValue>) => {
      const hs = spanOf(h.value);
      return (
        h !== anchor && Math.abs(h.at - anchor.at) < 24 && (!!h.bare || (hs.from === span.from && hs.to === span.to))
      );
    };
    for (const h of hits.filter((h) => own(h) || same(h))) hits.splice(hits.indexOf(h), 1);
    set(anchor, value);
  }
}

/** "the week of the 14th": that day's week. */
function weekOfDate({ hits, orig, today }: Reading): void {
  for (const h of hits) {
    if (!('date' in h.value) || !/\bweek of\s+$/.test(orig.slice(Math.max(0, h.at - 12), h.at))) continue;
    set(h, { range: weekOf(dayOf(h.value.date, today.zone), today) });
  }
}

/**
 * "between the 14th and the 18th", "Monday to Wednesday", "Tuesday or Wednesday", "Monday, Tuesday or
 * Wednesday": one span. A weekday that ends a span ("Friday to Monday") is the first one after its start.
 */
function joinPairs(hits: Array<Hit<DateValue>>, orig: string, zone: DateTime['zone']): void {
  const moving = MOVE.test(orig);
  const sorted = [...hits].sort((a, b) => a.at - b.at);
  const listed = new Set<Hit<DateValue>>();
  // from the right, so that "Monday, Tuesday or Wednesday" joins "Tuesday or Wednesday" first
  for (let i = sorted.length - 2; i >= 0; i--) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    if (a.negated || b.negated) continue;
    const x = /^(.*?)[ ,]*\b(or|to|till|until|thru|through|and)\b[ ,]*((?:on |the )*)$|^(.*?\S)\s*([-–,])\s*$/.exec(
      orig.slice(a.at, b.at),
    );
    if (!x) continue;
    const words = (x[1] ?? x[4]).split(/[\s,]+/).filter(Boolean);
    if (!words.length || words.length > 6 || !words.every((w) => DAY_WORD.test(w))) continue;
    const joint = x[2] ?? (x[5] === ',' ? 'list' : 'to');
    if (joint === 'list' && !listed.has(b)) continue;
    if (joint === 'and' && !/\bbetween\s+(?:the\s+)?$/.test(orig.slice(0, a.at))) continue;
    const either = joint === 'or' || joint === 'list';
    if (!either && joint !== 'and' && moving) continue;
    const sa = spanOf(a.value);
    let sb = spanOf(b.value);
    if (!either && sb.to < sa.from && b.bare && 'date' in b.value) {
      let d = dayOf(b.value.date, zone);
      while (iso(d) < sa.from) d = d.plus({ weeks: 1 });
      sb = { from: iso(d), to: iso(d) };
    }
    if (!either && sb.to < sa.from) continue;
    const from = sa.from < sb.from ? sa.from : sb.from;
    const to = sa.to > sb.to ? sa.to : sb.to;
    if (dayOf(to, zone).diff(dayOf(from, zone), 'days').days > 31) continue;
    a.value = { range: { from, to } };
    delete a.bare;
    delete a.weekday;
    if (either) listed.add(a);
    hits.splice(hits.indexOf(b), 1);
    sorted.splice(i + 1, 1);
  }
}

/** "I'm away over Christmas, any time after that is fine": the day said before it, bounded. */
function afterThat({ hits, orig, today }: Reading): void {
  const x =
    /\b(?:any ?time|anything|any day|anyday|whenever|sometime|something|free|available|fine|good|ok|okay) after (?:that|then)\b|\bafter (?:that|then)(?:'s| is| would be| works| should be)? (?:fine|good|ok|okay|great|perfect|better|works|any ?time|whenever)\b/.exec(
      orig,
    );
  if (!x) return;
  const before = hits.filter((h) => h.at < x.index).sort((a, b) => b.at - a.at)[0];
  if (!before) return;
  const end = dayOf(spanOf(before.value).to, today.zone);
  set(before, clip(today, end.plus({ days: 1 }), end.plus({ days: WINDOW_DAYS })));
}

/** A clock time ("at 3", "2:30", "4pm", "noon"): said between a day and "before then", "then" is that time. */
const CLOCK =
  /\b\d{1,2}(?::\d{2}| ?[ap]\.? ?m\b|(?= ?o'? ?clock))|\b(?:at|around|about) \d{1,2}\b|\b(?:noon|midday|lunch)\b/;

/** "before then", "ahead of that", "by then", "sometime before": a bound set by the day said before it. */
const BEFORE_THAT =
  /\b(?:(before|ahead of|prior to|earlier than|sooner than|by)|(no later than|not later than|up to)) (?:then|that(?: date| day)?|the day|it (?:runs out|expires|is due|'s due|ends|goes|happens))\b|\b(?:sometime|some time|any ?time|anything|something|a day or 2|a few days|a couple of days) before(?=\s*(?:[,.;!?]|$|(?:please|if|ideally|would|is|that|then|like|say|maybe|on|around|so)\b))|\bbeforehand\b/;

/** "before I go on holiday on the 20th", "ahead of our flight on Friday": the days before the day said after it. */
const BEFORE_THEY_GO =
  /\b(?:before|ahead of) (?:i|we|he|she|they) (?:go|goes|leave|leaves|fly|flies|head off|jet off|travel|move|moves)\b(?: (?:away|abroad|overseas|(?:on|for|to) (?:holiday|vacation|a trip|my trip|our trip|honeymoon|[a-z]+)))?(?= on\b)/;

/** True when the utterance bounds a day said before it by "before then" (see BEFORE_THAT). */
export function saysBeforeThat(s: string): boolean {
  return BEFORE_THAT.test(s);
}

/**
 * "my MOT runs out on the 14th, can you fit it in before then?", "ahead of that", "by then", "our wedding's
 * on the 20th so sometime before": the day said before it bounds the search (the days before it; up to it
 * with "no later than"), from today on; not when a clock time said after the day is what "then" refers to
 * ("Friday I've a meeting at 3, anything before that?").
 */
function beforeThat({ hits, orig, today }: Reading): void {
  const going = BEFORE_THEY_GO.exec(orig);
  if (going) {
    const day = hits.filter((h) => h.at > going.index && !h.negated).sort((a, b) => a.at - b.at)[0];
    if (day) set(day, clip(today, today, dayOf(spanOf(day.value).from, today.zone).minus({ days: 1 })));
    return;
  }
  const x = BEFORE_THAT.exec(orig);
  if (!x) return;
  const before = hits.filter((h) => h.at < x.index && !h.negated).sort((a, b) => b.at - a.at)[0];
  if (!before || CLOCK.test(orig.slice(before.at, x.index))) return;
  const span = spanOf(before.value);
  const to = x[2] ? dayOf(span.to, today.zone) : dayOf(span.from, today.zone).minus({ days: 1 });
  set(before, clip(today, today, to));
  weekdayBefore({ hits, orig, today }, before, to, x.index);
}

/**
 * "married on the 14th… a few days before, like the Wednesday", "the Wednesday before the 14th": a bare weekday
 * said with a bound before a day is the last such weekday before it (the bound then says nothing more).
 */
function weekdayBefore({ hits, today }: Reading, bound: Hit<DateValue>, to: DateTime, at = bound.at): void {
  const near = hits.find((h) => h !== bound && h.bare && h.weekday && !h.negated && Math.abs(h.at - at) < 40);
  if (!near?.weekday) return;
  const d = to.minus({ days: (to.weekday - near.weekday + 7) % 7 });
  if (d < today) return;
  near.value = { date: iso(d) };
  delete near.bare;
  hits.splice(hits.indexOf(bound), 1);
}
