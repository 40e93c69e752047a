/**
 * Weeks as parseTimeWish reads them (see the note in datetime.ts): week phrases ("next week", "the week
 * after next"), weekdays ruled out ("any afternoon but Wednesday", "on a weekday") and a bare weekday
 * read inside the week or range said with it.
 */
import { DateTime } from 'luxon';
import { iso, mask, WD, WEEKDAYS, type DateValue, type Hit } from './datetime-words.js';

/** "any afternoon but Wednesday", "except Mondays", "can't do Fridays": weekdays ruled out, blanked so they are no wish. */
export function maskExcludedWeekdays(m: { s: string }): number[] {
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
  // "not mondays or tuesdays": every day of the list ("not Monday" alone is left to the day it corrects)
  mask(
    m,
    new RegExp(
      `(?<!\\b(?:why|if|whether|or) )\\bnot (?:on )?(?:a )?(${WD})s?((?:,? (?:or|and|nor) (?:on )?(?:a )?(?:${WD})s?)+)\\b`,
      'g',
    ),
    read,
  );
  mask(
    m,
    new RegExp(
      `\\b(?:no|never) (${WD})s()\\b|\\b(?:can't|cannot|can not|couldn't) (?:do|make|come(?: in)?|manage)(?: it)? ${days}`,
      'g',
    ),
    read,
  );
  // "I work Mondays", "I've got class on Thursdays", "she's at school on Friday": days the caller is taken
  mask(
    m,
    new RegExp(
      `\\b(?:i|we|he|she|they)(?:'m|'re|'s| am| are| is|'ve got|'ve| have| has)?(?: got)? (?:work|working|at work|busy|in class|(?:got )?(?:work|class|classes|school|practice|training|dialysis|chemo)) ${days}`,
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
export function weekParts(m: { s: string }): number[] {
  const out: number[] = [];
  mask(m, /(?<!\b(?:what|which|the|this|next|that|last|past) )\b(weekday|weekend)s?\b/g, (x) => {
    const clause = m.s
      .slice(Math.max(0, x.index - 24), x.index)
      .split(/[,.;!?]|\b(?:so|and|because|cause)\b/)
      .pop()!;
    // "I work until 5 on weekdays": the hours of the working day, not the days taken
    const workHours = /\b(?:until|till|til|to)\s+\d/.test(clause);
    const flip = !workHours && /(?:\b(?:not|no|never|except|but|work|works|working|busy|away)|n't)\b/.test(clause);
    out.push(...((x[1] === 'weekday') !== flip ? [6, 7] : [1, 2, 3, 4, 5]));
  });
  return out;
}

/** The Monday-to-Sunday week of `d`, from today on. */
export function weekOf(d: DateTime, today: DateTime): { from: string; to: string } {
  const monday = d.startOf('week');
  return { from: iso(monday < today ? today : monday), to: iso(monday.plus({ days: 6 })) };
}

/**
 * "the week after next", "the weekend after next", "in a couple of weeks" (the week two weeks on), "in a
 * few weeks" (three weeks on): a week, so a weekday said with it ("the Tuesday of the week after next")
 * names that week's day.
 */
export function findWeeksAhead(m: { s: string }, today: DateTime, add: (at: number, v: DateValue) => unknown): void {
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

/** The local date of `weekday` (1 = Monday) inside a range of local dates, if it has one. */
export function weekdayIn(range: { from: string; to: string }, weekday: number): string | undefined {
  for (let d = DateTime.fromISO(range.from); iso(d) <= range.to; d = d.plus({ days: 1 }))
    if (d.weekday === weekday) return iso(d);
  return undefined;
}

/**
 * A bare weekday said with a week or a range ("next week sometime? Tuesday morning", "Tuesday in two weeks")
 * names that day of it; several joined by "or" ("the first weekend after New Year's, Saturday or Sunday")
 * name the part of it they span, otherwise the later one counts. A bare weekday that would fall in a week
 * ruled out ("not this week, Friday") is the one after it.
 */
export function inScope(hits: Array<Hit<DateValue>>, today: DateTime, orig: string): void {
  const spanOf = (h: Hit<DateValue>) => ('range' in h.value ? h.value.range : h.scope);
  const scopes = hits.filter((h) => !h.negated && spanOf(h));
  for (const scope of scopes) {
    const span = spanOf(scope)!;
    const mine = hits.filter(
      (h) => h.bare && !h.negated && nearestScope(h, scopes) === scope && weekdayIn(span, h.weekday!),
    );
    if (!mine.length) continue;
    for (const h of mine) h.value = { date: weekdayIn(span, h.weekday!)! };
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

/** The range a week phrase names ("next week", "end of the week", "the weekend"), from today on. */
export function weekRange(phrase: string, today: DateTime): { from: string; to: string } {
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

const COUNT = '(a|an|one|1|two|2|three|3|four|4)';
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4 };
/** What is moved: "it", "me", "my appointment", "my haircut", "our dog's grooming" (a few words after a possessive). */
const WHOM =
  "(?: (?:it|me|us|that|this|him|her|them|(?:the|my|our|his|her|their|[a-z]+'s) (?:[a-z'-]+ ){0,2}?[a-z'-]+))?";
/**
 * Weeks on from a day already talked about: "the following week", "the week after", "a week later", "push it
 * back a fortnight" ("a fortnight" reads "2 weeks" by now), "bring it forward a week" (back: negative).
 * Not "the week after next" (read before) nor British "a week on Tuesday" (a week from that Tuesday).
 */
const WEEK_SHIFT = new RegExp(
  [
    `\\b(?:push|move|put|bump|shift|knock)${WHOM} (?:back|out|on)(?: by)? ${COUNT} weeks?\\b`,
    `\\b(?:bring|move|pull|shift)${WHOM} (forward|up|earlier)(?: by)? ${COUNT} weeks?\\b`,
    `\\b${COUNT} weeks? (later|earlier|after (?:that|then)|on(?=\\s*(?:[,.;!?]|$|(?:same|at|please|then|from)\\b)))`,
    `\\bthe following week(?!end)\\b|\\bthe week after(?! next)(?: (?:that|then))?\\b`,
  ].join('|'),
  'g',
);

/** Masks the phrases of WEEK_SHIFT in `m`, giving where each was said and how many weeks on (negative: back). */
export function findWeekShifts(m: { s: string }): Array<{ at: number; weeks: number }> {
  const out: Array<{ at: number; weeks: number }> = [];
  mask(m, WEEK_SHIFT, (x) => {
    const n = x[1] ?? x[3] ?? x[4];
    const weeks = n ? (COUNTS[n] ?? Number(n)) : 1;
    const back = !!x[2] || x[5] === 'earlier';
    out.push({ at: x.index, weeks: back ? -weeks : weeks });
  });
  return out;
}
