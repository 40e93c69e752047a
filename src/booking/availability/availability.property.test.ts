// Invariant: for random schedules and bookings, no slot overlaps a booking, busy block, live hold, closed hours or holiday, and every slot fits before closing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { computeAvailability } from './compute-availability.js';
import { WEEKDAYS } from './opening-hours.js';
import type { WeeklyHours } from './opening-hours.js';
import type { AvailabilityInput, BookedAppointment, BusyBlock, Slot, SlotHold } from './types.js';

const MIN = 60_000;
const TZS = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'America/Chicago'];
// Window starts chosen to straddle DST switches in these zones, plus an ordinary week.
const STARTS = ['2026-03-06', '2026-03-27', '2026-04-03', '2026-10-02', '2026-10-23', '2026-10-30', '2026-06-10'];

const hhmm = (q: number) =>
  q === 96 ? '24:00' : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;

/** 0–2 non-overlapping ranges on a quarter-hour grid. */
const dayArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 48 })), { maxLength: 2 })
  .map((rs) => {
    const out: [string, string][] = [];
    let floor = 0;
    for (const [s, l] of [...rs].sort((a, b) => a[0] - b[0])) {
      const start = Math.max(s, floor);
      const end = Math.min(96, start + l);
      if (end > start) out.push([hhmm(start), hhmm(end)]);
      floor = end + 1;
    }
    return out;
  });
const weekArb = fc
  .tuple(...WEEKDAYS.map(() => dayArb))
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]])) as WeeklyHours);

const scenarioArb = fc.record({
  tz: fc.constantFrom(...TZS),
  startDate: fc.constantFrom(...STARTS),
  hours: weekArb,
  holidayOffsets: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
  staff: fc.array(fc.option(weekArb, { nil: undefined }), { maxLength: 3 }),
  durationMin: fc.integer({ min: 1, max: 36 }).map((n) => n * 5),
  bufferMin: fc.constantFrom(0, 5, 10, 15),
  stepMin: fc.constantFrom(5, 15, 30, 60),
  minNoticeMin: fc.integer({ min: 0, max: 48 * 60 }),
  maxDaysAhead: fc.integer({ min: 0, max: 10 }),
  nowOffsetMin: fc.integer({ min: -2 * 24 * 60, max: 3 * 24 * 60 }),
  blocks: fc.array(
    fc.record({
      kind: fc.constantFrom('appt', 'busy', 'hold'),
      startMin: fc.integer({ min: 0, max: 7 * 24 * 12 }),
      lenMin: fc.integer({ min: 1, max: 48 }),
      who: fc.integer({ min: -1, max: 2 }),
      buffer: fc.constantFrom(0, 10, 30),
      ttlMin: fc.integer({ min: -10, max: 10 }),
    }),
    { maxLength: 25 },
  ),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(sc: Scenario) {
  const origin = DateTime.fromISO(sc.startDate, { zone: sc.tz }).toMillis();
  const now = new Date(origin + sc.nowOffsetMin * MIN);
  const staff = sc.staff.map((hours, i) => ({ id: `s${i}`, hours }));
  const who = (w: number) => (w < 0 || w >= staff.length ? null : staff[w].id);
  const appointments: BookedAppointment[] = [];
  const busy: BusyBlock[] = [];
  const holds: SlotHold[] = [];
  for (const b of sc.blocks) {
    const start = new Date(origin + b.startMin * 5 * MIN);
    const end = new Date(start.getTime() + b.lenMin * 5 * MIN);
    if (b.kind === 'appt') appointments.push({ start, end, staffId: who(b.who), bufferMin: b.buffer });
    else if (b.kind === 'busy') busy.push({ start, end, staffId: who(b.who) });
    else holds.push({ start, end, staffId: who(b.who), expiresAt: new Date(now.getTime() + b.ttlMin * MIN) });
  }
  const holidays = sc.holidayOffsets.map((o) => DateTime.fromISO(sc.startDate).plus({ days: o }).toISODate()!);
  const input: AvailabilityInput = {
    schedule: {
      tz: sc.tz,
      hours: sc.hours,
      holidays,
      minNoticeMin: sc.minNoticeMin,
      maxDaysAhead: sc.maxDaysAhead,
      stepMin: sc.stepMin,
    },
    service: { id: 'svc', durationMin: sc.durationMin, bufferMin: sc.bufferMin },
    staff,
    appointments,
    busy,
    holds,
    now,
  };
  return { input, window: { from: new Date(origin), to: new Date(origin + 7 * 24 * 60 * MIN) } };
}

/** Independent oracle (luxon, minute by minute): is the instant inside the weekly hours and not on a holiday? */
function openAt(t: number, hours: WeeklyHours, holidays: readonly string[], tz: string): boolean {
  const dt = DateTime.fromMillis(t, { zone: tz });
  if (holidays.includes(dt.toISODate()!)) return false;
  const minutes = dt.hour * 60 + dt.minute;
  const day = hours[WEEKDAYS[dt.weekday - 1]] ?? [];
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return day.some(([o, c]) => toMin(o) <= minutes && minutes < toMin(c));
}

function violations(input: AvailabilityInput, slots: readonly Slot[]): string[] {
  const bad: string[] = [];
  const { schedule: sch, service, now } = input;
  const lastDay = DateTime.fromJSDate(now, { zone: sch.tz })
    .startOf('day')
    .plus({ days: sch.maxDaysAhead + 1 })
    .toMillis();
  for (const s of slots) {
    const a = s.start.getTime();
    const b = s.end.getTime();
    const tag = `${new Date(a).toISOString()} ${s.staffId}`;
    if (b - a !== service.durationMin * MIN) bad.push(`${tag}: wrong length`);
    if (a < now.getTime() + sch.minNoticeMin * MIN) bad.push(`${tag}: inside minimum notice`);
    if (a >= lastDay) bad.push(`${tag}: beyond max days ahead`);
    const staffHours = input.staff.find((x) => x.id === s.staffId)?.hours;
    // Every boundary in these scenarios lies on a 5-minute mark, so sampling every 5 minutes is exact.
    for (let t = a; t < b; t += 5 * MIN) {
      if (!openAt(t, sch.hours, sch.holidays, sch.tz)) {
        bad.push(`${tag}: closed or holiday at ${new Date(t).toISOString()}`);
        break;
      }
      if (staffHours && !openAt(t, staffHours, [], sch.tz)) {
        bad.push(`${tag}: staff off at ${new Date(t).toISOString()}`);
        break;
      }
    }
    const need = { start: a, end: b + service.bufferMin * MIN };
    const hits = (x: { start: Date; end: Date; staffId: string | null }, extra = 0) =>
      (x.staffId === null || x.staffId === s.staffId) &&
      x.start.getTime() < need.end &&
      x.end.getTime() + extra > need.start;
    for (const ap of input.appointments)
      if (hits(ap, (ap.bufferMin ?? 0) * MIN)) bad.push(`${tag}: overlaps appointment`);
    for (const bz of input.busy ?? []) if (hits(bz)) bad.push(`${tag}: overlaps busy block`);
    for (const h of input.holds ?? [])
      if (h.expiresAt.getTime() > now.getTime() && hits(h)) bad.push(`${tag}: overlaps live hold`);
  }
  return bad;
}

describe('availability properties', () => {
  it('never offers a slot that collides with anything or does not fit', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { input, window } = build(sc);
        const slots = computeAvailability(input, window);
        expect(violations(input, slots)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('offers something whenever the business is open, idle and far enough ahead (not vacuous)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TZS), fc.constantFrom(...STARTS), (tz, startDate) => {
        const { input, window } = build({
          tz,
          startDate,
          hours: {
            mon: [['09:00', '17:00']],
            tue: [['09:00', '17:00']],
            wed: [['09:00', '17:00']],
            thu: [['09:00', '17:00']],
            fri: [['09:00', '17:00']],
          },
          holidayOffsets: [],
          staff: [],
          durationMin: 60,
          bufferMin: 0,
          stepMin: 30,
          minNoticeMin: 0,
          maxDaysAhead: 30,
          nowOffsetMin: -60,
          blocks: [],
        });
        // 5 weekdays in any 7-day window × 15 half-hour starts from 09:00 to 16:00.
        expect(computeAvailability(input, window)).toHaveLength(5 * 15);
      }),
    );
  });
});
