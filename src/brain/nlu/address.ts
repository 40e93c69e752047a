/**
 * Street addresses as said in any English-speaking country: "123 Main Street, Apt 4, Springfield", "Flat 2, 12 Elm
 * Close, Reading RG1 4QS", "Unit 3/45 George Street, Parramatta NSW 2150", "Apt 4B, 310 West 55th Street, New York,
 * NY 10019", "9 Main Street, Dublin D02 X285". What is said in the same stretch is kept — the unit before or after
 * the street, the town, the state or province and the postcode — and the address stops before what is no part of it
 * ("…, and my email is").
 */
import { titleCase } from './text.js';

// with the street types of Britain, Ireland, Australia and New Zealand ("12 Abbey Close", "14 The Kingsway")
const SUFFIX =
  'street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|crescent|alley|' +
  'close|grove|mews|parade|esplanade|promenade|quay|gardens|broadway|kingsway';
/** A street type that may follow another, which is then part of the name ("12 Court Street", "4 Grove Road"). */
const SECOND_SUFFIX = 'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|close|crescent|terrace|place|court';
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
  `\\b(?<!:)(\\d{1,6}[a-z]?)\\s+(?!(?:at|on|in|for|and|or|to|pm|am|a\\.?m|p\\.?m)\\b)((?:(?:north|south|east|west|n|s|e|w)\\.?\\s+)?(?:(?!(?:${NOT_STREET})\\b)[a-z0-9'.-]+\\s+){0,3}?(?:${SUFFIX})(?:\\s+(?:${SECOND_SUFFIX})(?![a-z]))?(?:\\s+(?:north|south|east|west|northeast|northwest|southeast|southwest|ne|nw|se|sw))?)\\b\\.?` +
    `((?:,?\\s*${UNIT})?(?:${BARE_TOWN})?(?:${PART}){0,6})` +
    `(?=$|[,.!?;]|\\s+(?:and|i|my|it|please|the|is|in|tomorrow|today|tonight|on|at|this|next|for|to|we|you|can|could|around|by|so|but|over|from|with|near|off|which|that|where|who|since|because|if|when|then)\\b)`,
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

/** Finds a street address in lower-cased text (the English form, or the Spanish one); undefined when none. */
export function findAddress(text: string): { address: string; start: number; end: number } | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return findAddressEs(text);
  // "42 b oak lane" is 42B (a lone n, s, e or w is a direction)
  const letter = /^([a-df-mo-rt-vx-z]) (?=\S)/.exec(m[2]);
  // "Auburn Bay Boulevard SE": a two-letter direction after the street is written in capitals
  const name = titleCase(letter ? m[2].slice(2) : m[2]).replace(/\b(Ne|Nw|Se|Sw)$/, (d) => d.toUpperCase());
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
