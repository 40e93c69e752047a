/**
 * Clock times and parts of the day as parseTimeWish reads them (see the note in datetime.ts): an hour
 * with or without am/pm, loose times ("two thirty-ish", "half five"), bounds ("not before 10", "10 or
 * later", "between 2 and 4") and a recogniser's homophones of an hour ("at for thirty").
 */
import { last, mask, negatedAt, WD, type Hit } from './datetime-words.js';
import { UNITS } from './text.js';

/** Part of a day a caller may ask for. */
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** `loose`: a time of day named by what happens then ("on my lunch break"), yielding to a clock time said with it. */
type TimeValue = { kind: 'at' | 'after' | 'before'; time: string; guessed?: boolean; loose?: boolean };

/** Words a speech recogniser writes for an hour it heard: "at for thirty" (4:30), "at to pm" (2 PM), "ate o'clock". */
const SOUNDS_LIKE: Record<string, string> = { for: '4', fore: '4', to: '2', too: '2', ate: '8', won: '1' };
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
export function heardAsTime(text: string): string {
  const said = '(for|fore|to|too|ate|won)';
  return (
    text
      // "thursday for thirty": the hour heard as a word, right after the day, with its minutes
      .replace(
        new RegExp(`(?<=\\b(?:${WD}|tomorrow|today|tonight)\\s)${said}(?= (?:15|30|45)\\b${COUNTED})`, 'g'),
        (h: string) => SOUNDS_LIKE[h],
      )
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
      .replace(new RegExp(`\\btoo(?= (?:15|30|45)\\b${COUNTED})`, 'g'), '2')
  );
}

/** Where an hour written without its colon ("945", "1500") stands as a time: after a word that brings one… */
const COMPACT_BEFORE = String.raw`(?<=(?:^|[,.!?]\s*|\b(?:at|around|about|like|maybe|say|do|for|by|after|before|from|until|till|ok|okay|yes|yeah|yep|sure|or|and|anything|something|is|about|not|meant|mean|instead|it|than)\s+))`;
/** …and before a word that goes on about it ("945 is perfect", "330 thurs", "1500 on the 22nd"). */
const COMPACT_AFTER = String.raw`(?=\s*(?:$|[,.!?]|-?ish\b|is\b|works?\b|would\b|'s\b|then\b|please\b|pls\b|on\b|tomorrow\b|today\b|tonight\b|this\b|next\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|if\b|or\b|instead\b|not\b|hours?\b|hrs\b|h\b|[ap]\.?m?\b))`;

/**
 * Clock times as typed in a chat, rewritten as the parsers read them: "3.30" and "10.45" (a dot for the colon,
 * minutes at the quarter hours or with am/pm; "14.12" stays a date), "945" and "330" after a word that brings a
 * time and before one that goes on about it ("945 is perfect", "anything 330 thurs"), "1500" and "0930" in the
 * same places or before "hours" ("13 hundred hours" too), "3p" for 3 PM. A price, a year, a count and a house
 * number keep their digits.
 */
export function compactClock(text: string): string {
  return text
    .replace(/(?<![$£€\d.,])\b(1[0-2]|0?[1-9])\.([0-5]\d)\b(?![\d.,%])/g, (x, h: string, mm: string, at: number) =>
      /^(?:00|15|30|45)$/.test(mm) || /^\s*[ap]\.?\s?m\b/.test(text.slice(at + x.length)) ? `${h}:${mm}` : x,
    )
    .replace(
      new RegExp(String.raw`${COMPACT_BEFORE}(?<![$£€#\d])([1-9])([0-5]\d)\b(?![\d:/])${COMPACT_AFTER}`, 'g'),
      '$1:$2',
    )
    .replace(
      new RegExp(String.raw`${COMPACT_BEFORE}(?<![$£€#\d])([01]\d|2[0-3])([0-5]\d)\b(?![\d:/])${COMPACT_AFTER}`, 'g'),
      (x, h: string, mm: string) => (Number(h) >= 20 && !/\d\s*(?:hours?|hrs|h)\b/.test(x) ? x : `${h}:${mm}`),
    )
    .replace(/\b([01]?\d|2[0-3]) ?([0-5]\d) (?:hours|hrs)\b/g, '$1:$2')
    .replace(/\b([01]?\d|2[0-3]) hundred(?: hours| hrs)\b/g, '$1:00')
    .replace(
      /\b(1[3-9]|2[0-3]) hundred\b(?! ?(?:dollars|bucks|pounds|euros|people|square|sq|feet|ft|miles|km))/g,
      '$1:00',
    )
    .replace(/\b(\d{1,2}(?::[0-5]\d)?) ?p(?=$|[\s,.!?])/g, '$1 pm')
    .replace(/\b(\d{1,2}(?::[0-5]\d)?) ?a(?=$|[,.!?])/g, '$1 am');
}

/**
 * After a midday break said as such: "straight after lunch", "after your lunch break", "once you're back from
 * lunch" (a plain "after lunch" stays the afternoon, read by findPartOfDay).
 */
const AFTER_LUNCH =
  /\b(?:(?:straight|right|just|directly|soon) after (?:(your|you guys'|the|my|our|his|her) )?lunch(?: ?(?:break|hour|time))?|after (your|you guys'|the|my|our|his|her) lunch(?: ?(?:break|hour|time))?|after lunch ?(?:break|hour)|(?:once|when) (you(?:'re| are)|i'm|i am|we're) back from (?:(?:your|my|our) )?lunch(?: ?break)?|after (you(?:'ve| have)) had (?:your )?lunch)\b/g;

/**
 * True when the caller asks for the time the business reopens after its own midday break ("straight after
 * your lunch break", "once you're back from lunch"); not after the caller's own ("after my lunch").
 */
export function saysAfterTheirLunch(s: string): boolean {
  return [...s.matchAll(AFTER_LUNCH)].some((x) => !/^(?:my|our|his|her|i|we)/.test(x[1] ?? x[2] ?? x[3] ?? x[4] ?? ''));
}

/** The part of the day said last ("tomorrow morning", "after work"). */
export function findPartOfDay(s: string): Hit<PartOfDay> | undefined {
  const hits: Array<Hit<PartOfDay>> = [];
  // "first" may already read "1st" ("first thing" is the morning's first opening; "the first thing she has" is
  // only the earliest)
  const re =
    /\b(mornings?|(?:first|1st) thing(?! (?:she|he|they|you|you've|she's|he's|they've|we|that|which|available|open|free)\b)|afternoons?|arvos?|s'arvo|after lunch|evenings?|tonight|after work|at night)\b/g;
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

export function findTimes(m: { s: string }, pod: PartOfDay | undefined, orig: string): Array<Hit<TimeValue>> {
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
  // "from about half 9 til half 2", "free from 9:30 till 2:30", "between half 9 and 3": a window ("half 9" is 9:30)
  mask(
    m,
    /\b(?:from|between) (?:about |around )?(half (?:past )?)?(\d{1,2})(?::(\d{2}))? ?([ap])?\.?m?\.? (?:til|till|until|to|and|-) (?:about |around )?(half (?:past )?)?(\d{1,2})(?::(\d{2}))? ?([ap])?\.?m?\b\.?(?! ?(?:minutes|mins|hours|days|weeks|people|kids|dogs|cats))/g,
    (x) =>
      range(
        x.index,
        Number(x[2]),
        x[1] ? 30 : Number(x[3] ?? 0),
        Number(x[6]),
        x[5] ? 30 : Number(x[7] ?? 0),
        mer(x[4]),
        mer(x[8]),
      ),
  );
  mask(
    m,
    /\b(?:at |around |about )?(\d{1,2}) or (\d{1,2})\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|hours|days|weeks|people))/g,
    (x) => range(x.index, Number(x[1]), 0, Number(x[2]) + 1, 0),
  );
  // "mid-morning", "mid-afternoon", "midday-ish" is noon (read below)
  mask(m, /\bmid[- ]?(morning|afternoon|arvo)\b/g, (x) => {
    const [from, to] = x[1] === 'morning' ? ['09:30', '11:30'] : ['13:30', '15:30'];
    hits.push(
      { at: x.index, value: { kind: 'after', time: from } },
      { at: x.index + 1, value: { kind: 'before', time: to } },
    );
  });
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
  // "half 11-ish", "quarter past 3ish", "20 to elevenish": the -ish belongs to the whole phrase read below
  m.s = m.s.replace(
    new RegExp(`\\b((?:half|past|after|to|till|of) )(\\d{1,2}|${Object.keys(UNITS).join('|')}) ?-?ish\\b`, 'g'),
    (x, pre: string, h: string) => {
      const hour = /^\d/.test(h) ? h : String(UNITS[h]);
      return (pre + hour).padEnd(x.length);
    },
  );
  // "after school" (out about 3), "after the school run" (the morning drop-off, about 9:30), "before school"
  mask(
    m,
    /\b(?:(after|before) (the )?school(?: (run|drop-?off|pick-?up|gets out|lets out|finishes))?|(?:once|when) school(?:'s| is| gets| lets) out)\b/g,
    (x) => {
      if (x[1] === 'before') hits.push({ at: x.index, value: { kind: 'before', time: '08:30' } });
      else if (/run|drop/.test(x[3] ?? '')) hits.push({ at: x.index, value: { kind: 'after', time: '09:30' } });
      else if (!x[2] || x[3]) hits.push({ at: x.index, value: { kind: 'after', time: '15:00' } });
      else return false;
    },
  );
  // "four-ish", "two thirty-ish", "2:30ish", "sixish": the minutes are kept
  mask(m, /\b(\d{1,2})(?:(?::| )([0-5]\d))? ?-?ish\b/g, (x) => add(x.index, Number(x[1]), Number(x[2] ?? 0)));
  mask(m, new RegExp(`\\b(${Object.keys(UNITS).join('|')})-?ish\\b`, 'g'), (x) => {
    const h = UNITS[x[1]];
    if (h < 1 || h > 12) return false;
    add(x.index, h, 0);
  });
  // "straight after your lunch break", "once you're back from lunch": after 1 PM (the dialog may know when the
  // business reopens: `afterBreak`)
  mask(m, AFTER_LUNCH, (x) => {
    hits.push({ at: x.index, value: { kind: 'after', time: '13:00' } });
  });
  mask(
    m,
    /\b(noon|midday|lunch ?(?:time|hour|break)|(?<=around |about |at |before |by |over |on my )lunch|midnight)(?:-?ish)?\b/g,
    (x) => {
      add(x.index, x[1] === 'midnight' ? 0 : 12, 0, x[1] === 'midnight' ? 'am' : 'pm');
      if (/lunch/.test(x[1])) hits[hits.length - 1].value.loose = true;
    },
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
    /\b(at|around|about|by|after|before|until|till|from|say|how about|what about|maybe|past|later than|earlier than|than|wait|make it|make that|mean|or|actually|instead|not|no|for|do|take|try|change it to|move it to|said|meant|i mean|(?<!(?:\b(?:i|we|you|they|would|do|don't|did|looks|sounds|seems|feels)|'d) )like)[, ]+(\d{1,2})\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|mins|hours|days|weeks|people|persons?|kids|dogs|cats|cars|dollars|bucks|of\b|more\b|last\b|other\b|thing|quick\b|question|sec\b|second\b|moment\b|\/))/g,
    (x) => add(x.index + x[0].length - x[2].length, Number(x[2]), 0),
  );
  // "has he got 11 that day?", "do you have anything at 4?", "is there one around 2?": the hour asked after
  mask(
    m,
    /\b(?:has|have|do|does|is|are)\s+(?:you|he|she|they|we|there)\s+(?:got\s+|have\s+)?(?:anything\s+|something\s+|one\s+|a (?:slot|spot|space|time|gap)\s+)?(?:at\s+|around\s+|about\s+|for\s+)?(1[0-2]|[1-9])\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|mins|hours|days|weeks|people|persons?|kids|dogs|cats|cars|dollars|bucks|slots?|spots?|openings?|appointments?|chairs?|rooms?|tables?|staff|people|of\b|more\b|other\b|\/|:))/g,
    (x) => add(x.index + x[0].length - x[1].length, Number(x[1]), 0),
  );
  // "move my cleaning on Friday to 2": the hour it is moved to
  mask(
    m,
    /\b(?:move|moved|change|switch|push|bump|shift)\b[^.?!,]{0,40}?\bto (1[0-2]|[1-9])\b(?! ?(?:\d|st\b|nd\b|rd\b|th\b|minutes|mins|hours|days|weeks|people|persons|kids|dogs|cats|cars|bedrooms?|rooms?|units?|floors?|o'clock|:))/g,
    (x) => add(x.index + x[0].length - x[1].length, Number(x[1]), 0),
  );
  // "at the 4" (Spanish "a las cuatro"): the hour, read inside a working day
  mask(
    m,
    /\bat the (1[0-2]|[1-9])(?=\s*(?:$|[,.;!?]|(?:in the|and|or|then|please|tomorrow|today|tonight|on|if)\b))/g,
    (x) => add(x.index + x[0].length - x[1].length, Number(x[1]), 0),
  );
  // "11 on the Tuesday's fine", "3 tomorrow then": an hour opening a phrase, right before the day it is on
  mask(
    m,
    /(?<=(?:^|[,.;!?]|\b(?:yes|yeah|ok|okay|so|and|then|or|maybe|well|oh|right|just|say)\b)\s*)(1[0-2]|[1-9])(?= )/g,
    (x) => {
      const after = orig.slice(x.index + x[0].length);
      if (!new RegExp(`^ (?:on )?(?:the )?(?:${WD}|tomorrow|today|tonight)\\b`).test(after)) return false;
      add(x.index, Number(x[1]), 0);
    },
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
  // "11 then", "4 works", "3 is fine", "10 if possible": an hour confirmed by what follows it
  mask(
    m,
    /(?:^|[ ,])(1[0-2]|[1-9])(?=[ ,]+(?:then|instead|works|would work|would be (?:better|great|good|best|ideal|perfect)|is (?:fine|good|better|perfect|great|grand|lovely|ideal|ok|okay)|please|sounds good|if (?:possible|poss|you can|you could|you have (?:it|one)|you've got (?:it|one)|(?:that's|it's|that is|it is) (?:free|open|available|possible|ok|okay))|ideally|preferably|for preference)\b|'s (?:fine|good|better|perfect|great|grand|lovely|ideal|ok|okay|brilliant|spot on)\b)/g,
    (x) => add(x.index + x[0].length - x[1].length, Number(x[1]), 0),
  );
  if (!hits.some((h) => !h.negated)) {
    // a short answer that is just an hour ("4, not 3"): every lone hour, the negated ones excluded later
    const words = m.s.trim().split(/\s+/).filter(Boolean);
    // only an hour standing alone or after a word that introduces one: "level 2 charger" is no time
    const lone =
      /(?:^|,|\b(?:not|no|or|and|maybe|ok|okay|yes|yeah|sure|say|then|um|uh|so|meant|you have|have you got)|(?<!(?:\b(?:i|we|you|they|would|do|don't|did|looks|sounds|seems|feels)|'d) )\blike)[ ,]*(1[0-2]|[1-9])(?=[ ,.!?]|$)(?![ ,]*(?:minutes|mins|hours|days|weeks|people|dollars|bucks))/g;
    if (words.length <= 6)
      for (let x = lone.exec(m.s); x; x = lone.exec(m.s)) add(x.index + x[0].length - x[1].length, Number(x[1]), 0);
    // "the 7", "the 7, please": an offer named by its hour ("the 2 dogs" counts something)
    const named = /\bthe (1[0-2]|[1-9])(?=\s*(?:[,.!?]|$|please\b))/g;
    if (words.length <= 6 && !hits.length)
      for (let x = named.exec(m.s); x; x = named.exec(m.s)) add(x.index + 4, Number(x[1]), 0);
  }
  // "around 12:45, on my lunch break": the clock time said decides
  const exact = hits.some((h) => h.value.kind === 'at' && !h.value.loose && !h.negated);
  return exact ? hits.filter((h) => !(h.value.loose && h.value.kind === 'at')) : hits;
}

/**
 * The day's last opening: "end of the day", "close of business", "last thing", "your last one", "the latest
 * you've got", "as late as possible", "just before you close". Not the idiom "at the end of the day, I just
 * need it fixed", "the last thing I need", "one last thing, do you…", "the last time you did it", nor "the last one" alone (a pick
 * among the offers, read by pickOption).
 */
const LATEST = new RegExp(
  [
    String.raw`(?<!\b(?:what|when)(?:'s| is| time is| time's)(?: the| your)? )\b(?:end|close) of (?:the )?(?:day|business)\b(?!,? (?:i|i'm|we|we're|you|it|it's|that|that's|what|all|they|he|she|this|there|honestly|really)\b)`,
    String.raw`\b(?:eod|cob)\b`,
    String.raw`(?<!\b(?:the|my|your|one|1|a|another) )\blast thing(?=\s*(?:$|[?.!]|(?:on|in|that|this|tomorrow|today|tonight|of|at|please|if|possible|${WD})\b))`,
    String.raw`\bthe (?:last|latest) thing (?:you|in the day|of the day|on|that day)\b`,
    String.raw`\byour (?:very )?(?:last|latest)\b(?! (?:visit|email|message|letter|call|bill|invoice|text|time (?:i|we)))`,
    String.raw`\b(?:last|latest)(?: (?:one|appointment|slot|time|opening|booking|spot))? (?:you(?:'ve| have| got| do| take)|available|possible|of the day|in the day|that day|going)\b`,
    String.raw`\bthe latest (?:i|we|he|she|they|you) (?:could|can|might|would be able to) (?:come|get|book|be seen|make it|pop|drop|stop)\b`,
    String.raw`\bas late as (?:possible|you (?:can|go|have|do|are|take))|\bas late in the day\b|\blate as (?:possible|you can)\b`,
    String.raw`\b(?:just|right) before (?:you|ye|y'all|they) close\b|\b(?:at|around|near|about|by|before|for|till|until) closing(?: time)?\b`,
  ].join('|'),
);

/** True when the caller asks for the day's last opening (see LATEST). */
export function saysLatest(s: string): boolean {
  return LATEST.test(s);
}

/** Minutes said without an hour: the minute of the hour being talked about, `to` when counted back to it. */
export interface MinutesOnly {
  minute: number;
  to?: boolean;
}

/** What may follow minutes said alone: the end of the phrase or a word accepting them ("quarter past's fine"). */
const MINUTES_END = String.raw`(?=\s*(?:$|[,.;!?]|'s\b|is\b|works|would|will|sounds|please|then|one\b|slot|for me|ok|okay|that\b|yeah|yes|thanks|cheers|ta\b))`;

/**
 * "quarter past's fine", "half past", "twenty to", "quarter after", "the half", "on the hour", said at a
 * pick with no hour: the minutes of the hour under discussion (the dialog knows which). A number after them
 * ("quarter past 4", "10 to 15 minutes") or a thing counted ("a quarter of the price") is no such answer.
 */
export function findMinutesOnly(s: string): MinutesOnly | undefined {
  const x = new RegExp(
    String.raw`\b(?:(5|10|20|25)(?: minutes)?|(?:a )?(quarter)|(half)) (past|after|to|till|of)(?: the hour)?${MINUTES_END}|\bthe (half)(?: past)?${MINUTES_END}|\bon the (hour)${MINUTES_END}`,
  ).exec(s);
  if (!x) return undefined;
  if (x[6]) return { minute: 0 };
  if (x[3] || x[5]) return x[4] && !/past|after/.test(x[4]) ? undefined : { minute: 30 };
  const n = x[2] ? 15 : Number(x[1]);
  return /past|after/.test(x[4]) ? { minute: n } : { minute: 60 - n, to: true };
}

/** Things of the caller's own that happen at a time: "an interview at 11", "my train's at 9". */
const OWN_THING = String.raw`(?:job )?interview|meeting|call|train|flight|plane|bus|ferry|boat|class|lecture|exam|test|shift|match|game|training|practice|rehearsal|school run|pick-?up|drop-?off|lunch date|dinner|(?:doctor'?s?|dentist'?s?|hospital|gp|vet'?s?|medical|clinic|school|other) appointment`;
/** A clock time as it reads once numbers are digits: "11", "9:15", "half 5", "4pm", "9 in the morning". */
const CLOCK_SAID = String.raw`(?:half (?:past )?\d{1,2}|(?:a )?quarter (?:past|to) \d{1,2}|\d{1,2}(?::[0-5]\d)?(?: ?[ap]\.? ?m\b\.?| o'?clock| in the (?:morning|afternoon|evening)| tonight)?|noon|midday)(?![\d:/])`;
/** What is said before such a time. */
const BACKGROUND_TIME = new RegExp(
  [
    // "I've an interview at 11", "we have a meeting at 3", "she's got training at 6"
    // …and "my daughter has a soccer game at 3", "the kids have swimming practice at 4"
    String.raw`\b(?:i|we|he|she|they|(?:my|our|his|her|their|the) [a-z']+)(?:'ve| have| has|'s)(?: got)? (?:an? |my |our |his |her |their |the |this )?(?:[a-z']+ ){0,2}?(?:${OWN_THING})s? (?:at|around|about|from|till|until) `,
    // "my train's at 9", "his flight leaves at 6", "the school run is at 8:30"
    String.raw`\b(?:my|our|his|her|their|the) (?:[a-z']+ )?(?:${OWN_THING})(?:'s| is| leaves| goes| departs| starts| begins| lands| gets in)(?: at| around| about)? `,
  ].join('|'),
  'g',
);
/** "I finish work at 5", "she gets out of school at 3": free after the time said. */
const FREE_AFTER = new RegExp(
  String.raw`\b(?:i|we|he|she|they) (?:finish|finishes|get off|gets off|knock off|knocks off|clock off|clocks off|get out|gets out|leave|leaves|am done|'m done|'s done|is done)(?: (?:work|school|the office|uni|college|of (?:work|school)))? (?:at|around|about) |\b(?:school|work|class|classes|uni|college|daycare|nursery|kindy|kindergarten|preschool|practice|training|my shift|his shift|her shift)(?: here)? (?:finishes|ends|gets out|lets out|is over|is done|wraps up|finishes up)(?: at| around| about)? `,
  'g',
);

/** "I start at 10 on Mondays", "I have to be back for pick up at 3": taken from the time said, so free before it. */
const BUSY_FROM = new RegExp(
  String.raw`\b(?:i|we|he|she|they) (?:start|starts|begin|begins|(?:have|need|got) to be (?:at work|in work|in|there|back|home)|must be (?:at work|back|home))(?: (?:work|school|the office|uni|college))?(?: for (?:the )?[a-z-]+(?: [a-z-]+)?)? (?:at|by|around|about) `,
  'g',
);

/**
 * Times the caller tells as their own background, not as the time they want: "anything at 9 in the morning?
 * I've an interview at 11", "my train's at 9", "I finish work at 5". They are blanked in `m`; what they
 * say of the wish is returned: free after the end of work ("I finish at 5" → after 17:00), before or after
 * an event said with "before that" / "after that" ("I've a meeting at 3, anything before that?").
 */
export function maskBackgroundTimes(m: { s: string }, orig: string): Array<Hit<TimeValue>> {
  const out: Array<Hit<TimeValue>> = [];
  const read = (re: RegExp, kind: (rest: string) => 'after' | 'before' | undefined) =>
    mask(m, new RegExp(`(?:${re.source})(${CLOCK_SAID})`, 'g'), (x) => {
      const at = x.index + x[0].length - x[1].length;
      const said = kind(orig.slice(at + x[1].length));
      const bound = said && findTimes({ s: ` ${said} ${x[1]} ` }, undefined, ` ${said} ${x[1]} `)[0];
      if (bound) out.push({ at, value: { ...bound.value, kind: said } });
    });
  read(FREE_AFTER, () => 'after');
  read(BUSY_FROM, () => 'before');
  read(BACKGROUND_TIME, (rest) =>
    /^[^.;!?]*?\b(?:before|earlier than|ahead of) (?:that|then|it)\b/.test(rest)
      ? 'before'
      : /^[^.;!?]*?\b(?:after|later than) (?:that|then|it)\b/.test(rest)
        ? 'after'
        : undefined,
  );
  return out;
}
