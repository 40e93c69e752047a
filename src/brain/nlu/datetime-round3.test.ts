// Invariant: holidays, week phrases, time bounds, ruled-out weekdays and a speech recogniser's spelling of
// an hour mean what a receptionist would take from them, in any business's time zone and on any day,
// across the turn of the year; ordinary words that only look like them ("Christmas shopping", "for two
// people", "Tuesday but Wednesday is better") are not read as them.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, type TimeWish } from './index.js';

const business = (timezone: string): BusinessProfile => ({
  name: 'Corner Studio',
  timezone,
  hours: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
    sat: [['09:00', '13:00']],
  },
  // closed on the holidays: the day is still the one the caller named
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
  services: [{ name: 'Session', durationMin: 60 }],
});

// each clock is given in UTC; the comment is the business's local time
const places = {
  // Sunday 2026-12-20, 16:00 in Phoenix
  phoenix: { tz: 'America/Phoenix', now: '2026-12-20T23:00:00Z' },
  // Monday 2026-12-21, 10:05 in Chicago
  chicago: { tz: 'America/Chicago', now: '2026-12-21T16:05:00Z' },
  // Sunday 2026-12-27, 11:30 in Phoenix: New Year's Eve is this week, New Year's Day next year
  phoenixLate: { tz: 'America/Phoenix', now: '2026-12-27T18:30:00Z' },
  // Friday 2026-12-18, 20:15 in London
  london: { tz: 'Europe/London', now: '2026-12-18T20:15:00Z' },
  // Monday 2026-12-28, 09:00 in London: Christmas is behind, New Year ahead
  londonAfter: { tz: 'Europe/London', now: '2026-12-28T09:00:00Z' },
  // Tuesday 2026-12-22, 21:30 in Vancouver
  vancouver: { tz: 'America/Vancouver', now: '2026-12-23T05:30:00Z' },
  // Thursday 2026-12-31, 23:30 on Kiritimati (UTC+14; the UTC clock still says 09:30 that day)
  kiritimati: { tz: 'Pacific/Kiritimati', now: '2026-12-31T09:30:00Z' },
  // Friday 2027-01-01, 00:30 on Adak (UTC-10; the UTC clock says 10:30 that day)
  adak: { tz: 'America/Adak', now: '2027-01-01T10:30:00Z' },
  // Wednesday 2026-07-15, 10:00 in Sydney
  sydneyJuly: { tz: 'Australia/Sydney', now: '2026-07-15T00:00:00Z' },
  // Tuesday 2026-12-08, 14:20 in Denver
  denver: { tz: 'America/Denver', now: '2026-12-08T21:20:00Z' },
  // Wednesday 2026-12-09, 10:00 in Dublin
  dublin: { tz: 'Europe/Dublin', now: '2026-12-09T10:00:00Z' },
  // Friday 2026-12-11, 08:30 in Denver
  denverFri: { tz: 'America/Denver', now: '2026-12-11T15:30:00Z' },
  // Monday 2026-12-07, 10:15 in Sydney
  sydney: { tz: 'Australia/Sydney', now: '2026-12-06T23:15:00Z' },
  // Saturday 2026-12-12, 10:30 in Toronto
  toronto: { tz: 'America/Toronto', now: '2026-12-12T15:30:00Z' },
  // Thursday 2026-12-10, 11:00 in Denver
  denverThu: { tz: 'America/Denver', now: '2026-12-10T18:00:00Z' },
  // Tuesday 2026-12-22, 09:15 in Phoenix
  phoenixTue: { tz: 'America/Phoenix', now: '2026-12-22T16:15:00Z' },
};
type Place = keyof typeof places;
const nlus = new Map<string, ReturnType<typeof createNlu>>();
const when = (place: Place, text: string): TimeWish | undefined => {
  const { tz, now } = places[place];
  if (!nlus.has(tz)) nlus.set(tz, createNlu(business(tz)));
  return nlus.get(tz)!.understand(text, new Date(now)).when;
};

describe('holidays and the holiday season, across the turn of the year', () => {
  it.each<[Place, string, TimeWish]>([
    ['phoenix', 'Acrylic full set Christmas Eve morning please', { date: '2026-12-24', partOfDay: 'morning' }],
    // the business is closed that day; the day parsed is still Christmas Eve, so the agent can say so
    ['chicago', 'Can I come in for an adjustment Christmas Eve morning?', { date: '2026-12-24', partOfDay: 'morning' }],
    [
      'phoenixLate',
      "I wanna book two pedicures for me and my friend on New Year's Eve around 3",
      { date: '2026-12-31', time: '15:00' },
    ],
    ['phoenixLate', "New Year's Day", { date: '2027-01-01' }],
    ['phoenixLate', 'new years day at 10', { date: '2027-01-01', time: '10:00' }],
    ['chicago', 'Christmas Day', { date: '2026-12-25' }],
    ['chicago', 'on xmas', { date: '2026-12-25' }],
    ['chicago', 'boxing day', { date: '2026-12-26' }],
    ['chicago', 'the day after christmas', { date: '2026-12-26' }],
    ['chicago', "the tuesday after new year's", { date: '2027-01-05' }],
    ['chicago', "the thursday before new year's", { date: '2026-12-31' }],
    ['chicago', 'the week after christmas', { range: { from: '2026-12-28', to: '2027-01-03' } }],
    ['chicago', 'christmas week', { range: { from: '2026-12-21', to: '2026-12-27' } }],
    ['chicago', 'sometime before christmas', { range: { from: '2026-12-21', to: '2026-12-24' } }],
    ['chicago', 'can i stop by christmas eve', { date: '2026-12-24' }],
    [
      'london',
      'any chance of a beard trim between Christmas and New Year?',
      { range: { from: '2026-12-26', to: '2026-12-31' } },
    ],
    ['londonAfter', 'between christmas and new year', { range: { from: '2026-12-28', to: '2026-12-31' } }],
    [
      'london',
      "the earliest you've got after Christmas",
      { range: { from: '2026-12-26', to: '2027-01-08' }, earliest: true },
    ],
    // said after Christmas, "after Christmas" is this one, from today on, not next year's
    ['londonAfter', 'after christmas', { range: { from: '2026-12-28', to: '2027-01-08' } }],
    [
      'vancouver',
      "The first weekend after New Year's, Saturday or Sunday, whichever's free",
      { range: { from: '2027-01-02', to: '2027-01-03' } },
    ],
    ['vancouver', "the weekend after new year's", { range: { from: '2027-01-02', to: '2027-01-03' } }],
    [
      'vancouver',
      "sometime after New Year's, a weekend would be best",
      { range: { from: '2027-01-02', to: '2027-01-15' }, notWeekdays: [1, 2, 3, 4, 5] },
    ],
    ['vancouver', 'after the holidays', { range: { from: '2027-01-02', to: '2027-01-15' } }],
    ['vancouver', 'over the christmas break', { range: { from: '2026-12-24', to: '2027-01-01' } }],
    ['vancouver', 'early in the new year', { range: { from: '2027-01-01', to: '2027-01-14' } }],
    // the year turns at the business, not in UTC
    ['kiritimati', "new year's day", { date: '2027-01-01' }],
    ['kiritimati', "new year's eve", { date: '2026-12-31' }],
    ['adak', "new year's day", { date: '2027-01-01' }],
    ['adak', "new year's eve", { date: '2027-12-31' }],
    ['adak', 'after the holidays', { range: { from: '2027-01-02', to: '2027-01-15' } }],
    ['sydneyJuly', 'christmas eve', { date: '2026-12-24' }],
    ['sydneyJuly', 'after the christmas break', { range: { from: '2027-01-02', to: '2027-01-15' } }],
    ['sydneyJuly', "valentine's day", { date: '2027-02-14' }],
    ['sydneyJuly', 'halloween at 4', { date: '2026-10-31', time: '16:00' }],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string, TimeWish | undefined]>([
    ['chicago', "I'm free after Christmas shopping", undefined],
    ['chicago', 'I need a Halloween costume fitting on Friday', { date: '2026-12-25' }],
    ['chicago', 'happy new year! can I book for Tuesday', { date: '2026-12-22' }],
    ['chicago', "my new year's resolution is to get fit, can I come Wednesday", { date: '2026-12-23' }],
    ['chicago', 'the christmas party is friday, so thursday please', { date: '2026-12-24' }],
    // background in the past is no wish
    ['chicago', 'it started leaking on christmas eve', undefined],
    ['chicago', "since christmas it's been dripping", undefined],
    ['chicago', 'last christmas the pipe burst, can you come friday', { date: '2026-12-25' }],
    // someone's own holidays outside the season are no date
    ['sydneyJuly', 'after the holidays', undefined],
  ])('%s: "%s" names no holiday', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe('week phrases, and a weekday said with a week', () => {
  it.each<[Place, string, TimeWish]>([
    [
      'denver',
      'I would like to book a bike fitting the week after next',
      { range: { from: '2026-12-21', to: '2026-12-27' } },
    ],
    ['denver', 'The Tuesday of the week after next, in the afternoon', { date: '2026-12-22', partOfDay: 'afternoon' }],
    ['denver', 'the weekend after next', { range: { from: '2026-12-26', to: '2026-12-27' } }],
    ['dublin', "I'd like to book a lesson in a couple of weeks", { range: { from: '2026-12-21', to: '2026-12-27' } }],
    ['dublin', 'in a couple of weeks, Wednesday evening', { date: '2026-12-23', partOfDay: 'evening' }],
    ['dublin', 'a couple weeks from now', { range: { from: '2026-12-21', to: '2026-12-27' } }],
    // a past or a length is no week: the weekday said with it is the next one
    [
      'dublin',
      'I got a piece done a few weeks back, anything Thursday around two thirty',
      { date: '2026-12-10', time: '14:30' },
    ],
    // "in two weeks" is the day two weeks on; a weekday said with it is that week's
    ['denverFri', 'Tuesday in two weeks', { date: '2026-12-22' }],
    ['denverFri', 'in two weeks, Tuesday afternoon', { date: '2026-12-22', partOfDay: 'afternoon' }],
    [
      'sydney',
      'could someone come and have a look next week sometime? Tuesday morning would be good',
      { date: '2026-12-15', partOfDay: 'morning' },
    ],
    ['sydney', 'Tuesday or Wednesday next week', { range: { from: '2026-12-15', to: '2026-12-16' } }],
    // a correction is no choice: the later day counts
    ['sydney', 'next week, Tuesday, no wait, Thursday', { date: '2026-12-17' }],
    // Wednesday, between the two, was not asked for
    ['sydney', 'next week, Tuesday or Thursday', { range: { from: '2026-12-15', to: '2026-12-17' }, notWeekdays: [3] }],
    // said on a Saturday, "Saturday" with "this weekend" is today, not next week's
    ['toronto', 'this weekend, Saturday morning', { date: '2026-12-12', partOfDay: 'morning' }],
    // a week ruled out: the weekday after it
    ['sydney', 'not this week, Friday', { date: '2026-12-18' }],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string, TimeWish]>([
    ['denverFri', 'in two weeks', { date: '2026-12-25' }],
    ['sydney', 'a week from Tuesday', { date: '2026-12-15' }],
    ['sydney', 'next week on Monday at 10', { date: '2026-12-14', time: '10:00' }],
    ['sydney', 'the weekend or Monday', { date: '2026-12-14' }],
    ['sydney', 'friday after next', { date: '2026-12-18' }],
  ])('%s: "%s" keeps its reading', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe('earliest-time bounds and ruled-out weekdays', () => {
  it.each<[Place, string, TimeWish]>([
    [
      'toronto',
      'We just moved in and want the locks rekeyed, um, not before 10, on a weekday next week',
      { range: { from: '2026-12-14', to: '2026-12-20' }, after: '10:00', notWeekdays: [6, 7] },
    ],
    // "earliest" is the soonest opening; the bound is the time the caller can start
    ['toronto', "whatever's earliest, as long as it's 10 or later", { after: '10:00', earliest: true }],
    ['toronto', '10 or later', { after: '10:00' }],
    ['toronto', 'tomorrow, 10 am at the earliest', { date: '2026-12-13', after: '10:00' }],
    ['toronto', "I can't come before 10", { after: '10:00' }],
    ['toronto', 'not before noon', { after: '12:00' }],
    // a latest start that includes its own time
    ['toronto', '4 at the latest', { before: '16:01' }],
    ['toronto', 'not after 4', { before: '16:01' }],
    [
      'denverThu',
      'I need a tune-up sometime next week, any afternoon but Wednesday',
      { range: { from: '2026-12-14', to: '2026-12-20' }, partOfDay: 'afternoon', notWeekdays: [3] },
    ],
    ['denverThu', 'any day except Monday', { notWeekdays: [1] }],
    ['denverThu', 'anything but Mondays or Fridays', { notWeekdays: [1, 5] }],
    ['denverThu', 'next week, not Monday', { range: { from: '2026-12-14', to: '2026-12-20' }, notWeekdays: [1] }],
    ['denverThu', "I can't do Fridays, mornings are best", { partOfDay: 'morning', notWeekdays: [5] }],
    ['denverThu', 'weekdays only', { notWeekdays: [6, 7] }],
    ['denverThu', 'I work weekends so a weekday please', { notWeekdays: [6, 7] }],
    ['denverThu', 'no weekends', { notWeekdays: [6, 7] }],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string, TimeWish | undefined]>([
    ['denverThu', 'Tuesday but Wednesday would be better', { date: '2026-12-16' }],
    ['denverThu', 'not Monday, Tuesday at 3', { date: '2026-12-15', time: '15:00' }],
    ['denverThu', 'not monday', undefined],
    ['denverThu', 'what weekday is the 20th', { date: '2026-12-20' }],
    ['toronto', 'after 10 but before 2', { after: '10:00', before: '14:00' }],
    ['toronto', 'no earlier than 10', { after: '10:00' }],
    ['toronto', 'no later than 4', { before: '16:00' }],
  ])('%s: "%s" rules nothing out it did not say', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe("a speech recogniser's spelling of an hour", () => {
  it.each<[Place, string, TimeWish]>([
    ['denverFri', 'hi yeah i need a flat fixed today at for thirty', { date: '2026-12-11', time: '16:30' }],
    ['denverFri', 'today, for thirty in the afternoon', { date: '2026-12-11', time: '16:30' }],
    ['phoenixTue', 'hi can i get a pedicure on wednesday at to pm', { date: '2026-12-23', time: '14:00' }],
    ['phoenixTue', 'wednesday at to in the afternoon', { date: '2026-12-23', time: '14:00' }],
    ['phoenixTue', 'too thirty works', { time: '14:30' }],
    ['phoenixTue', "tomorrow at ate o'clock", { date: '2026-12-23', time: '08:00' }],
    ['phoenixTue', 'thursday at for', { date: '2026-12-24', time: '16:00' }],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string, TimeWish | undefined]>([
    ['phoenixTue', 'a pedicure for two people', undefined],
    ['phoenixTue', "I'd like two pedicures back to back for me and my sister", undefined],
    ['phoenixTue', 'can we do it for 10 in the morning', { time: '10:00' }],
    ['phoenixTue', 'book it for 10 pm', { time: '22:00' }],
    ['phoenixTue', 'at 4 for 30 minutes', { time: '16:00' }],
    ['phoenixTue', "it's too late for today, tomorrow at 2", { date: '2026-12-23', time: '14:00' }],
    ['phoenixTue', 'I need to be there by 5', { before: '17:00' }],
    // a window, its "to" no hour of its own
    ['phoenixTue', 'from 1 to 3', { after: '13:00', before: '15:00' }],
  ])('%s: "%s" is read as said', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe("the day of the caller's own event is background, not the day wished for", () => {
  it.each<[Place, string, TimeWish | undefined]>([
    ['dublin', 'actually, my test is next week, can we make it a pre-test lesson instead?', undefined],
    ['dublin', 'our wedding is on the 19th, can I come in on monday', { date: '2026-12-14' }],
    ['dublin', "my flight's on friday, could I come thursday morning", { date: '2026-12-10', partOfDay: 'morning' }],
    // the wish itself is still read
    [
      'dublin',
      'can I book a lesson next week, my test is in january',
      { range: { from: '2026-12-14', to: '2026-12-20' } },
    ],
  ])('%s: "%s"', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});
