/**
 * Street addresses as said in any English-speaking country: "123 Main Street, Apt 4, Springfield", "Flat 2, 12 Elm
 * Close, Reading RG1 4QS", "Unit 3/45 George Street, Parramatta NSW 2150", "Apt 4B, 310 West 55th Street, New York,
 * NY 10019", "9 Main Street, Dublin D02 X285". What is said in the same stretch is kept — the unit before or after
 * the street, the town, the state or province and the postcode — and the address stops before what is no part of it
 * ("…, and my email is").
 */
import { ORDINALS, TENS, UNITS, titleCase } from './text.js';

// with the street types of Britain, Ireland, Australia and New Zealand ("12 Abbey Close", "14 The Kingsway")
const SUFFIX =
  'street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|crescent|alley|' +
  'close|grove|mews|parade|esplanade|promenade|quay|gardens|broadway|kingsway';
/** A street type that may follow another, which is then part of the name ("12 Court Street", "4 Grove Road"). */
const SECOND_SUFFIX = 'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|close|crescent|terrace|place|court';
/** Street types that are a whole street's name after the number ("1 Broadway", "5 Esplanade"). */
const LONE_NAME = '(?:broadway|kingsway|esplanade|promenade|parade)';
/** Words that never make a street's name ("2 dogs in the court yard" is no address). */
const NOT_STREET = "in|on|at|for|and|or|to|is|was|my|your|our|i|i'm|it|it's|we|you|with|from|of";
/** Words that go on after a street, never a town ("23 allen street please", "…, next week", "…street and hurry"). */
const NOT_TOWN =
  'please|thanks|thank|cheers|ta|mate|now|today|tonight|tomorrow|asap|urgently|quickly|quick|soon|sorry|ok|okay|' +
  'yes|yeah|yep|no|there|here|then|too|though|right|love|straight|away|again|instead|anyway|only|just|is|was|' +
  "it|it's|that|this|one|and|or|but|i|i'm|my|we|we're|you|the|a|an|in|on|at|for|to|of|by|so|with|from|near|off|" +
  'come|hurry|help|fine|good|great|our|your|about|around|front|back|between|next|last|week|weekend|morning|' +
  'afternoon|evening|night|am|pm|if|when|because|as|since|which|where|who|can|could|would|will|should|do|does|' +
  'did|have|has|had|need|want|get|got|call|ring|text|email|e-mail|phone|number|mobile|cell|address|' +
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|' +
  'september|october|november|december';
/** What a flat, unit or suite is called, before or after the street ("Apt 4B", "Flat 2", "Unit 3/45", "Level 3"). */
const UNIT =
  "(?:(?:apartment|apt|unit|suite|ste|flat|level|building|bldg)\\.?\\s*#?\\s*|#\\s*)(?:[a-z]?\\d[a-z0-9-]*|[a-z])(?![a-z0-9'])";
/** Postcodes: US ZIP, British, Canadian, Irish Eircode (and a Dublin district), Australian and New Zealand. */
const POSTCODE =
  '(?:\\d{5}(?:-\\d{4})?|[a-z]{1,2}\\d[a-z\\d]?\\s?\\d[a-z]{2}|[a-z]\\d[a-z]\\s?\\d[a-z]\\d|' +
  '(?:[a-z]\\d{2}|d6w)\\s?(?=[a-z]{0,3}\\d)[a-z\\d]{4}|\\d{4})(?![a-z0-9])';
/** US states, Canadian provinces and territories, Australian states, as abbreviated after a town. */
const STATES = new Set(
  (
    'al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok ' +
    'or pa ri sc sd tn tx ut vt va wa wv wi wy ab bc mb nb nl ns nt nu on pe qc sk yt nsw vic qld tas act'
  ).split(' '),
);
/** Abbreviations that are also everyday words: a state only with a postcode after it ("Portland OR 97201"). */
const WORD_STATES = new Set(['in', 'or', 'me', 'ok', 'hi', 'oh', 'on', 'id', 'act']);
const STATE = `(?:${[...STATES].join('|')})`;
const PLAIN_STATE = `(?:${[...STATES].filter((s) => !WORD_STATES.has(s)).join('|')})`;
const TOWN_WORD = `(?!(?:${NOT_TOWN})\\b)[a-z][a-z.'-]*`;
// a Dublin postal district is part of the town ("Dublin 8", "Dublin 6W")
const TOWN = `${TOWN_WORD}(?:\\s+${TOWN_WORD}){0,3}(?:(?<=dublin)\\s+\\d{1,2}w?(?![a-z0-9]))?`;
/** The end of a stretch: the end of the turn, a stop or what starts something else ("…, Raleigh. You can reach me"). */
const CLOSES = '(?=\\s*(?:[,.!?;]|$))';
/** One part said after the street: a unit, a town (after a comma or "in"), a state, a postcode. */
const PART = [
  `,?\\s*${UNIT}`,
  `(?:,\\s*|\\s+in\\s+)${TOWN}`,
  `,?\\s+${STATE}(?=,?\\s*${POSTCODE})`,
  `,\\s*${PLAIN_STATE}${CLOSES}`,
  `(?:,\\s*|\\s+)${POSTCODE}`,
].join('|');
/**
 * A town said right after the street (or its unit) without a comma ("23 allen street leichhardt"), only where the
 * stretch ends or a postcode follows: "12 main st 3000 square feet" has none.
 */
const BARE_TOWN = `\\s+${TOWN}(?=(?:,?\\s+${STATE})?,?\\s+${POSTCODE}|${CLOSES})`;
const ADDRESS = new RegExp(
  `\\b(?<!:)(\\d{1,6}[a-z]?)\\s+(?!(?:at|on|in|for|and|or|to|pm|am|a\\.?m|p\\.?m)\\b)((?:(?:north|south|east|west|n|s|e|w)\\.?\\s+)?(?:(?:(?!(?:${NOT_STREET})\\b)[a-z0-9'.-]+\\s+){1,3}?(?:${SUFFIX})|${LONE_NAME})(?:\\s+(?:${SECOND_SUFFIX})(?![a-z]))?(?:\\s+(?:north|south|east|west|northeast|northwest|southeast|southwest|ne|nw|se|sw))?)\\b\\.?` +
    `((?:,?\\s*${UNIT})?(?:${BARE_TOWN})?(?:${PART}){0,6})` +
    `(?=$|[,.!?;]|\\s+(?:and|i|my|it|please|thanks|thank|cheers|ok|okay|yeah|yes|sorry|the|is|in|tomorrow|today|tonight|on|at|this|next|for|to|we|you|can|could|around|by|so|but|over|from|with|near|off|which|that|where|who|since|because|if|when|then)\\b)`,
);
/** A unit said just before the street ("Apartment 5, 22 Harbour Road", "unit 3/45 George Street", "3/45 …"). */
const UNIT_BEFORE = new RegExp(`(?:^|[\\s,(])(?:(${UNIT})|(\\d{1,5}[a-z]?)(?=\\s*/))\\s*(,|/|\\s)?\\s*$`, 'd');

/**
 * A Spanish street address, the street type first and the number after the name ("calle mayor 12,
 * apartamento 3", "la avenida juárez número 45", "avenida insurgentes sur 1602, departamento 4b,
 * ciudad de méxico"); "123 Main Street" said in a Spanish sentence is the English form above.
 */
const L = "a-záéíóúüñ'.";
const ADDRESS_ES = new RegExp(
  `(?<![${L}])(calle|avenida|av\\.|avda\\.?|paseo|camino|carretera|plaza|bulevar|boulevard|calzada|privada|callej[oó]n|ronda|traves[ií]a)\\s+` +
    `((?:(?:de la|de los|de las|del|de)\\s+)?[${L}-]+(?:\\s+(?!n[uú]mero\\b|no\\b)[${L}-]+){0,3}?)\\s*,?\\s*(?:n[uú]mero|n[oº°]\\.?|#)?\\s*(\\d{1,6}[a-z]?)\\b` +
    `((?:,?\\s*(?:apartamento|apto\\.?|departamento|depto\\.?|piso|interior|int\\.?|puerta|local|casa)\\s*(?:n[uú]mero\\s*)?[a-z0-9º°-]+)*)` +
    `((?:,\\s*[${L}][${L} -]{1,30}?)?)(?=$|[,.!?]|\\s+(?:y|mi|me|es|por|para|el|la|ma[ñn]ana|hoy|a|en|que|pero|gracias)\\b)`,
);
const capitalize = (s: string) =>
  s
    .replace(/(^|[\s-])([a-záéíóúüñ])/g, (_m, b: string, c: string) => b + c.toUpperCase())
    .replace(/\b(De|Del|La|Los|Las)\b(?!$)/g, (w) => w.toLowerCase());

/** Finds a Spanish-form street address ("Calle Mayor 12, Apartamento 3"); undefined when none. */
function findAddressEs(text: string): { address: string; start: number; end: number } | undefined {
  const m = ADDRESS_ES.exec(text);
  if (!m) return undefined;
  const type = m[1].startsWith('av') && m[1] !== 'avenida' ? 'avenida' : m[1];
  const street = `${capitalize(type)} ${capitalize(m[2].trim())} ${m[3].toUpperCase()}`;
  const units = (m[4] ?? '')
    .split(/,/)
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => capitalize(u.replace(/\s*n[uú]mero\s*/, ' ')));
  // a city (not the "por favor" that closes the sentence), small words in lower case: "Ciudad de Mexico"
  const cityText = m[5] ? m[5].replace(/^,\s*/, '').trim() : '';
  const city =
    cityText && !/^(?:por favor|gracias)$/.test(cityText)
      ? titleCase(cityText).replace(/(?<=\s)(De|Del|La|Las|Los)\b/g, (w) => w.toLowerCase())
      : '';
  return {
    address: [street, ...units, ...(city ? [city] : [])].join(', '),
    start: m.index,
    end: m.index + m[0].length,
  };
}

/**
 * Finds a street address in lower-cased text (the English form, or the Spanish one); undefined when none. A house
 * number said in words, as a speech recogniser writes it ("eighteen forty east osborn road", "twenty two oh five",
 * "forty second street"), is read in digits; `start` and `end` are always places in `text` as given.
 */
export function findAddress(text: string): { address: string; start: number; end: number } | undefined {
  const said = inDigits(text);
  const m = streetIn(said);
  if (!m) return findAddressEs(text);
  const found = writtenAddress(said.text, m);
  return { address: found.address, start: said.from[found.start], end: said.to[found.end - 1] };
}

/**
 * The text with its numbers said in words written in digits, as an address reads them ("forty two oak" → "42 oak",
 * "unit number twelve" → "unit 12"): for an answer to "what's the address?" that names no street type.
 */
export function addressInDigits(text: string): string {
  return inDigits(text).text;
}

/**
 * The first street that reads as one: a name before its type ("10 minutes down the road", "a 2 way radio" are
 * none), and a number said in words that is no count of things ("a one way street", "the two lane road").
 */
function streetIn(said: Spoken): RegExpExecArray | undefined {
  const re = new RegExp(ADDRESS.source, 'g');
  for (let m = re.exec(said.text); m; m = re.exec(said.text)) {
    const words = m[2].replace(DIRECTION_FIRST, '').split(/\s+/);
    const spoken = said.spoken.has(m.index);
    const [first, ...others] = words.slice(0, -1);
    const named =
      !first ||
      (!NOT_FIRST_NAME.test(first) &&
        (first === 'the' || !NOT_NAME.test(first)) &&
        !others.some((w) => NOT_NAME.test(w)));
    const counted = spoken && DETERMINER_BEFORE.test(said.text.slice(0, m.index));
    if (named && !counted) return m;
    re.lastIndex = m.index + 1;
  }
  return undefined;
}

const DIRECTION_FIRST = /^(?:north|south|east|west|n|s|e|w)\.?\s+(?=\S+\s)/;
/** What is counted or measured after a number, never a street's first word ("2 doors down the road"). */
const NOT_FIRST_NAME =
  /^(?:minutes?|mins?|hours?|hrs?|days|weeks|months|years|blocks|miles|kms?|kilomet(?:er|re)s?|meters?|metres?|feet|ft|yards|doors?|houses|streets|roads|bedrooms?|beds|bathrooms?|baths|stor(?:y|ey|ies|eys)|floors|cars?|dollars?|bucks|cents|pounds|euros|people|kids|children|guys|more|less|of|or|so|extra)$/;
/** Words that never stand inside a street's name ("5 minutes up the road"); "The" only opens one ("14 The Kingsway"). */
const NOT_NAME = /^(?:down|up|along|across|past|over|off|near|by|behind|around|away|just|the|a|an)$/;
/** A number said after "a", "the", "my"… counts something ("a one way street", "the two lane road"). */
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|my|our|your|his|her|their|its|every|each)\s+$/;

/** Writes the street found, with a unit said before it; places are in the text searched. */
function writtenAddress(text: string, m: RegExpExecArray): { address: string; start: number; end: number } {
  // "42 b oak lane" is 42B (a lone n, s, e or w is a direction)
  const letter = /^([a-df-mo-rt-vx-z]) (?=\S)/.exec(m[2]);
  // "Auburn Bay Boulevard SE", "SW Alaska St": a two-letter direction is written in capitals
  const name = titleCase(letter ? m[2].slice(2) : m[2]).replace(/^(Ne|Nw|Se|Sw)(?= )|\b(Ne|Nw|Se|Sw)$/, (d) =>
    d.toUpperCase(),
  );
  const street = `${(letter ? m[1] + letter[1] : m[1]).toUpperCase()} ${name}`;
  const before = UNIT_BEFORE.exec(text.slice(0, m.index));
  const unit = before ? written(before[1] ?? before[2]) + (before[3] === '/' ? '/' : ', ') : '';
  const start = before?.indices ? (before.indices[1] ?? before.indices[2])![0] : m.index;
  const parts = tailParts(m[3]).map((p, i) => written(p, i > 0));
  return { address: [unit + street, ...parts].join(', '), start, end: m.index + m[0].length };
}

/** What was said after the street, one part each: "…, Flat 2, Reading RG1 4QS" → ["flat 2", "reading rg1 4qs"]. */
function tailParts(tail: string): string[] {
  return tail
    .replace(/^\s+in\s+/, ',')
    .replace(new RegExp(UNIT, 'g'), ',$&,')
    .split(',')
    .map((p) => p.trim().replace(/\.$/, ''))
    .filter(Boolean);
}

/**
 * One part of an address as written: words in title case; a postcode, a unit's number and letter and a state's
 * abbreviation in capitals ("RG1 4QS", "M5V 2T6", "D02 X285", "12B", "NSW 2150", "NY"), never lower-cased;
 * ordinals stay as they are ("55th").
 */
function written(part: string, afterTown = false): string {
  const spaced = part
    .replace(/\b([a-z]{1,2}\d[a-z\d]?)\s?(\d[a-z]{2})$/, '$1 $2')
    .replace(/\b([a-z]\d[a-z])\s?(\d[a-z]\d)$/, '$1 $2')
    .replace(/\b([a-z]\d{2}|d6w)\s?([a-z\d]{4})$/, '$1 $2');
  const words = spaced.split(/\s+/);
  return words
    .map((w, i) => {
      if (/\d/.test(w) && !/^\d+(?:st|nd|rd|th)$/.test(w)) return w.toUpperCase();
      const last = i === words.length - 1;
      if (STATES.has(w) && (/\d/.test(words[i + 1] ?? '') || (last && (i > 0 || afterTown)))) return w.toUpperCase();
      return titleCase(w);
    })
    .join(' ');
}

/** Text with the numbers said in words written in digits, and where each of its characters was in the text said. */
interface Spoken {
  text: string;
  /** For each character, where the words it stands for start in the text said. */
  from: number[];
  /** For each character, where the words it stands for end in the text said. */
  to: number[];
  /** Where in `text` a number said in words starts. */
  spoken: Set<number>;
}

const UNIT_WORD = /^(?:apartment|apt|unit|suite|ste|flat|level|building|bldg)$/;
const ORDINAL_UNITS: Record<string, number> = Object.fromEntries(Object.entries(ORDINALS).filter(([, n]) => n < 10));
const ORDINAL_WORDS: Record<string, number> = {
  ...ORDINALS,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};
const STREET_TYPE = new RegExp(`^(?:${SUFFIX})$`);
/** A word that can open a number said in words ("oh" and "hundred" only go on one). */
const opensNumber = (w: string | undefined) => w !== undefined && w !== 'oh' && (w in UNITS || w in TENS);

/**
 * Numbers said in words, as digits: a house number as it is said ("eighteen forty" 1840, "twenty two oh five" 2205,
 * "one twenty three" 123, "forty two hundred" 4200, "four thousand five hundred" 4500), a postcode said digit by
 * digit ("eight five oh one six"), an ordinal that names a street ("forty second street" 42nd Street), a unit's
 * letter joined to its number ("apartment four b" 4b, "unit number twelve" unit 12).
 */
function inDigits(text: string): Spoken {
  const out: Spoken = { text: '', from: [], to: [], spoken: new Set() };
  const found = [...text.matchAll(/[a-z0-9']+/g)];
  const w = found.map((x) => x[0]);
  const at = (j: number) => found[j].index;
  const end = (j: number) => found[j].index + w[j].length;
  const joined = (j: number) => j > 0 && j < w.length && /^[\s-]*$/.test(text.slice(end(j - 1), at(j)));
  const unitBefore = (j: number) =>
    UNIT_WORD.test(w[j - 1] ?? '') || (w[j - 1] === 'number' && UNIT_WORD.test(w[j - 2] ?? ''));
  let done = 0;
  /** Writes `s` for text[from, to), after the text as said up to `from`. */
  const put = (s: string, from: number, to: number) => {
    for (let k = done; k < from; k++) {
      out.from.push(k);
      out.to.push(k + 1);
    }
    out.text += text.slice(done, from);
    for (let k = 0; k < s.length; k++) {
      out.from.push(from);
      out.to.push(to);
    }
    out.text += s;
    done = to;
  };
  for (let i = 0; i < w.length; i++) {
    // "unit number twelve" is unit 12
    if (w[i] === 'number' && UNIT_WORD.test(w[i - 1] ?? '') && joined(i + 1) && /^\d|^[a-z]+$/.test(w[i + 1])) {
      if (/^\d/.test(w[i + 1]) || opensNumber(w[i + 1])) put('', at(i), at(i + 1));
      continue;
    }
    let n = i - 1;
    if (opensNumber(w[i])) for (n = i; joined(n + 1) && numberGoesOn(w, n + 1);) n++;
    // "tomorrow at ten thirty twenty two oh five west elm street": the time said first is no part of the number
    if (n > i && timeBefore(text.slice(0, at(i)))) i += timeWords(w, i, n);
    const ordinal = streetOrdinal(w, i, n, joined);
    if (ordinal) n = ordinal.start - 1;
    const digits = n >= i ? numberOf(w.slice(i, n + 1)) : /^\d+$/.test(w[i]) ? w[(n = i)] : '';
    // "apartment four b", "unit 2 c": the unit's letter, said last ("suite 4 a few doors down" has none)
    const letter = digits && unitBefore(i) && joined(n + 1) && /^[a-hj-z]$/.test(w[n + 1] ?? '');
    const last = letter && /^\s*(?:[,.!?;]|$)/.test(text.slice(end(n + 1))) ? n + 1 : n;
    if (n >= i && (last > n || digits !== w[i])) {
      if (digits !== w[i]) out.spoken.add(out.text.length + at(i) - done);
      put(digits + (last > n ? w[last] : ''), at(i), end(last));
    }
    if (ordinal) put(ordinal.written, at(ordinal.start), end(ordinal.end));
    i = Math.max(i, ordinal?.end ?? last);
  }
  put('', text.length, text.length);
  return out;
}

/** "At" or "around" said for a time, not for a place ("we're at", "I'm at", "it's at"). */
const timeBefore = (before: string) =>
  /\b(?:at|around|about|by|after|before)\s+$/.test(before) &&
  !/\b(?:we're|we are|i'm|i am|it's|it is|they're|he's|she's|located|live|living|based|staying|is|are)\s+at\s+$/.test(
    before,
  );

/**
 * How many of the words said from w[i] to w[n] are a time and not the house number after it: an hour and its
 * minutes ("ten thirty", "nine oh five", "eleven fifteen") with a number said after them; 0 when none.
 */
function timeWords(w: string[], i: number, n: number): number {
  if (!(UNITS[w[i]] >= 1 && UNITS[w[i]] <= 12)) return 0;
  const m = w[i + 1];
  let minutes = 0;
  if (m === 'oh' && UNITS[w[i + 2]] >= 1 && UNITS[w[i + 2]] <= 9) minutes = 2;
  else if (TENS[m] <= 50) minutes = UNITS[w[i + 2]] >= 1 && UNITS[w[i + 2]] <= 9 ? 2 : 1;
  else if (UNITS[m] >= 10) minutes = 1;
  const after = i + 1 + minutes;
  return minutes && after <= n && opensNumber(w[after]) ? 1 + minutes : 0;
}

/** Whether w[j] goes on the number said before it ("oh", "and", "hundred" only inside one). */
function numberGoesOn(w: string[], j: number): boolean {
  if (w[j] === 'and') return /^(?:hundred|thousand)$/.test(w[j - 1]) && opensNumber(w[j + 1]);
  if (w[j] === 'hundred' || w[j] === 'thousand') return w[j - 1] in UNITS || w[j - 1] in TENS;
  return w[j] in UNITS || w[j] in TENS;
}

/** An ordinal said before a street type ("first avenue", "forty second street"), after the number ending at w[n]. */
function streetOrdinal(
  w: string[],
  i: number,
  n: number,
  joined: (j: number) => boolean,
): { start: number; end: number; written: string } | undefined {
  const o = n + 1;
  if (!(w[o] in ORDINAL_WORDS) || !STREET_TYPE.test(w[o + 1] ?? '') || !joined(o + 1)) return undefined;
  if (n >= i && !joined(o)) return undefined;
  const tens = n >= i && w[n] in TENS && w[o] in ORDINAL_UNITS;
  const value = (tens ? TENS[w[n]] : 0) + ORDINAL_WORDS[w[o]];
  const th = value % 100 >= 11 && value % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return { start: tens ? n : o, end: o, written: `${value}${th}` };
}

/** A number under 100 said at w[j] ("twenty two", "forty", "seventeen", "five"): its value and how many words. */
function small(w: string[], j: number): [number, number] | undefined {
  if (w[j] in TENS)
    return UNITS[w[j + 1]] > 0 && UNITS[w[j + 1]] < 10 ? [TENS[w[j]] + UNITS[w[j + 1]], 2] : [TENS[w[j]], 1];
  return opensNumber(w[j]) ? [UNITS[w[j]], 1] : undefined;
}

/**
 * The digits of a number said in words: groups said one after the other are written one after the other
 * ("eighteen forty" 1840, "one oh one" 101, "eight five oh one six" 85016); "hundred" and "thousand" multiply
 * ("twelve hundred" 1200, "one hundred and five" 105, "four thousand five hundred" 4500).
 */
function numberOf(w: string[]): string {
  let out = '';
  for (let i = 0; i < w.length;) {
    const said = small(w, i);
    if (!said) {
      out += w[i] === 'oh' ? '0' : '';
      i++;
      continue;
    }
    let value = said[0];
    i += said[1];
    const times = w[i] === 'thousand' ? 1000 : w[i] === 'hundred' ? 100 : 0;
    if (!times) {
      out += String(value);
      continue;
    }
    value *= times;
    i += w[i + 1] === 'and' ? 2 : 1;
    const hundreds = times === 1000 ? small(w, i) : undefined;
    if (hundreds && w[i + hundreds[1]] === 'hundred') {
      value += hundreds[0] * 100;
      i += hundreds[1] + (w[i + hundreds[1] + 1] === 'and' ? 2 : 1);
    }
    const rest = small(w, i);
    if (rest) [value, i] = [value + rest[0], i + rest[1]];
    out += String(value);
  }
  return out;
}
