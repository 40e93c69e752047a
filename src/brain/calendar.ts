/** Opening hours, holidays and speaking dates and times aloud, in the business's time zone. */
import { DateTime } from 'luxon';
import type { BusinessProfile, WeekdayKey } from './types.js';

const KEYS: WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The weekday key of a local date ("2026-03-10" → "tue"). */
export function weekdayKey(date: string, tz: string): WeekdayKey {
  return KEYS[DateTime.fromISO(date, { zone: tz }).weekday - 1];
}

/** Why a local date has no opening hours, or undefined when the business opens that day. */
export function closedReason(business: BusinessProfile, date: string): 'holiday' | 'closed' | undefined {
  if (business.holidays?.includes(date)) return 'holiday';
  const day = business.hours[weekdayKey(date, business.timezone)];
  return day && day.length ? undefined : 'closed';
}

/** Opening intervals of a local date (none on holidays and closed days). */
export function hoursOn(business: BusinessProfile, date: string): Array<[string, string]> {
  return closedReason(business, date) ? [] : (business.hours[weekdayKey(date, business.timezone)] ?? []);
}

/** Whether the business is open at an instant: the one definition in hours/ (overnight ranges and holidays as availability reads them). */
export { isOpenAt } from '../hours/index.js';

/** "15:45" → "3:45 PM", "09:00" → "9 AM", "12:00" → "noon". */
export function sayTime(hm: string): string {
  const [h, m] = hm.split(':').map(Number);
  if (h === 12 && m === 0) return 'noon';
  // "24:00" closes at the next midnight (hours/ allows it); it used to come out as "12 PM".
  if (h === 24) return 'midnight';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "2026-03-11" → "Wednesday, March 11". */
export function sayDate(date: string, tz: string): string {
  return DateTime.fromISO(date, { zone: tz }).toFormat('cccc, LLLL d');
}

/** An ISO instant → "Wednesday, March 11 at 3:45 PM" in the business zone. */
export function sayInstant(iso: string, tz: string): string {
  const d = DateTime.fromISO(iso, { zone: tz });
  return `${d.toFormat('cccc, LLLL d')} at ${sayTime(d.toFormat('HH:mm'))}`;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Minutes since midnight of a local "HH:mm". */
export const minutesOf = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
/** The local "HH:mm" of minutes since midnight. */
export const clockOf = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/**
 * Local date and time of an ISO instant in the business zone. Called for every slot of a search,
 * so it uses a cached Intl formatter (~1 µs) rather than a luxon parse (~15 µs).
 */
export function localParts(iso: string, tz: string): { date: string; time: string } {
  let f = FORMATS.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATS.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(iso))) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The week's opening hours as runs of consecutive days with equal hours (0 = Monday). */
export function hoursRuns(
  business: BusinessProfile,
): Array<{ from: number; to: number; spans: Array<[string, string]> }> {
  const runs: Array<{ from: number; to: number; spans: Array<[string, string]> }> = [];
  let i = 0;
  while (i < 7) {
    const spans = business.hours[KEYS[i]] ?? [];
    const sig = JSON.stringify(spans);
    let j = i;
    while (j + 1 < 7 && JSON.stringify(business.hours[KEYS[j + 1]] ?? []) === sig) j++;
    runs.push({ from: i, to: j, spans });
    i = j + 1;
  }
  return runs;
}

/** One sentence describing the week's opening hours, grouping equal consecutive days. */
export function describeHours(business: BusinessProfile): string {
  const parts = hoursRuns(business).map(({ from, to, spans }) => {
    const days = from === to ? NAMES[from] : `${NAMES[from]} to ${NAMES[to]}`;
    return spans.length
      ? `${days} ${spans.map(([a, b]) => `${sayTime(a)} to ${sayTime(b)}`).join(' and ')}`
      : `closed ${days}`;
  });
  return `We're open ${parts.filter((p) => !p.startsWith('closed')).join(', ')}${parts.some((p) => p.startsWith('closed')) ? `; ${parts.filter((p) => p.startsWith('closed')).join(', ')}` : ''}.`;
}

/** The next local opening after `now` within two weeks: days from today, the local date and the opening time. */
export function nextOpeningAt(
  business: BusinessProfile,
  now: Date,
): { inDays: number; date: string; time: string } | undefined {
  const local = DateTime.fromJSDate(now, { zone: business.timezone });
  for (let k = 0; k < 14; k++) {
    const day = local.plus({ days: k }).startOf('day');
    const date = day.toISODate()!;
    if (closedReason(business, date)) continue;
    for (const [from] of business.hours[KEYS[day.weekday - 1]] ?? []) {
      const [h, m] = from.split(':').map(Number);
      const open = day.set({ hour: h, minute: m });
      if (open > local) return { inDays: k, date, time: from };
    }
  }
  return undefined;
}

/** The next local opening after `now` ("tomorrow at 9 AM" / "Monday at 9 AM"), within two weeks. */
export function nextOpening(business: BusinessProfile, now: Date): string | undefined {
  const next = nextOpeningAt(business, now);
  if (!next) return undefined;
  const when =
    next.inDays === 0
      ? 'today'
      : next.inDays === 1
        ? 'tomorrow'
        : DateTime.fromISO(next.date, { zone: business.timezone }).toFormat('cccc');
  return `${when} at ${sayTime(next.time)}`;
}
