/** Street addresses ("123 Main Street, Apt 4, Springfield"). */
import { titleCase } from './text.js';

// with the street types of Britain, Ireland, Australia and New Zealand ("12 Abbey Close", "14 The Kingsway")
const SUFFIX =
  'street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|crescent|alley|' +
  'close|grove|mews|parade|esplanade|promenade|quay|gardens|broadway|kingsway';
/** Words that go on after a street, never a town said without a comma ("23 allen street please", "…street and hurry"). */
const NOT_TOWN =
  'please|thanks|thank|cheers|ta|mate|now|today|tonight|tomorrow|asap|urgently|quickly|quick|soon|sorry|ok|okay|' +
  'yes|yeah|yep|no|there|here|then|too|though|right|love|straight|away|again|instead|anyway|only|just|is|was|' +
  "it|it's|that|this|one|and|or|but|i|i'm|my|we|we're|you|the|a|an|in|on|at|for|to|of|by|so|with|from|near|off|" +
  'come|hurry|help|fine|good|great';
/** A town after the street without a comma, closing what was said: "…, 23 allen street leichhardt". */
const BARE_TOWN = `\\s+(?!(?:${NOT_TOWN})\\b)[a-z][a-z'-]+(?:\\s+(?!(?:${NOT_TOWN})\\b)[a-z][a-z'-]+){0,2}(?=\\s*(?:[,.!?]|$))`;
const ADDRESS = new RegExp(
  `\\b(?<!:)(\\d{1,6}[a-z]?)\\s+(?!(?:at|on|in|for|and|or|to|pm|am|a\\.?m|p\\.?m)\\b)((?:(?:north|south|east|west|n|s|e|w)\\.?\\s+)?(?:[a-z0-9'.-]+\\s+){0,3}?(?:${SUFFIX})(?:\\s+(?:north|south|east|west|northeast|northwest|southeast|southwest|ne|nw|se|sw))?)\\b\\.?` +
    `((?:,?\\s*(?:apt|apartment|unit|suite|ste|#)\\.?\\s*[a-z0-9-]+)?)` +
    // the town after a comma or "in": "1187 fernwood drive in hilliard"
    `((?:(?:,\\s*|\\s+in\\s+)(?!(?:the|a|an|my|our|about|around|front|back|between)\\b)[a-z][a-z .'-]{1,30}?|${BARE_TOWN})?)(?=$|[,.!?]|\\s+(?:and|i|my|it|please|the|is|in|tomorrow|today|tonight|on|at|this|next|for|to|we|you|can|could|around|by|so|but|over|from|with|near|off|which|that|where|who|since|because|if|when|then)\\b)`,
);

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
  const street = letter ? `${m[1]}${letter[1].toUpperCase()} ${name}` : `${m[1]} ${name}`;
  const unit = m[3] ? `, ${titleCase(m[3].replace(/^,?\s*/, ''))}` : '';
  const city = m[4] ? `, ${titleCase(m[4].replace(/^(?:,\s*|\s+in\s+|\s+)/, '').trim())}` : '';
  return { address: `${street}${unit}${city}`, start: m.index, end: m.index + m[0].length };
}
