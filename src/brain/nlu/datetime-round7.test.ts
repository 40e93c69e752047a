// Invariant: a day the caller says they are taken ("today I'm stuck at work", "I'm working all day tomorrow",
// "Friday I'm away") is not the day wished for when another day is named beside it; said alone ("I'm at work
// today, can you do 6?") it is still the day asked about.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu } from './index.js';

const business: BusinessProfile = {
  name: 'Corner Studio',
  timezone: 'America/Chicago',
  hours: {
    mon: [['07:00', '18:00']],
    tue: [['07:00', '18:00']],
    wed: [['07:00', '18:00']],
    thu: [['07:00', '18:00']],
    fri: [['07:00', '18:00']],
  },
  services: [{ name: 'Session', durationMin: 45 }],
};
// Wednesday 2027-03-10, 09:00 in Chicago
const NOW = new Date('2027-03-10T15:00:00Z');
const nlu = createNlu(business);
const when = (text: string) => nlu.understand(text, NOW).when;

describe('a day the caller is taken is not the day wished for', () => {
  it.each([
    ["Tomorrow morning would be ideal, today I'm stuck at work.", '2027-03-11'],
    [
      "I'm booked Friday at four, anything earlier? Tomorrow morning would be ideal, today I'm stuck at work.",
      '2027-03-11',
    ],
    ["I'm working all day tomorrow so Friday at 3?", '2027-03-12'],
    ["Friday I'm away, Monday then", '2027-03-15'],
    ["today's no good, I'm tied up today, how about Thursday", '2027-03-11'],
  ])('"%s" is %s', (text, date) => {
    expect(when(text)?.date).toBe(date);
  });

  it('"I\'m at work today, can you do 6?" still asks about today', () => {
    expect(when("I'm at work today, can you do 6?")).toMatchObject({ date: '2027-03-10', time: '18:00' });
  });
});
