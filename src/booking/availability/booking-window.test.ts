// Invariant: a same-day request exactly at now + notice is bookable, whatever the seconds on the clock.
import { describe, expect, it } from 'vitest';
import { bookingWindow } from './booking-window.js';

describe('booking window', () => {
  it('counts notice in whole minutes of the clock, never before now', () => {
    const now = new Date('2027-01-13T21:00:20Z');
    const w = bookingWindow(now, 60, 30, 'America/Denver');
    expect(new Date(w.earliest).toISOString()).toBe('2027-01-13T22:00:00.000Z');
    expect(bookingWindow(now, 0, 30, 'America/Denver').earliest).toBe(now.getTime());
  });
});
