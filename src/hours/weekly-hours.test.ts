// Invariant: "open at" means one thing everywhere — the validator accepts overnight ranges, "open at" agrees with a plain reading of the week and with the ranges availability books in, and an overnight range keeps a 1 AM call inside opening hours.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOpenAt, WEEKDAYS, WeeklyHoursSchema, type WeeklyHours } from './index.js';

const hm = (m: number) =>
  m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A day of 0–2 ranges on a quarter-hour grid; the second may run overnight. */
const dayArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 })), { maxLength: 2 })
  .map((xs) =>
    xs.map(
      ([a, len]) =>
        [hm(a * 15), hm(((a + len) * 15) % 1440 === 0 && a + len === 96 ? 1440 : ((a + len) * 15) % 1440)] as [
          string,
          string,
        ],
    ),
  );
const weekArb = fc
  .tuple(...WEEKDAYS.map(() => dayArb))
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]])) as WeeklyHours)
  .filter((h) => WeeklyHoursSchema.safeParse(h).success);
/** Instants over two years on a minute grid. */
const atArb = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 11, 31) / 60_000 })
  .map((m) => new Date(m * 60_000));

/** The week read plainly, for a zone without DST: open when some range of today or yesterday covers the minute. */
function plainlyOpen(hours: WeeklyHours, at: Date, offsetMin: number): boolean {
  const local = new Date(at.getTime() + offsetMin * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const dow = (local.getUTCDay() + 6) % 7;
  const ranges = (d: number) =>
    (hours[WEEKDAYS[(d + 7) % 7]] ?? []).map(([o, c]) => {
      const [a, b] = [o, c].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
      return [a, b > a ? b : b + 1440] as const;
    });
  return (
    ranges(dow).some(([a, b]) => minute >= a && minute < b) ||
    ranges(dow - 1).some(([a, b]) => minute + 1440 >= a && minute + 1440 < b)
  );
}

describe('weekly hours', () => {
  it('accepts an overnight range and refuses one that closes when it opens', () => {
    expect(WeeklyHoursSchema.safeParse({ fri: [['22:00', '02:00']] }).success).toBe(true);
    expect(WeeklyHoursSchema.safeParse({ fri: [['09:00', '09:00']] }).success).toBe(false);
    expect(
      WeeklyHoursSchema.safeParse({
        fri: [
          ['22:00', '02:00'],
          ['23:00', '23:30'],
        ],
      }).success,
    ).toBe(false);
    expect(WeeklyHoursSchema.safeParse({ fri: [['00:00', '24:00']] }).success).toBe(true);
  });

  it('keeps a call at 1 AM inside a 10 PM – 2 AM opening, and one at 9 PM outside it', () => {
    const bar = { hours: { fri: [['22:00', '02:00']] } as WeeklyHours, timezone: 'America/Chicago' };
    expect(isOpenAt(bar, new Date('2026-12-05T07:00:00Z'))).toBe(true); // Saturday 01:00 in Chicago
    expect(isOpenAt(bar, new Date('2026-12-05T03:00:00Z'))).toBe(false); // Friday 21:00
    expect(isOpenAt(bar, new Date('2026-12-05T08:00:00Z'))).toBe(false); // Saturday 02:00, closed
    // a holiday closes its whole local day, cutting the overnight range at midnight as availability does
    expect(isOpenAt({ ...bar, holidays: ['2026-12-05'] }, new Date('2026-12-05T07:00:00Z'))).toBe(false);
  });

  it('"open at" agrees with a plain reading of the week (zones without DST)', () => {
    fc.assert(
      fc.property(
        weekArb,
        atArb,
        fc.constantFrom(['UTC', 0] as const, ['Asia/Kolkata', 330] as const, ['Asia/Tokyo', 540] as const),
        (hours, at, [tz, off]) => {
          expect(isOpenAt({ hours, timezone: tz }, at)).toBe(plainlyOpen(hours, at, off));
        },
      ),
      { numRuns: 400 },
    );
  });
});
