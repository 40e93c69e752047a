/** Street addresses ("123 Main Street, Apt 4, Springfield"). */
import { titleCase } from './text.js';

const SUFFIX = 'street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|row|crescent|alley';
const ADDRESS = new RegExp(
  `\\b(?<!:)(\\d{1,6}[a-z]?)\\s+(?!(?:at|on|in|for|and|or|to|pm|am|a\\.?m|p\\.?m)\\b)((?:(?:north|south|east|west|n|s|e|w)\\.?\\s+)?(?:[a-z0-9'.-]+\\s+){0,3}?(?:${SUFFIX}))\\b\\.?` +
    `((?:,?\\s*(?:apt|apartment|unit|suite|ste|#)\\.?\\s*[a-z0-9-]+)?)` +
    `((?:,\\s*[a-z][a-z .'-]{1,30}?)?)(?=$|[,.!?]|\\s+(?:and|i|my|it|please|the|is|in|tomorrow|today|tonight|on|at|this|next|for|to|we|you|can|could|around|by|so|but)\\b)`,
);

/** Finds a street address in lower-cased text; undefined when none. */
export function findAddress(text: string): { address: string; start: number; end: number } | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  const street = `${m[1]} ${titleCase(m[2])}`;
  const unit = m[3] ? `, ${titleCase(m[3].replace(/^,?\s*/, ''))}` : '';
  const city = m[4] ? `, ${titleCase(m[4].replace(/^,\s*/, '').trim())}` : '';
  return { address: `${street}${unit}${city}`, start: m.index, end: m.index + m[0].length };
}
