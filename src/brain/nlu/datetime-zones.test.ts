// Invariant: a time the caller says in their own zone ("3 o'clock my time, I'm in New York", "10am Perth time",
// "noon Eastern") is booked at that moment, in the business's clock; "your time", a time with no zone, and
// words that only look like places ("Christmas time") leave the time as said.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu } from './index.js';

const office = (timezone: string): BusinessProfile => ({
  name: 'Advisers',
  timezone,
  hours: { mon: [['09:00', '17:00']], wed: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  services: [{ name: 'Consultation', durationMin: 30 }],
});
// Monday 2027-02-22, 09:00 in Denver
const denver = (t: string) => createNlu(office('America/Denver')).understand(t, new Date('2027-02-22T16:00:00Z')).when;
// Monday 2027-02-08, 12:00 in Sydney
const sydney = (t: string) =>
  createNlu(office('Australia/Sydney')).understand(t, new Date('2027-02-08T01:00:00Z')).when;

describe("the caller's own time", () => {
  it.each([
    ["this Wednesday at 3 o'clock my time. I'm in New York.", '13:00'],
    ['Wednesday at 3, eastern time', '13:00'],
    ['wednesday at noon pacific', '12:00'],
    ['wednesday at 11 pacific time', '12:00'],
  ])('in Denver, "%s" is %s', (said, time) => {
    expect(denver(said)?.time).toBe(time);
  });

  it('in Sydney, "I\'m in Perth… Friday at 10am my time" is 1 PM, and the caller\'s own time is kept', () => {
    expect(sydney("Hi, I'm in Perth. Could I book Friday at 10am my time?")).toMatchObject({
      date: '2027-02-12',
      time: '13:00',
      callerTime: { time: '10:00', zone: 'Australia/Perth' },
    });
  });

  it.each([
    'Wednesday at 3 your time',
    'Wednesday at 3',
    'around christmas time at 3',
    "I'm in New York, Wednesday at 3",
  ])('"%s" stays at 3 PM', (said) => {
    expect(denver(said)?.time).toBe('15:00');
    expect(denver(said)?.callerTime).toBeUndefined();
  });
});
