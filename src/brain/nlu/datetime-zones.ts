/**
 * A time said in the caller's own zone: "3 o'clock my time, I'm in New York", "10am Perth time", "noon
 * Eastern". The zone comes from a name callers use (Eastern, Pacific, GMT, AEST) or a place in the IANA table
 * ("New York", "Perth", "Vancouver") or a few big cities it lists under another ("Boston", "Seattle", "Dallas");
 * the time is read in that zone and said back in the business's. "Your time" is the business's own.
 */
import { getAllTimezones } from 'countries-and-timezones';
import { DateTime } from 'luxon';

/** What callers call a zone, to its IANA name. */
const ZONE_WORDS: Record<string, string> = {
  eastern: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  'east coast': 'America/New_York',
  central: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  mountain: 'America/Denver',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  pacific: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  'west coast': 'America/Los_Angeles',
  atlantic: 'America/Halifax',
  newfoundland: 'America/St_Johns',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
  gmt: 'Europe/London',
  bst: 'Europe/London',
  uk: 'Europe/London',
  cet: 'Europe/Paris',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  awst: 'Australia/Perth',
  acst: 'Australia/Adelaide',
  queensland: 'Australia/Brisbane',
  'western australia': 'Australia/Perth',
  nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland',
  'new zealand': 'Pacific/Auckland',
  india: 'Asia/Kolkata',
  ist: 'Asia/Kolkata',
  // big cities the IANA table lists under another
  boston: 'America/New_York',
  miami: 'America/New_York',
  atlanta: 'America/New_York',
  philadelphia: 'America/New_York',
  'washington dc': 'America/New_York',
  dc: 'America/New_York',
  'new jersey': 'America/New_York',
  florida: 'America/New_York',
  dallas: 'America/Chicago',
  houston: 'America/Chicago',
  austin: 'America/Chicago',
  texas: 'America/Chicago',
  minneapolis: 'America/Chicago',
  seattle: 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  'san diego': 'America/Los_Angeles',
  california: 'America/Los_Angeles',
  portland: 'America/Los_Angeles',
  'las vegas': 'America/Los_Angeles',
  'salt lake city': 'America/Denver',
  colorado: 'America/Denver',
  montreal: 'America/Toronto',
  ottawa: 'America/Toronto',
  calgary: 'America/Edmonton',
  london: 'Europe/London',
};

/** Every IANA place ("new york", "perth", "vancouver") to its zone. */
const PLACES: Record<string, string> = Object.fromEntries(
  Object.keys(getAllTimezones())
    .filter((z) => z.includes('/') && !/^(?:Etc|US|Canada|SystemV|Antarctica)\//.test(z))
    .map((z) => [z.split('/').pop()!.replace(/_/g, ' ').toLowerCase(), z]),
);
/** IANA places that are also everyday words ("Christmas time", "Easter time", "wake time", "a reunion"). */
const NOT_PLACES = new Set(['christmas', 'easter', 'reunion', 'midway', 'wake', 'currie', 'swift current', 'stanley']);
const zoneOf = (w: string) => ZONE_WORDS[w] ?? (NOT_PLACES.has(w) ? undefined : PLACES[w]);

const PLACE = String.raw`([a-z]+(?: [a-z]+){0,2})`;
/** "my time", "Perth time", "Eastern", "I'm in New York". */
const MY_TIME = /\b(?:my|our) (?:local )?time\b|\bwhere i (?:am|live)\b/;
const NAMED_TIME = new RegExp(String.raw`\b${PLACE} (?:time|standard time|daylight time)\b`, 'g');
const I_AM_IN = new RegExp(
  String.raw`\b(?:i'm|i am|we're|we are|i live|we live|calling from|based) (?:in|from) ${PLACE}`,
  'g',
);

/** The caller's zone when they say their time is their own; undefined when not said, or it is the business's. */
export function callerZone(text: string, businessZone: string): string | undefined {
  const named = [...text.matchAll(NAMED_TIME)].map((x) => lastPlace(x[1])).find(Boolean);
  const mine = MY_TIME.test(text) ? [...text.matchAll(I_AM_IN)].map((x) => lastPlace(x[1])).find(Boolean) : undefined;
  const zone = named ?? mine;
  if (!zone || /\byour time\b/.test(text)) return undefined;
  return zone === businessZone ? undefined : zone;
}

/** The longest tail of the words that names a zone ("in new york" → New York, "10am perth" → Perth). */
function lastPlace(words: string): string | undefined {
  const w = words.split(' ');
  for (let i = 0; i < w.length; i++) {
    const zone = zoneOf(w.slice(i).join(' '));
    if (zone) return zone;
  }
  return undefined;
}

/** A local date and time in `from`, said in `to`'s date and time. */
export function inZone(date: string, time: string, from: string, to: string): { date: string; time: string } {
  const d = DateTime.fromISO(`${date}T${time}`, { zone: from }).setZone(to);
  return { date: d.toISODate()!, time: d.toFormat('HH:mm') };
}
