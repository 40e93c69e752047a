// Invariant: local wall times map to instants by the documented DST policy (first occurrence; gap → gap end).
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, localMinutesOf, parseClock, wallToInstant, weekdayIndex } from './local-time.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wallToInstant', () => {
  it('keeps 09:00 at 09:00 local on both sides of the New York spring switch', () => {
    expect(iso(wallToInstant('2026-03-07', 9 * 60, 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(wallToInstant('2026-03-08', 9 * 60, 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
  });

  it('maps a time in the spring gap to the instant the gap ends (02:30 → 03:00 EDT)', () => {
    expect(iso(wallToInstant('2026-03-08', 2 * 60 + 30, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(wallToInstant('2026-03-29', 60 + 15, 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('maps a repeated autumn time to its first occurrence by default, or its last on request', () => {
    expect(iso(wallToInstant('2026-11-01', 90, 'America/New_York', 'last'))).toBe('2026-11-01T06:30:00.000Z');
    expect(iso(wallToInstant('2026-11-01', 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(wallToInstant('2026-10-25', 90, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    // Sydney falls back 03:00 → 02:00 on 5 April 2026: 02:30 happens first at +11.
    expect(iso(wallToInstant('2026-04-05', 150, 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
  });

  it('measures a switch day in real hours: 23 in spring, 25 in autumn', () => {
    const len = (d: string, tz: string) => (wallToInstant(addDays(d, 1), 0, tz) - wallToInstant(d, 0, tz)) / 3_600_000;
    expect(len('2026-03-08', 'America/New_York')).toBe(23);
    expect(len('2026-11-01', 'America/New_York')).toBe(25);
    expect(len('2026-10-04', 'Australia/Sydney')).toBe(23);
    expect(len('2026-06-01', 'Australia/Sydney')).toBe(24);
  });

  it('round-trips with localDateOf / localMinutesOf for ordinary times', () => {
    const t = wallToInstant('2026-07-15', 13 * 60 + 45, 'Asia/Kolkata');
    expect(localDateOf(t, 'Asia/Kolkata')).toBe('2026-07-15');
    expect(localMinutesOf(t, 'Asia/Kolkata')).toBe(13 * 60 + 45);
  });
});

describe('calendar helpers', () => {
  it('knows weekdays (0 = Monday) and refuses bad input', () => {
    expect(weekdayIndex('2026-03-09')).toBe(0);
    expect(weekdayIndex('2026-03-15')).toBe(6);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(() => parseClock('25:00')).toThrow(/invalid time/);
    expect(() => addDays('2026-02-30', 1)).toThrow(/invalid date/);
    expect(() => wallToInstant('2026-01-01', 0, 'Mars/Base')).toThrow(/unknown time zone/);
  });
});
