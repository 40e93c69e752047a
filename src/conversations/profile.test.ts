// Invariant: a business reads and says its callers' numbers as people dial in its own country.
import { describe, expect, it } from 'vitest';
import { businessCountry } from './profile.js';

describe('the country a business dials from', () => {
  it.each([
    ['Europe/London', [], 'GB'],
    ['Australia/Perth', [], 'AU'],
    ['America/Mexico_City', [], 'MX'],
    ['America/Chicago', [], 'US'],
    // every zone of the table names its country ("0151 12345678" in Berlin is a German mobile)
    ['Europe/Berlin', [null, undefined], 'DE'],
    ['Asia/Singapore', [], 'SG'],
    ['Asia/Tokyo', ['+13125550100'], 'JP'],
    // a zone that says nothing about the country: the escalation number does
    ['UTC', ['+4930901820'], 'DE'],
    ['Etc/GMT+5', [null, undefined], 'US'],
  ] as Array<[string, Array<string | null | undefined>, string]>)('%s %j → %s', (zone, numbers, want) => {
    expect(businessCountry(zone, numbers)).toBe(want);
  });
});
