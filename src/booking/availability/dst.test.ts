// Invariant: across DST switches a 9:00 opening stays 9:00 local, gap/repeated hours follow the documented policy.
import { describe, expect, it } from 'vitest';
import { computeAvailability } from './compute-availability.js';
import { addDays, toLocalIso, wallToInstant } from './local-time.js';
import type { AvailabilityInput } from './types.js';
import type { WeeklyHours } from './opening-hours.js';

const everyDay = (ranges: [string, string][]): WeeklyHours => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: ranges,
  sun: ranges,
});

function slotsOn(tz: string, date: string, hours: WeeklyHours, stepMin = 60, durationMin = 60): string[] {
  const input: AvailabilityInput = {
    schedule: { tz, hours, holidays: [], minNoticeMin: 0, maxDaysAhead: 400, stepMin },
    service: { id: 's', durationMin, bufferMin: 0 },
    staff: [],
    appointments: [],
    now: new Date('2026-01-01T00:00:00Z'),
  };
  const from = new Date(wallToInstant(date, 0, tz));
  const to = new Date(wallToInstant(addDays(date, 1), 0, tz));
  return computeAvailability(input, { from, to }).map((s) => toLocalIso(s.start.getTime(), tz));
}

const SWITCHES: [string, string, string][] = [
  ['America/New_York', '2026-03-08', 'spring'],
  ['America/New_York', '2026-11-01', 'autumn'],
  ['Europe/London', '2026-03-29', 'spring'],
  ['Europe/London', '2026-10-25', 'autumn'],
  ['Australia/Sydney', '2026-10-04', 'spring'],
  ['Australia/Sydney', '2026-04-05', 'autumn'],
];

describe('availability across DST switches', () => {
  for (const [tz, date, season] of SWITCHES) {
    it(`keeps 09:00–17:00 at 09:00–17:00 local the day before, of and after the ${season} switch in ${tz}`, () => {
      for (const d of [addDays(date, -1), date, addDays(date, 1)]) {
        const slots = slotsOn(tz, d, everyDay([['09:00', '17:00']]));
        expect(slots.map((s) => s.slice(11, 16))).toEqual([
          '09:00',
          '10:00',
          '11:00',
          '12:00',
          '13:00',
          '14:00',
          '15:00',
          '16:00',
        ]);
        expect(slots.every((s) => s.startsWith(d))).toBe(true);
      }
    });
  }

  it('a 24-hour business has 23 hourly slots on the spring day and none at the missing 02:00 (New York)', () => {
    const slots = slotsOn('America/New_York', '2026-03-08', everyDay([['00:00', '24:00']]));
    expect(slots).toHaveLength(23);
    expect(slots.some((s) => s.slice(11, 13) === '02')).toBe(false);
    expect(slots.slice(0, 3).map((s) => s.slice(11))).toEqual([
      '00:00:00.000-05:00',
      '01:00:00.000-05:00',
      '03:00:00.000-04:00',
    ]);
  });

  it('a 24-hour business has 25 hourly slots on the autumn day, 01:00 offered once in EDT and once in EST (London likewise)', () => {
    const ny = slotsOn('America/New_York', '2026-11-01', everyDay([['00:00', '24:00']]));
    expect(ny).toHaveLength(25);
    expect(ny.filter((s) => s.slice(11, 16) === '01:00').map((s) => s.slice(19))).toEqual(['.000-04:00', '.000-05:00']);
    expect(slotsOn('Europe/London', '2026-10-25', everyDay([['00:00', '24:00']]))).toHaveLength(25);
  });

  it('an opening time inside the spring gap opens when the gap ends (02:30 → 03:00 EDT)', () => {
    const slots = slotsOn('America/New_York', '2026-03-08', everyDay([['02:30', '05:00']]), 30, 30);
    expect(slots.map((s) => s.slice(11, 16))).toEqual(['03:00', '03:30', '04:00', '04:30']);
  });

  it('an opening time in the repeated autumn hour opens at its last occurrence, so 01:15–02:00 is 45 minutes (01:15 EST)', () => {
    const slots = slotsOn('America/New_York', '2026-11-01', everyDay([['01:15', '02:00']]), 15, 15);
    expect(slots.map((s) => s.slice(11))).toEqual(['01:15:00.000-05:00', '01:30:00.000-05:00', '01:45:00.000-05:00']);
    const inside = slotsOn('Europe/London', '2026-10-25', everyDay([['01:10', '01:40']]), 10, 10);
    expect(inside.map((s) => s.slice(11))).toEqual(['01:10:00.000+00:00', '01:20:00.000+00:00', '01:30:00.000+00:00']);
  });

  it('a closing time in the repeated autumn hour closes at its first occurrence (01:30 EDT)', () => {
    const slots = slotsOn('America/New_York', '2026-11-01', everyDay([['00:00', '01:30']]), 30, 30);
    expect(slots.map((s) => s.slice(11))).toEqual(['00:00:00.000-04:00', '00:30:00.000-04:00', '01:00:00.000-04:00']);
  });
});
