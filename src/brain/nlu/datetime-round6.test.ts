// Invariant: clock times as a chat types them are the times meant: "3.30" (a dot for the colon), "945" and
// "330" where a time is being given ("945 is perfect", "anything 330 thurs"), "1500" and "13 hundred hours"
// (a 24-hour clock), "3p"; a price, a year, a count, a house number and a day-first date keep their digits.
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

describe('clock times as typed in a chat', () => {
  it.each([
    ['945 is perfect ty', '09:45'],
    ['ok 730 works', '07:30'],
    ['hi do u have anything 330 thurs', '15:30'],
    ['can i do 1500 on the 22nd', '15:00'],
    ['at 0930 please', '09:30'],
    ['tomorrow at 3.30', '15:30'],
    ['10.45 tomorrow?', '10:45'],
    ['mon 3p?', '15:00'],
    ['friday 11a', '11:00'],
    ['the 9th, thirteen hundred hours', '13:00'],
    ['1300 hours works', '13:00'],
    ['around 1230 if poss', '12:30'],
  ])('"%s" is %s', (said, time) => {
    expect(when(said)?.time).toBe(time);
  });

  it.each([
    'it costs $3.30 right?',
    'i was born in 1985',
    'my house is 945 elm street',
    'the 2027 model',
    'fifteen hundred dollars is too much',
    'we need 330 chairs',
  ])('"%s" holds no time', (said) => {
    expect(when(said)?.time).toBeUndefined();
  });
});
