// Invariant: outbound calls happen only inside the business's local calling window, across DST changes, and the next opening is the first local opening after now.
import { describe, expect, it } from 'vitest';
import { isWithinWindow, nextWindowOpening } from './calling-window.js';
import { DEFAULT_CALLING_WINDOW } from './settings.js';
import { isAllowedOrigin, normalizeOrigin } from './origins.js';

const TZ = 'America/Chicago';
const WEEKDAYS = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '09:00', to: '17:00' };

describe('calling window', () => {
  it('9:00–20:00 local by default: 8:59 and 20:00 are outside, 9:00 and 19:59 inside', () => {
    // 10 March 2026 is after the US DST change (CDT, UTC-5).
    expect(isWithinWindow(DEFAULT_CALLING_WINDOW, new Date('2026-03-10T13:59:00Z'), TZ)).toBe(false);
    expect(isWithinWindow(DEFAULT_CALLING_WINDOW, new Date('2026-03-10T14:00:00Z'), TZ)).toBe(true);
    expect(isWithinWindow(DEFAULT_CALLING_WINDOW, new Date('2026-03-11T00:59:00Z'), TZ)).toBe(true);
    expect(isWithinWindow(DEFAULT_CALLING_WINDOW, new Date('2026-03-11T01:00:00Z'), TZ)).toBe(false);
    // Before DST (CST, UTC-6) the same local 9:00 is 15:00 UTC.
    expect(isWithinWindow(DEFAULT_CALLING_WINDOW, new Date('2026-03-06T14:30:00Z'), TZ)).toBe(false);
    expect(isWithinWindow(DEFAULT_CALLING_WINDOW, new Date('2026-03-06T15:00:00Z'), TZ)).toBe(true);
  });

  it('skips days outside the window: Friday evening opens again on Monday 9:00 local', () => {
    const w = { ...WEEKDAYS, days: [...WEEKDAYS.days] };
    expect(isWithinWindow(w, new Date('2026-03-14T16:00:00Z'), TZ)).toBe(false); // Saturday 11:00
    expect(nextWindowOpening(w, new Date('2026-03-13T23:30:00Z'), TZ)?.toISOString()).toBe('2026-03-16T14:00:00.000Z');
    const inside = new Date('2026-03-16T15:00:00Z');
    expect(nextWindowOpening(w, inside, TZ)).toBe(inside);
    expect(nextWindowOpening({ days: [], from: '09:00', to: '17:00' }, inside, TZ)).toBeNull();
  });
});

describe('widget origins', () => {
  it('normalises what people type and refuses paths, other schemes and credentials', () => {
    expect(normalizeOrigin('https://Bella.Example/')).toBe('https://bella.example');
    expect(normalizeOrigin('https://bella.example:443')).toBe('https://bella.example');
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    for (const bad of [
      'https://bella.example/shop',
      'ftp://bella.example',
      'bella.example',
      'https://u:p@bella.example',
      'https://bella.example?x=1',
    ]) {
      expect(normalizeOrigin(bad), bad).toBeNull();
    }
  });
  it('matches exactly: no subdomains, no other scheme or port, never the opaque "null" origin', () => {
    const allowed = ['https://bella.example'];
    expect(isAllowedOrigin('https://bella.example', allowed)).toBe(true);
    expect(isAllowedOrigin('https://shop.bella.example', allowed)).toBe(false);
    expect(isAllowedOrigin('http://bella.example', allowed)).toBe(false);
    expect(isAllowedOrigin('https://bella.example:8443', allowed)).toBe(false);
    expect(isAllowedOrigin('null', allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(false);
  });
});
