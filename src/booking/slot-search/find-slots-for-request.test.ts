// Invariant: a caller's wish gets the exact slot when free, otherwise ≤ 3 nearby free alternatives and the true reason.
import { describe, expect, it } from 'vitest';
import { findSlotsForRequest } from './find-slots-for-request.js';
import type { SlotSearchResult } from './find-slots-for-request.js';
import { slotWishSchema } from './wish.js';
import { toLocalIso, wallToInstant } from '../availability/local-time.js';
import type { AvailabilityInput, BookedAppointment } from '../availability/types.js';

const TZ = 'America/Chicago';
const at = (date: string, hhmm: string) =>
  new Date(wallToInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ));
const appt = (date: string, from: string, to: string, staffId: string | null = 'ana'): BookedAppointment => ({
  start: at(date, from),
  end: at(date, to),
  staffId,
});

// The salon of SCENARIOS.md: Bella Hair Studio, Chicago, closed Sundays and on 17 March.
const salon: AvailabilityInput = {
  schedule: {
    tz: TZ,
    hours: {
      mon: [['09:00', '18:00']],
      tue: [['09:00', '18:00']],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '20:00']],
      fri: [['09:00', '20:00']],
      sat: [['10:00', '16:00']],
    },
    holidays: ['2026-03-17'],
    minNoticeMin: 60,
    maxDaysAhead: 30,
  },
  service: { id: 'haircut', durationMin: 45, bufferMin: 0 },
  staff: [{ id: 'ana', serviceIds: ['haircut', 'color'] }],
  appointments: [appt('2026-03-11', '15:00', '15:45')],
  now: at('2026-03-10', '09:15'),
};
const color = { ...salon, service: { id: 'color', durationMin: 120, bufferMin: 0 } };

function times(r: SlotSearchResult): string[] {
  const slots = r.kind === 'exact' ? [r.slot] : r.slots;
  return slots.map((s) => toLocalIso(s.start.getTime(), TZ).slice(0, 16));
}

describe('findSlotsForRequest', () => {
  it('returns the exact slot when it is free', () => {
    const r = findSlotsForRequest(salon, { kind: 'exact', date: '2026-03-11', time: '14:00' });
    expect(r.kind).toBe('exact');
    expect(times(r)).toEqual(['2026-03-11T14:00']);
    expect(r.kind === 'exact' && r.slot.staffId).toBe('ana');
  });

  it('offers the three nearest starts when the exact time is taken, preferring the later one on a tie', () => {
    const r = findSlotsForRequest(salon, { kind: 'exact', date: '2026-03-11', time: '15:00' });
    expect(r).toMatchObject({ kind: 'alternatives', reason: 'taken' });
    expect(times(r)).toEqual(['2026-03-11T14:15', '2026-03-11T15:45', '2026-03-11T16:00']);
  });

  it('offers spread-out options for "tomorrow afternoon", skipping what is booked', () => {
    const r = findSlotsForRequest(
      { ...salon, appointments: [appt('2026-03-11', '12:00', '13:30'), appt('2026-03-11', '15:00', '15:45')] },
      { kind: 'day', date: '2026-03-11', partOfDay: 'afternoon' },
    );
    expect(r.kind).toBe('options');
    expect(times(r)).toEqual(['2026-03-11T13:30', '2026-03-11T15:45', '2026-03-11T16:45']);
  });

  it('understands "after 4" and "before noon"', () => {
    const after = findSlotsForRequest(salon, { kind: 'day', date: '2026-03-12', after: '16:00' });
    expect(times(after)[0]).toBe('2026-03-12T16:00');
    const before = findSlotsForRequest(salon, { kind: 'day', date: '2026-03-12', before: '12:00' });
    expect(times(before).every((t) => t < '2026-03-12T12:00')).toBe(true);
    expect(times(before)).toHaveLength(3);
  });

  it('says holiday, closed, too soon, too far ahead and too short before closing when they are why', () => {
    const reason = (input: AvailabilityInput, wish: Parameters<typeof findSlotsForRequest>[1]) => {
      const r = findSlotsForRequest(input, wish);
      return r.kind === 'alternatives' ? r.reason : r.kind;
    };
    expect(reason(salon, { kind: 'day', date: '2026-03-17' })).toBe('holiday');
    expect(reason(salon, { kind: 'day', date: '2026-03-15' })).toBe('closed'); // Sunday
    expect(reason(salon, { kind: 'day', date: '2026-03-14', partOfDay: 'evening' })).toBe('closed'); // Saturday closes 16:00
    expect(reason(salon, { kind: 'exact', date: '2026-03-12', time: '07:00' })).toBe('closed');
    expect(
      reason(
        { ...salon, schedule: { ...salon.schedule, minNoticeMin: 180 } },
        { kind: 'day', date: '2026-03-10', partOfDay: 'morning' },
      ),
    ).toBe('too_soon');
    expect(reason(salon, { kind: 'exact', date: '2026-03-10', time: '09:30' })).toBe('too_soon');
    expect(reason(salon, { kind: 'exact', date: '2026-05-01', time: '10:00' })).toBe('too_far_ahead');
    expect(reason(color, { kind: 'day', date: '2026-03-14', after: '14:30' })).toBe('too_short_before_closing');
    expect(reason(color, { kind: 'exact', date: '2026-03-12', time: '19:00' })).toBe('too_short_before_closing');
  });

  it('says fully booked when open but taken, and offers the nearest free starts on other days', () => {
    const input = { ...salon, appointments: [appt('2026-03-12', '09:00', '20:00')] };
    const r = findSlotsForRequest(input, { kind: 'day', date: '2026-03-12' });
    expect(r).toMatchObject({ kind: 'alternatives', reason: 'fully_booked' });
    expect(times(r)).toHaveLength(3);
    expect(times(r).every((t) => !t.startsWith('2026-03-12'))).toBe(true);
    expect(times(r)).toEqual(['2026-03-11T17:15', '2026-03-13T09:00', '2026-03-13T10:00']); // the day before and after
  });

  it('finds the earliest start after the minimum notice, and the earliest morning', () => {
    expect(times(findSlotsForRequest(salon, { kind: 'earliest' }))[0]).toBe('2026-03-10T10:15');
    const late = { ...salon, now: at('2026-03-10', '13:00') };
    expect(times(findSlotsForRequest(late, { kind: 'earliest', partOfDay: 'morning' }))[0]).toBe('2026-03-11T09:00');
    expect(times(findSlotsForRequest(salon, { kind: 'earliest', fromDate: '2026-03-14' }))[0]).toBe('2026-03-14T10:00');
  });

  it('offers a time once even when several staff are free then', () => {
    const two = { ...salon, staff: [{ id: 'ana' }, { id: 'ben' }], appointments: [] };
    const r = findSlotsForRequest(two, { kind: 'day', date: '2026-03-12', before: '11:00' });
    expect(new Set(times(r)).size).toBe(times(r).length);
  });

  it('a booked staff member’s time is still offered when another can take it', () => {
    const two = { ...salon, staff: [{ id: 'ana' }, { id: 'ben' }] };
    const r = findSlotsForRequest(two, { kind: 'exact', date: '2026-03-11', time: '15:00' });
    expect(r.kind === 'exact' && r.slot.staffId).toBe('ben');
  });

  it('validates wishes coming from a language model', () => {
    expect(slotWishSchema.safeParse({ kind: 'day', date: '2026-03-11', partOfDay: 'afternoon' }).success).toBe(true);
    expect(slotWishSchema.safeParse({ kind: 'exact', date: '2026-03-11' }).success).toBe(false);
    expect(slotWishSchema.safeParse({ kind: 'day', date: 'tomorrow' }).success).toBe(false);
  });
});
