/**
 * Local wall-clock time in an IANA zone → instants, with a deliberate DST policy.
 *
 * Policy (documented because every other choice surprises someone):
 * - Times that exist once (9:00 on both sides of a switch) keep their wall time: 9:00 stays 9:00.
 * - Nonexistent times (spring gap, e.g. 02:30 in New York) map to the instant the gap ends (the
 *   clock jumps from 01:59:59 to 03:00): the first instant whose wall time is at or past the
 *   requested one. An opening range 02:30–05:00 on that day opens at 03:00.
 * - Repeated times (autumn fall-back, e.g. 01:30 twice in New York) map to their FIRST occurrence
 *   by default (`occurrence: 'first'`: closing times, day boundaries). Opening times use the LAST
 *   occurrence (see `openingRangesOn`), so that an opening range never contains instants whose wall
 *   clock reads earlier than its opening time: 01:15–02:00 on the fall-back night is 45 minutes
 *   (01:15 EST → 02:00 EST), and 00:00–01:30 closes the first time the clock reads 01:30.
 * Dates are `YYYY-MM-DD` strings, times `HH:mm` ("24:00" means the next midnight).
 */
import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../lib/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const zones = new Map<string, IANAZone>();

/** The luxon zone for `tz`; throws VALIDATION_FAILED for an unknown IANA name. */
export function zoneOf(tz: string): IANAZone {
  let z = zones.get(tz);
  if (!z) {
    z = IANAZone.create(tz);
    if (!z.isValid) throw new AppError('VALIDATION_FAILED', `unknown time zone: ${tz}`, 400);
    zones.set(tz, z);
  }
  return z;
}

/** Parses "HH:mm" (00:00..24:00) into minutes after midnight; throws VALIDATION_FAILED otherwise. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || minutes > 1440) throw new AppError('VALIDATION_FAILED', `invalid time of day: ${hhmm}`, 400);
  return minutes;
}

/** Epoch ms of the date's midnight as if the wall clock were UTC (calendar arithmetic only). */
export function dateToWallMs(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new AppError('VALIDATION_FAILED', `invalid date: ${date}`, 400);
  }
  return ms;
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(dateToWallMs(date) + days * DAY).toISOString().slice(0, 10);
}

/** Day of week of a calendar date: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(dateToWallMs(date)).getUTCDay() + 6) % 7;
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in `tz`. */
export function localDateOf(instant: number, tz: string): string {
  const offset = zoneOf(tz).offset(instant);
  return new Date(instant + offset * MINUTE).toISOString().slice(0, 10);
}

/** Minutes after local midnight shown by the wall clock at `instant` in `tz`. */
export function localMinutesOf(instant: number, tz: string): number {
  const offset = zoneOf(tz).offset(instant);
  const wall = instant + offset * MINUTE;
  return Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-03-09T09:00:00.000-04:00`. */
export function toLocalIso(instant: number, tz: string): string {
  return DateTime.fromMillis(instant, { zone: zoneOf(tz) }).toISO() ?? new Date(instant).toISOString();
}

// Offsets at both ends of a day decide whether the fast path applies; memoised per zone+date because
// the same few days are converted again and again (bounded so that it cannot grow without limit).
const dayOffsets = new Map<string, readonly [number, number]>();

function offsetsAround(date: string, tz: string): readonly [number, number] {
  const key = `${tz}|${date}`;
  let hit = dayOffsets.get(key);
  if (!hit) {
    const z = zoneOf(tz);
    const midnight = dateToWallMs(date);
    // Local days span at most UTC-12..UTC+14, so these instants bracket every wall time of the day.
    hit = [z.offset(midnight - 15 * HOUR), z.offset(midnight + DAY + 13 * HOUR)] as const;
    if (dayOffsets.size > 50_000) dayOffsets.clear();
    dayOffsets.set(key, hit);
  }
  return hit;
}

/** Which instant a repeated (autumn) wall time means. */
export type Occurrence = 'first' | 'last';

/**
 * The instant at which the wall clock in `tz` shows `minutes` after midnight of `date` — its first
 * (default) or last occurrence when the time repeats; the gap's end when it does not exist (see the
 * module policy). `minutes` may be 1440 (next midnight).
 */
export function wallToInstant(date: string, minutes: number, tz: string, occurrence: Occurrence = 'first'): number {
  const wall = dateToWallMs(date) + minutes * MINUTE;
  const [before, after] = offsetsAround(date, tz);
  if (before === after && minutes <= 1440) return wall - before * MINUTE;
  const z = zoneOf(tz);
  const valid = [...new Set([before, after])]
    .map((o) => wall - o * MINUTE)
    .filter((c) => (wall - c) / MINUTE === z.offset(c));
  if (valid.length > 0) return occurrence === 'first' ? Math.min(...valid) : Math.max(...valid);
  return gapEnd(wall, before, after, z);
}

/** The instant a spring-forward gap containing the wall time `wall` ends (binary search to 1 s). */
function gapEnd(wall: number, before: number, after: number, z: IANAZone): number {
  let lo = wall - Math.max(before, after) * MINUTE;
  let hi = wall - Math.min(before, after) * MINUTE;
  const late = z.offset(hi);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (z.offset(mid) === late) hi = mid;
    else lo = mid;
  }
  return hi;
}
