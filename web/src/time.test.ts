// Invariant: wall times typed in the dashboard become the right instant in the business's timezone (across DST), and API field errors map to the right form fields.
import { describe, expect, it } from 'vitest';
import { addDays, answerSeconds, mondayOf, offsetOf, todayIn, wall, zonedIso } from './time.js';
import { ApiError, qs } from './api.js';

describe('zonedIso', () => {
  it('uses the offset in force on that date, not today’s', () => {
    expect(zonedIso('2026-01-15', '10:00', 'America/New_York')).toBe('2026-01-15T10:00:00-05:00');
    expect(zonedIso('2026-07-15', '10:00', 'America/New_York')).toBe('2026-07-15T10:00:00-04:00');
    expect(zonedIso('2026-07-15', '10:00', 'Europe/Berlin')).toBe('2026-07-15T10:00:00+02:00');
    expect(zonedIso('2026-07-15', '10:00', 'Asia/Kolkata')).toBe('2026-07-15T10:00:00+05:30');
  });

  it('gets both sides of a spring-forward day right', () => {
    // New York moves from -05:00 to -04:00 at 02:00 local on 2026-03-08.
    expect(zonedIso('2026-03-08', '00:30', 'America/New_York')).toBe('2026-03-08T00:30:00-05:00');
    expect(zonedIso('2026-03-08', '09:00', 'America/New_York')).toBe('2026-03-08T09:00:00-04:00');
    // Berlin moves from +01:00 to +02:00 at 02:00 local on 2026-03-29.
    expect(zonedIso('2026-03-29', '01:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00+01:00');
    expect(zonedIso('2026-03-29', '09:00', 'Europe/Berlin')).toBe('2026-03-29T09:00:00+02:00');
  });

  it('round-trips through the instant to the same wall time', () => {
    for (const [d, t, tz] of [
      ['2026-11-01', '08:00', 'America/Chicago'],
      ['2026-10-25', '12:15', 'Europe/London'],
      ['2026-04-05', '07:45', 'Australia/Sydney'],
    ] as const) {
      const iso = zonedIso(d, t, tz);
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
      expect(local.replace(',', '')).toBe(`${d} ${t}`);
    }
  });
});

describe('calendar helpers', () => {
  it('finds the Monday of a week and steps over month ends', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week that started on Monday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads the business-local wall time from the API’s offset strings, whatever the browser’s zone', () => {
    expect(wall('2026-03-11T15:45:00-05:00')).toEqual({ date: '2026-03-11', time: '15:45', minutes: 945 });
  });

  it('knows today in the business’s zone, not the browser’s', () => {
    const at = new Date('2026-11-22T03:30:00Z');
    expect(todayIn('America/Los_Angeles', at)).toBe('2026-11-21');
    expect(todayIn('Asia/Tokyo', at)).toBe('2026-11-22');
    expect(offsetOf('UTC', at)).toBe('+00:00');
  });
});

describe('API errors and queries', () => {
  it('maps validation paths to form field names, first message per field', () => {
    const e = new ApiError(400, 'validation_failed', 'bad', {
      fields: [
        { path: 'body.customer.name', message: 'required' },
        { path: 'body.email', message: 'invalid email' },
        { path: 'body.email', message: 'second' },
        { path: 'querystring.from', message: 'bad date' },
      ],
    });
    expect(e.fields).toEqual({ 'customer.name': 'required', email: 'invalid email', from: 'bad date' });
    expect(new ApiError(409, 'slot_taken', 'taken').fields).toEqual({});
  });

  it('builds query strings from the values that are set', () => {
    expect(qs({ q: 'leak', outcome: '', cursor: undefined, limit: 25 })).toBe('?q=leak&limit=25');
    expect(qs({ a: null })).toBe('');
  });
});

describe('answer times in words', () => {
  it('says a gap in seconds the way an owner reads it', () => {
    expect(answerSeconds(640)).toBe('0.6 s');
    expect(answerSeconds(1250)).toBe('1.3 s');
    expect(answerSeconds(40)).toBe('0.0 s');
    expect(answerSeconds(12_400)).toBe('12 s');
  });
});
