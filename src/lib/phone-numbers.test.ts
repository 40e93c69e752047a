// Invariant: one rule says what a phone number is, for the API, the booking commands, notifications and the
// brain; numbers set aside for drama (07700 900xxx, 555-01xx) are numbers, and near-misses are not.
import { describe, expect, it } from 'vitest';
import { phoneE164 } from './phone-numbers.js';

describe('phoneE164', () => {
  it.each([
    ['07700 900123', 'GB', '+447700900123'],
    ['+44 7700 900456', undefined, '+447700900456'],
    ['01632 960123', 'GB', '+441632960123'],
    ['(312) 555-0142', 'US', '+13125550142'],
    ['020 7946 0018', 'GB', '+442079460018'],
  ])('%s (%s) is %s', (raw, country, e164) => {
    expect(phoneE164(raw, country)).toBe(e164);
  });

  it.each([
    ['07700 90012', 'GB'],
    ['07700 9001234', 'GB'],
    ['123', 'US'],
    ['x'.repeat(41), 'US'],
  ])('%s (%s) is not a number', (raw, country) => {
    expect(phoneE164(raw, country)).toBeUndefined();
  });
});
