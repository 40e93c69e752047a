// Invariant: date and time phrases that outside testers found misread mean what a receptionist would
// take from them, in any business's time zone and on any day: the nth weekday of a month, loose and
// regional times, and words that only look like dates (a school grade, a day in the past) are no wish.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, type TimeWish } from './index.js';

const business = (name: string, timezone: string): BusinessProfile => ({
  name,
  timezone,
  hours: {
    mon: [['09:00', '19:00']],
    tue: [['09:00', '19:00']],
    wed: [['09:00', '19:00']],
    thu: [['09:00', '19:00']],
    fri: [['09:00', '19:00']],
    sat: [['09:00', '13:00']],
  },
  services: [{ name: 'Session', durationMin: 60 }],
});

// each clock is given in UTC; the comment is the business's local time
const places = {
  // Wednesday 2026-05-20, 09:00 in Los Angeles
  tutoring: { nlu: createNlu(business('Bright Minds Tutoring', 'America/Los_Angeles')), now: '2026-05-20T16:00:00Z' },
  // Sunday 2026-05-31, 10:00 in Los Angeles: the month's last Saturday was yesterday
  tutoringMonthEnd: {
    nlu: createNlu(business('Bright Minds Tutoring', 'America/Los_Angeles')),
    now: '2026-05-31T17:00:00Z',
  },
  // Wednesday 2026-07-01, 10:00 in Phoenix (no daylight saving)
  cleaning: { nlu: createNlu(business('Sparkle Home Cleaning', 'America/Phoenix')), now: '2026-07-01T17:00:00Z' },
  // Monday 2026-04-27, 09:40 in Denver
  physio: { nlu: createNlu(business('Lakeside Physiotherapy', 'America/Denver')), now: '2026-04-27T15:40:00Z' },
  // Tuesday 2026-09-08, 10:00 in Chicago
  piano: { nlu: createNlu(business('Keys & Chords Piano Studio', 'America/Chicago')), now: '2026-09-08T15:00:00Z' },
  // Monday 2026-02-02, 11:30 in Brisbane (the UTC clock still says Monday 01:30)
  pools: { nlu: createNlu(business('Brightwater Pool Care', 'Australia/Brisbane')), now: '2026-02-02T01:30:00Z' },
  // Tuesday 2026-02-10, 10:00 in London
  london: { nlu: createNlu(business('Mayfair Massage', 'Europe/London')), now: '2026-02-10T10:00:00Z' },
  // Tuesday 2026-12-15, 10:00 in Chicago: next month is in the next year
  december: { nlu: createNlu(business('Sam Auto', 'America/Chicago')), now: '2026-12-15T16:00:00Z' },
};
type Place = keyof typeof places;
const when = (place: Place, text: string): TimeWish | undefined =>
  places[place].nlu.understand(text, new Date(places[place].now)).when;

describe('the nth weekday of a month', () => {
  it.each<[Place, string, string]>([
    ['tutoring', 'the last saturday of the month', '2026-05-30'],
    ['tutoring', 'do you have sat prep with priya the last saturday of the month, around ten?', '2026-05-30'],
    ['tutoring', "i'd like the very last saturday in the month", '2026-05-30'],
    ['tutoring', 'can we do the final thursday of the month', '2026-05-28'],
    ['tutoring', 'end of the month, like the last friday', '2026-05-29'],
    ['tutoring', 'the last friday, end of the month', '2026-05-29'],
    ['tutoring', 'the last friday in june', '2026-06-26'],
    ['tutoring', 'last friday of june at 10', '2026-06-26'],
    ['tutoring', 'the first monday of next month', '2026-06-01'],
    ['tutoring', 'the second tuesday of july', '2026-07-14'],
    ['tutoring', '3rd wednesday of next month', '2026-06-17'],
    ['tutoringMonthEnd', 'the last saturday of the month', '2026-06-27'],
    ['cleaning', 'yeah can we push the deep clean to the end of the month, like the last friday?', '2026-07-31'],
    ['cleaning', 'the last friday in june', '2027-06-25'],
    ['london', 'the last thursday of the month', '2026-02-26'],
    ['london', 'first monday in march please', '2026-03-02'],
    ['december', 'the first monday of next month', '2027-01-04'],
    ['december', 'the last saturday of the month, in the morning', '2026-12-26'],
  ])('%s: "%s" → %s', (place, text, date) => {
    expect(when(place, text)?.date).toBe(date);
  });

  it('keeps the hour said with it', () => {
    expect(when('tutoring', 'the last saturday of the month, around ten')).toMatchObject({
      date: '2026-05-30',
      time: '10:00',
    });
  });

  it('"end of the month" alone is its last week', () => {
    expect(when('tutoring', 'sometime at the end of the month')?.range).toEqual({
      from: '2026-05-25',
      to: '2026-05-31',
    });
    expect(when('cleaning', 'end of next month')?.range).toEqual({ from: '2026-08-25', to: '2026-08-31' });
  });

  it.each<[Place, string, string]>([
    ['tutoring', 'the 1st', '2026-06-01'],
    ['tutoring', 'the first of next month', '2026-06-01'],
    ['tutoring', 'the first monday', '2026-05-25'],
    ['tutoring', 'next friday', '2026-05-29'],
    ['tutoring', 'saturday', '2026-05-23'],
    ['tutoring', 'not this saturday, the one after', '2026-05-30'],
    ['tutoring', 'june 8th', '2026-06-08'],
    ['tutoring', 'on the 8th at 3', '2026-06-08'],
  ])('unchanged: %s "%s" → %s', (place, text, date) => {
    expect(when(place, text)?.date).toBe(date);
  });
});

describe('loose and regional times', () => {
  it.each<[Place, string, TimeWish]>([
    ['physio', 'two thirty-ish', { time: '14:30' }],
    [
      'physio',
      "could i get in for dry needling on friday, not with tom though, i'd rather have sarah. two thirty-ish?",
      { date: '2026-05-01', time: '14:30' },
    ],
    ['physio', '2:30ish on thursday', { date: '2026-04-30', time: '14:30' }],
    ['physio', 'around sixish', { time: '18:00' }],
    ['physio', 'noonish tomorrow', { date: '2026-04-28', time: '12:00' }],
    ['piano', 'like four-ish', { time: '16:00' }],
    [
      'piano',
      'can i book an hour lesson with elena thursday, quarter past seven in the evening?',
      { date: '2026-09-10', time: '19:15' },
    ],
    ['piano', 'twenty past seven in the evening', { time: '19:20' }],
    ['piano', 'half past seven in the evening', { time: '19:30' }],
    ['piano', 'quarter to eight in the evening', { time: '19:45' }],
    ['piano', 'quarter past nine in the morning', { time: '09:15' }],
    ['pools', 'could I get someone out thursday arvo?', { date: '2026-02-05', partOfDay: 'afternoon' }],
    ['pools', 'friday arvo', { date: '2026-02-06', partOfDay: 'afternoon' }],
    ['pools', 'this arvo if you can', { date: '2026-02-02', partOfDay: 'afternoon' }],
    ['pools', 'tomorrow arvo around 2', { date: '2026-02-03', time: '14:00' }],
    ['london', 'half five', { time: '17:30' }],
    ['london', 'after half five today', { date: '2026-02-10', after: '17:30' }],
    ['london', 'at half nine on thursday', { date: '2026-02-12', time: '09:30' }],
    ['london', 'half seven in the evening', { time: '19:30' }],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it('an exact time said with a vague part of the day it falls outside keeps the time', () => {
    const now = '2026-05-27T21:15:00Z'; // Wednesday 14:15 in Los Angeles
    const read = (text: string) => places.tutoring.nlu.understand(text, new Date(now)).when;
    expect(read('tomorrow, early evening if possible, maybe around six?')).toEqual({
      date: '2026-05-28',
      time: '18:00',
    });
    expect(read('early evening, around 7')).toEqual({ time: '19:00' });
    // a time inside the bound keeps both; a bound alone stays a bound
    expect(read('late afternoon, around 4')).toEqual({ after: '15:00', time: '16:00' });
    expect(read('tomorrow, early evening')).toEqual({ date: '2026-05-28', partOfDay: 'evening', before: '18:00' });
    expect(read('after 5, say 6')).toEqual({ after: '17:00', time: '18:00' });
  });
});

describe('words that are not date wishes', () => {
  it.each<[Place, string]>([
    ['tutoring', "hi, i'd like to set up math tutoring for my daughter, she's in eighth grade"],
    ['tutoring', 'my son is in the 3rd grade'],
    ['tutoring', "we're on the second floor"],
    ['tutoring', "it's for her sixteenth birthday"],
    ['tutoring', 'our tenth anniversary'],
    ['tutoring', 'he came third place'],
    ['physio', 'hi i need to book an assessment for my son jake, he rolled his ankle at soccer on saturday'],
    ['physio', 'on saturday he rolled his ankle'],
    ['physio', 'last saturday he fell off his bike'],
    ['physio', 'he hurt his back at work on saturday morning'],
    ['physio', "my knee's been sore since monday"],
    ['physio', 'she twisted it over the weekend'],
    ['physio', 'it started hurting this morning'],
  ])('%s: "%s" has no date', (place, text) => {
    const w = when(place, text);
    expect(w?.date).toBeUndefined();
    expect(w?.range).toBeUndefined();
    expect(w?.partOfDay).toBeUndefined();
  });

  it.each<[Place, string, string]>([
    ['physio', 'he rolled his ankle on saturday, can he come in wednesday', '2026-04-29'],
    ['physio', 'rolled his ankle on saturday can i come in wednesday', '2026-04-29'],
    ['physio', 'last saturday he fell, is thursday possible', '2026-04-30'],
    ['tutoring', "he's in 3rd grade and needs help on tuesday", '2026-05-26'],
    // a request, the present or the booking itself keeps the day
    ['physio', 'can i come in saturday', '2026-05-02'],
    ['physio', 'is saturday ok', '2026-05-02'],
    ['physio', 'saturday works', '2026-05-02'],
    ['physio', 'saturday at 10, he hurt his back', '2026-05-02'],
    ['physio', 'i need to come in on saturday', '2026-05-02'],
    ['physio', 'could i get it looked at on saturday', '2026-05-02'],
    ['physio', 'can it be fixed by saturday', '2026-05-02'],
    ['piano', 'I need my upright piano tuned Thursday at 10am', '2026-09-10'],
    ['physio', "i'd like it looked at on saturday", '2026-05-02'],
    ['physio', 'i was hoping for saturday', '2026-05-02'],
    ['physio', 'i booked for saturday, can you confirm', '2026-05-02'],
    ['physio', 'you mentioned saturday, is that still open', '2026-05-02'],
    ['physio', 'the last saturday of the month', '2026-05-30'],
    ['tutoring', 'the 8th', '2026-06-08'],
  ])('%s: "%s" → %s', (place, text, date) => {
    expect(when(place, text)?.date).toBe(date);
  });
});
