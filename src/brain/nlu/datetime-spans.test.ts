// Invariant: a caller who bounds the days they can come ("the first week of January", "between the 14th
// and the 18th", "any time after the 15th", "I'm away over Christmas, after that is fine") gets a span of
// days to search, not a single day they never asked for; a move ("from Tuesday to Thursday") still
// names where it goes, and "like 2" is two o'clock. Any time zone, across the turn of the year.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, type TimeWish } from './index.js';

const business = (timezone: string): BusinessProfile => ({
  name: 'Harbour Physio',
  timezone,
  hours: {
    mon: [['08:00', '18:00']],
    tue: [['08:00', '18:00']],
    wed: [['08:00', '18:00']],
    thu: [['08:00', '18:00']],
    fri: [['08:00', '16:00']],
  },
  holidays: ['2027-01-01'],
  services: [{ name: 'Assessment', durationMin: 45 }],
});

// each clock is given in UTC; the comment is the business's local time
const places = {
  // Wednesday 2026-12-09, 09:00 in Chicago
  chicago: { tz: 'America/Chicago', now: '2026-12-09T15:00:00Z' },
  // Thursday 2026-12-31, 23:30 on Kiritimati (UTC+14; the UTC clock still says 09:30): next month is January
  kiritimati: { tz: 'Pacific/Kiritimati', now: '2026-12-31T09:30:00Z' },
  // Monday 2027-03-15, 10:00 in Sydney: the middle of March is today
  sydney: { tz: 'Australia/Sydney', now: '2027-03-14T23:00:00Z' },
};
type Place = keyof typeof places;
const nlus = new Map<string, ReturnType<typeof createNlu>>();
const when = (place: Place, text: string): TimeWish | undefined => {
  const { tz, now } = places[place];
  if (!nlus.has(tz)) nlus.set(tz, createNlu(business(tz)));
  return nlus.get(tz)!.understand(text, new Date(now)).when;
};
const range = (from: string, to: string) => ({ range: { from, to } });

describe('parts of a month', () => {
  it.each<[Place, string, TimeWish]>([
    ['chicago', 'could I come in sometime the first week of January', range('2027-01-01', '2027-01-07')],
    ['chicago', 'the 2nd week of january would suit me', range('2027-01-08', '2027-01-14')],
    ['chicago', 'any day in the last week of January', range('2027-01-25', '2027-01-31')],
    ['chicago', 'early January, mornings', { ...range('2027-01-01', '2027-01-10'), partOfDay: 'morning' }],
    ['chicago', 'mid-January if you can', range('2027-01-11', '2027-01-20')],
    ['chicago', 'the middle of next month', range('2027-01-11', '2027-01-20')],
    ['chicago', 'late February', range('2027-02-21', '2027-02-28')],
    ['chicago', 'sometime in February', range('2027-02-01', '2027-02-28')],
    ['chicago', 'the beginning of next month', range('2027-01-01', '2027-01-10')],
    ['kiritimati', 'the first week of next month', range('2027-01-01', '2027-01-07')],
    ['kiritimati', 'early January', range('2027-01-01', '2027-01-10')],
    // the part of the month already behind is not offered
    ['sydney', 'mid March', range('2027-03-15', '2027-03-20')],
    ['sydney', 'the 2nd week of march', range('2028-03-08', '2028-03-14')],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it('a day of the month still names that day, and "the last Friday in June" its Friday', () => {
    expect(when('chicago', 'January 15 at 10')).toEqual({ date: '2027-01-15', time: '10:00' });
    expect(when('chicago', 'the last friday in june')).toEqual({ date: '2027-06-25' });
    expect(when('chicago', 'the end of the month')).toEqual(range('2026-12-25', '2026-12-31'));
  });
});

describe('two days joined into a span', () => {
  it.each<[Place, string, TimeWish]>([
    ['chicago', 'any day between the 14th and the 18th', range('2026-12-14', '2026-12-18')],
    ['chicago', 'Monday to Wednesday', range('2026-12-14', '2026-12-16')],
    // a weekday that ends the span is the first one after its start (Thursday the 10th is before Tuesday)
    ['chicago', 'any day from Tuesday to Thursday', range('2026-12-15', '2026-12-17')],
    ['chicago', 'Tuesday or Wednesday morning', { ...range('2026-12-15', '2026-12-16'), partOfDay: 'morning' }],
    ['chicago', 'Monday, Tuesday or Wednesday at 3', { ...range('2026-12-14', '2026-12-16'), time: '15:00' }],
    ['chicago', 'the 14th-16th', range('2026-12-14', '2026-12-16')],
    ['chicago', 'the week of the 14th', range('2026-12-14', '2026-12-20')],
    ['chicago', 'the week of January 11', range('2027-01-11', '2027-01-17')],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string, TimeWish]>([
    // a move names where it goes
    ['chicago', 'can you move it from Tuesday to Thursday', { date: '2026-12-10' }],
    ['chicago', 'change it from the 14th to the 18th', { date: '2026-12-18' }],
    // a correction is no span
    ['chicago', 'Tuesday, or actually Wednesday', { date: '2026-12-16' }],
    ['chicago', 'Monday, I mean Tuesday', { date: '2026-12-15' }],
    ['chicago', 'Friday, Saturday', { date: '2026-12-12' }],
  ])('%s: "%s" names one day', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe('a day with a bound', () => {
  it.each<[Place, string, TimeWish]>([
    ['chicago', 'any time after the 15th', range('2026-12-16', '2026-12-29')],
    ['chicago', "I'm away until the 20th", range('2026-12-21', '2027-01-03')],
    ['chicago', "we're out of town till Sunday", range('2026-12-14', '2026-12-27')],
    ['chicago', 'not before the 20th', range('2026-12-20', '2027-01-02')],
    ['chicago', 'before Friday please', range('2026-12-09', '2026-12-10')],
    ['chicago', 'no later than the 18th', range('2026-12-09', '2026-12-18')],
    ['chicago', 'from Monday on', range('2026-12-14', '2026-12-27')],
    ['chicago', 'starting January 4', range('2027-01-04', '2027-01-17')],
    ['chicago', "I'm away over Christmas, any time after that is fine", range('2026-12-26', '2027-01-08')],
    ['chicago', 'not this week, after that works', range('2026-12-14', '2026-12-27')],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string, TimeWish]>([
    ['chicago', 'can it be fixed by Saturday', { date: '2026-12-12' }],
    ['chicago', 'can I drop by Friday', { date: '2026-12-11' }],
    ['chicago', 'the day after tomorrow', { date: '2026-12-11' }],
    // with no day before it in the turn, the dialog may read it against the day talked about (weekdayAfter)
    ['chicago', 'the Friday after that', { date: '2026-12-18', weekdayAfter: 5 }],
  ])('%s: "%s" stays a day', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe('"like" before an hour', () => {
  it.each<[string, TimeWish | undefined]>([
    ['like 2?', { time: '14:00' }],
    ['could I come like 2 tomorrow', { date: '2026-12-10', time: '14:00' }],
    ['uh like 4 maybe', { time: '16:00' }],
    ["I'd like 2 appointments", undefined],
    ['I would like 2 haircuts tomorrow', { date: '2026-12-10' }],
    ['something like 3 people', undefined],
  ])('"%s"', (text, wish) => {
    expect(when('chicago', text)).toEqual(wish);
  });
});

describe('"the guitar one" is a thing named, not one o\'clock', () => {
  it.each<[string, TimeWish | undefined]>([
    ['the guitar one, please, same time on friday', { date: '2026-12-11', sameTime: true }],
    ['the red one works', undefined],
    ['the appointment at one please', { time: '13:00' }],
    ['make it one', { time: '13:00' }],
  ])('"%s"', (text, wish) => {
    expect(when('chicago', text)).toEqual(wish);
  });
});

describe('busy until a time: free after it', () => {
  it.each<[string, TimeWish | undefined]>([
    ["he's at school till half three. Have you got anything after 4?", { after: '16:00' }],
    ["I'm at work till 5", { after: '17:00' }],
    ["I'm in class until 3:30 tomorrow", { date: '2026-12-10', after: '15:30' }],
    ['can you do Tuesday until 3', { date: '2026-12-15', before: '15:00' }],
  ])('"%s"', (text, wish) => {
    expect(when('chicago', text)).toEqual(wish);
  });
});
