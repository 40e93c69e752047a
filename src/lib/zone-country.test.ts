// Invariant: a business's zone names its country, and with it how "3/4" is read.
import { describe, expect, it } from 'vitest';
import { writesDayFirst, zoneCountry } from './zone-country.js';

describe('the country of a time zone', () => {
  it.each([
    ['Asia/Singapore', 'SG'],
    ['Europe/Berlin', 'DE'],
    ['Europe/Copenhagen', 'DK'],
    ['Asia/Tokyo', 'JP'],
    ['America/Toronto', 'CA'],
    ['Australia/Perth', 'AU'],
    ['America/Chicago', 'US'],
    ['UTC', undefined],
  ])('%s → %s', (zone, country) => {
    expect(zoneCountry(zone)).toBe(country);
  });

  it('reads day first outside North America and the Philippines', () => {
    expect(writesDayFirst('Australia/Perth')).toBe(true);
    expect(writesDayFirst('Europe/London')).toBe(true);
    expect(writesDayFirst('America/New_York')).toBe(false);
    expect(writesDayFirst('America/Vancouver')).toBe(false);
    expect(writesDayFirst('Asia/Manila')).toBe(false);
    expect(writesDayFirst('UTC')).toBe(false);
  });
});
