// Invariant: dates and times as round-5 callers around the world said them mean what a receptionist there
// would take from them: "12/5" is the 12th of May where the business writes the day first and December 5th
// in North America (a number above 12 decides either way); short weekdays ("this sat", "thurs", "fri arvo")
// are weekdays, but "I sat down" and "the sun" are not; "first" that ranks something ("whoever's free
// first", "the first evening one", "just a second") is no day of a month.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, type TimeWish } from './index.js';

const business = (timezone: string): BusinessProfile => ({
  name: 'Corner Studio',
  timezone,
  hours: {
    mon: [['08:00', '18:00']],
    tue: [['08:00', '18:00']],
    wed: [['08:00', '18:00']],
    thu: [['08:00', '18:00']],
    fri: [['08:00', '18:00']],
    sat: [['09:00', '17:00']],
  },
  services: [{ name: 'Session', durationMin: 45 }],
});

// each clock is given in UTC; the comment is the business's local time
const places = {
  // Monday 2026-05-04, 09:00 in Perth
  perth: { tz: 'Australia/Perth', now: '2026-05-04T01:00:00Z' },
  // Monday 2026-05-04, 10:00 in London
  london: { tz: 'Europe/London', now: '2026-05-04T09:00:00Z' },
  // Monday 2026-05-04, 09:00 in Toronto
  toronto: { tz: 'America/Toronto', now: '2026-05-04T13:00:00Z' },
  // Wednesday 2026-08-05, 20:00 in Singapore: "this sat" is the 8th
  singapore: { tz: 'Asia/Singapore', now: '2026-08-05T12:00:00Z' },
  // Monday 2026-09-14, 19:30 in Singapore: tomorrow is the 15th, "the first" October 1st
  singaporeSep: { tz: 'Asia/Singapore', now: '2026-09-14T11:30:00Z' },
};
type Place = keyof typeof places;
const nlus = new Map<string, ReturnType<typeof createNlu>>();
const when = (place: Place, text: string): TimeWish | undefined => {
  const { tz, now } = places[place];
  if (!nlus.has(tz)) nlus.set(tz, createNlu(business(tz)));
  return nlus.get(tz)!.understand(text, new Date(now)).when;
};

describe('numeric dates in the order the business writes them', () => {
  it.each<[Place, string, TimeWish]>([
    [
      'perth',
      "Hi, can I book a remedial massage for 12/5 at 4pm please? With Liam if he's free.",
      { date: '2026-05-12', time: '16:00' },
    ],
    ['perth', 'is 5/6 any good', { date: '2026-06-05' }],
    ['london', 'could I come in on 9/5', { date: '2026-05-09' }],
    ['london', 'what about 25/12', { date: '2026-12-25' }],
    ['london', 'or 12/25 if not', { date: '2026-12-25' }],
    ['toronto', 'can I come in 12/5', { date: '2026-12-05' }],
    ['toronto', 'how about 5/6', { date: '2026-05-06' }],
    ['toronto', 'maybe 25/12', { date: '2026-12-25' }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toMatchObject(wish);
  });
});

describe('weekdays said short', () => {
  it.each<[string, TimeWish]>([
    ['hi can book facial this sat 11am or not?', { date: '2026-08-08', time: '11:00' }],
    ['sat morning can?', { date: '2026-08-08', partOfDay: 'morning' }],
    ['thurs at 3', { date: '2026-08-06', time: '15:00' }],
    ['weds please', { date: '2026-08-12' }],
    ['tues would suit', { date: '2026-08-11' }],
    ['fri arvo if you have it', { date: '2026-08-07', partOfDay: 'afternoon' }],
    ['next mon', { date: '2026-08-10' }],
    ['wed 2pm', { date: '2026-08-12', time: '14:00' }],
    ['on sun', { date: '2026-08-09' }],
    ['sat or sun', { range: { from: '2026-08-08', to: '2026-08-09' } }],
  ])('%s', (text, wish) => {
    expect(when('singapore', text)).toMatchObject(wish);
  });

  it.each(['I sat down with my sister about it', 'the sun is out so no rush', "c'mon, I've been waiting ages"])(
    'a word that only looks like a weekday is none: %s',
    (text) => {
      expect(when('singapore', text)?.date).toBeUndefined();
    },
  );
});

describe('"first" that ranks something is no day of a month', () => {
  it.each<[string, TimeWish]>([
    [
      "Hi, haircut tomorrow morning please, whoever's free first.",
      { date: '2026-09-15', partOfDay: 'morning', earliest: true },
    ],
    ["whichever's first is fine", { earliest: true }],
    ["whatever's first", { earliest: true }],
    ['Whatever the first evening one is, please.', { partOfDay: 'evening', earliest: true }],
    ['whoever can see me first tomorrow', { date: '2026-09-15', earliest: true }],
  ])('%s', (text, wish) => {
    const got = when('singaporeSep', text);
    expect(got).toMatchObject(wish);
    if (!wish.date) expect(got?.date).toBeUndefined();
  });

  it.each(['hang on a second', 'first come first served I suppose', 'the second morning slot'])(
    'no date: %s',
    (text) => {
      expect(when('singaporeSep', text)?.date).toBeUndefined();
    },
  );

  it.each<[string, string]>([
    ['can I come on the first', '2026-10-01'],
    ['the first of next month', '2026-10-01'],
    ['Thursday the first', '2026-10-01'],
    ['the second, please', '2026-10-02'],
    ['the 21st', '2026-09-21'],
  ])('a day of the month still: %s', (text, date) => {
    expect(when('singaporeSep', text)?.date).toBe(date);
  });
});
