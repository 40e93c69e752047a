// Invariant: availability offers exactly the starts a business owner expects — hours, holidays, staff, buffers, notice, holds.
import { describe, expect, it } from 'vitest';
import { computeAvailability, isSlotAvailable } from './compute-availability.js';
import { toLocalIso, wallToInstant } from './local-time.js';
import type { AvailabilityInput, BusinessSchedule, Slot } from './types.js';

const TZ = 'America/Chicago';
const at = (date: string, hhmm: string, tz = TZ) =>
  new Date(wallToInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), tz));
const local = (slots: readonly Slot[], tz = TZ) => slots.map((s) => toLocalIso(s.start.getTime(), tz).slice(0, 16));

const schedule: BusinessSchedule = {
  tz: TZ,
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    tue: [['09:00', '17:00']],
    sat: [['10:00', '12:00']],
  },
  holidays: ['2026-03-17'],
  minNoticeMin: 60,
  maxDaysAhead: 30,
  stepMin: 30,
};
const base: AvailabilityInput = {
  schedule,
  service: { id: 'cut', durationMin: 60, bufferMin: 0 },
  staff: [],
  appointments: [],
  now: at('2026-03-01', '08:00'),
};
const day = (date: string) => ({ from: at(date, '00:00'), to: at(date, '23:59') });

describe('computeAvailability', () => {
  it('offers starts on the step grid inside each opening range, with the service ending by closing', () => {
    const slots = computeAvailability(base, day('2026-03-09'));
    expect(local(slots)).toEqual([
      '2026-03-09T09:00',
      '2026-03-09T09:30',
      '2026-03-09T10:00',
      '2026-03-09T10:30',
      '2026-03-09T11:00',
      '2026-03-09T13:00',
      '2026-03-09T13:30',
      '2026-03-09T14:00',
      '2026-03-09T14:30',
      '2026-03-09T15:00',
      '2026-03-09T15:30',
      '2026-03-09T16:00',
    ]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 3_600_000 && s.staffId === null)).toBe(true);
  });

  it('offers nothing on closed days and holidays', () => {
    expect(computeAvailability(base, day('2026-03-11'))).toEqual([]); // Wednesday: closed
    expect(computeAvailability(base, day('2026-03-17'))).toEqual([]); // Tuesday, but a holiday
    expect(computeAvailability(base, day('2026-03-10')).length).toBeGreaterThan(0);
  });

  it('blocks an appointment plus its buffer, and keeps the new service’s buffer clear of the next one', () => {
    const input: AvailabilityInput = {
      ...base,
      service: { id: 'cut', durationMin: 60, bufferMin: 15 },
      appointments: [
        { start: at('2026-03-10', '12:00'), end: at('2026-03-10', '13:00'), staffId: null, bufferMin: 30 },
      ],
    };
    const starts = local(computeAvailability(input, day('2026-03-10')));
    expect(starts).toContain('2026-03-10T10:30'); // 10:30–11:30 + 15 min buffer ends 11:45 < 12:00
    expect(starts).not.toContain('2026-03-10T11:00'); // its buffer would run into 12:00
    expect(starts).not.toContain('2026-03-10T13:00'); // the booked appointment's buffer runs to 13:30
    expect(starts).toContain('2026-03-10T13:30');
  });

  it('respects minimum notice and max days ahead', () => {
    const now = at('2026-03-09', '09:10'); // 60 min notice → nothing before 10:10, next grid point 10:30
    const input = { ...base, now, schedule: { ...schedule, maxDaysAhead: 1 } };
    expect(local(computeAvailability(input, day('2026-03-09')))[0]).toBe('2026-03-09T10:30');
    expect(computeAvailability(input, day('2026-03-10')).length).toBeGreaterThan(0);
    expect(computeAvailability({ ...input, now: at('2026-03-08', '10:00') }, day('2026-03-10'))).toEqual([]);
  });

  it('intersects business hours with each staff member’s hours and services', () => {
    const input: AvailabilityInput = {
      ...base,
      staff: [
        { id: 'ana', hours: { mon: [['14:00', '20:00']] }, serviceIds: ['cut'] },
        { id: 'bo', serviceIds: ['color'] },
        { id: 'cy' },
      ],
      appointments: [{ start: at('2026-03-09', '09:00'), end: at('2026-03-09', '12:00'), staffId: 'cy' }],
    };
    const slots = computeAvailability(input, day('2026-03-09'));
    const ana = slots.filter((s) => s.staffId === 'ana');
    expect(local(ana)).toEqual([
      '2026-03-09T14:00',
      '2026-03-09T14:30',
      '2026-03-09T15:00',
      '2026-03-09T15:30',
      '2026-03-09T16:00',
    ]);
    expect(slots.some((s) => s.staffId === 'bo')).toBe(false);
    expect(local(slots.filter((s) => s.staffId === 'cy'))[0]).toBe('2026-03-09T13:00');
    expect(local(computeAvailability({ ...input, staffId: 'ana' }, day('2026-03-09')))).toEqual(local(ana));
  });

  it('hides a live hold from others but not from its holder, and ignores expired holds', () => {
    const hold = {
      start: at('2026-03-09', '09:00'),
      end: at('2026-03-09', '10:00'),
      staffId: null,
      expiresAt: at('2026-03-01', '08:05'),
      holder: 'call-1',
    };
    const input = { ...base, holds: [hold] };
    expect(local(computeAvailability(input, day('2026-03-09')))[0]).toBe('2026-03-09T10:00');
    expect(local(computeAvailability({ ...input, viewer: 'call-1' }, day('2026-03-09')))[0]).toBe('2026-03-09T09:00');
    expect(local(computeAvailability({ ...input, now: at('2026-03-01', '08:05') }, day('2026-03-09')))[0]).toBe(
      '2026-03-09T09:00',
    );
  });

  it('treats a business-wide calendar busy block as blocking every staff member', () => {
    const input: AvailabilityInput = {
      ...base,
      staff: [{ id: 'ana' }, { id: 'bo' }],
      busy: [{ start: at('2026-03-09', '09:00'), end: at('2026-03-09', '11:00'), staffId: null }],
    };
    const first = computeAvailability(input, day('2026-03-09')).slice(0, 2);
    expect(local(first)).toEqual(['2026-03-09T11:00', '2026-03-09T11:00']);
    expect(first.map((s) => s.staffId)).toEqual(['ana', 'bo']);
  });

  it('runs an overnight range into the next day', () => {
    const input = { ...base, schedule: { ...schedule, hours: { fri: [['22:00', '02:00']] as [string, string][] } } };
    const starts = local(
      computeAvailability(input, { from: at('2026-03-13', '00:00'), to: at('2026-03-15', '00:00') }),
    );
    expect(starts[0]).toBe('2026-03-13T22:00');
    expect(starts[starts.length - 1]).toBe('2026-03-14T01:00');
  });

  it('checks one requested start off the grid exactly (isSlotAvailable)', () => {
    expect(isSlotAvailable(base, at('2026-03-09', '10:10'), null)).toBe(true);
    expect(isSlotAvailable(base, at('2026-03-09', '11:10'), null)).toBe(false); // would run past 12:00
    expect(isSlotAvailable(base, at('2026-03-11', '10:00'), null)).toBe(false);
  });

  it('refuses nonsense input instead of guessing', () => {
    expect(() =>
      computeAvailability({ ...base, service: { id: 'x', durationMin: 0, bufferMin: 0 } }, day('2026-03-09')),
    ).toThrow(/positive/);
    expect(() => computeAvailability(base, { from: at('2026-03-09', '10:00'), to: at('2026-03-09', '09:00') })).toThrow(
      /after/,
    );
  });
});
