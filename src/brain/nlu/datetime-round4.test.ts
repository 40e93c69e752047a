// Invariant: days and times as callers of Britain, Ireland, Australia and beyond say them on the phone mean
// what a receptionist would take from them: "a week Tuesday" and "a fortnight Monday" count from the coming
// weekday, Scots "the morra" is tomorrow, "end of the day" / "your last one" ask for the day's last opening,
// "after school" bounds the start, "at the four" is four o'clock, "quarter past's fine" gives minutes of the
// hour being discussed, and an hour said before its day ("eleven on the Tuesday's fine") is that hour.
// Ordinary words that only look like them ("at the end of the day, I just…", "one last thing", "for a
// fortnight", "the day after", "the 2 dogs") are not read as them.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, type TimeWish } from './index.js';
import { numbersToDigits } from './text.js';

const business = (timezone: string): BusinessProfile => ({
  name: 'Corner Studio',
  timezone,
  hours: {
    mon: [['08:00', '18:00']],
    tue: [['08:00', '18:00']],
    wed: [['08:00', '18:00']],
    thu: [['08:00', '18:00']],
    fri: [['08:00', '18:00']],
  },
  services: [{ name: 'Session', durationMin: 45 }],
});

// each clock is given in UTC; the comment is the business's local time
const places = {
  // Wednesday 2026-02-04, 09:40 in London: the coming Tuesday is the 10th, "a week Tuesday" the 17th
  cardiff: { tz: 'Europe/London', now: '2026-02-04T09:40:00Z' },
  // Tuesday 2026-05-12, 15:00 in Brisbane: a fortnight from today is Tuesday the 26th
  brisbane: { tz: 'Australia/Brisbane', now: '2026-05-12T05:00:00Z' },
  // Wednesday 2026-06-03, 09:30 in Edinburgh
  edinburgh: { tz: 'Europe/London', now: '2026-06-03T08:30:00Z' },
  // Monday 2026-12-28, 10:00 in Dublin: a fortnight on crosses into the new year
  dublin: { tz: 'Europe/Dublin', now: '2026-12-28T10:00:00Z' },
  // Tuesday 2026-01-13, 14:00 in Leeds: "Friday" is the 16th, "Friday week" the 23rd
  leeds: { tz: 'Europe/London', now: '2026-01-13T14:00:00Z' },
  // Wednesday 2026-03-18, 10:10 in Chicago
  chicago: { tz: 'America/Chicago', now: '2026-03-18T15:10:00Z' },
  // Thursday 2026-07-16, 10:00 in Miami
  miami: { tz: 'America/New_York', now: '2026-07-16T14:00:00Z' },
};
type Place = keyof typeof places;
const nlus = new Map<string, ReturnType<typeof createNlu>>();
const understand = (place: Place, text: string) => {
  const { tz, now } = places[place];
  if (!nlus.has(tz)) nlus.set(tz, createNlu(business(tz)));
  return nlus.get(tz)!.understand(text, new Date(now));
};
const when = (place: Place, text: string): TimeWish | undefined => understand(place, text).when;

describe('a week and a fortnight counted from the coming weekday, British style', () => {
  it.each<[Place, string, TimeWish]>([
    [
      'cardiff',
      "hiya, I'm due a scale and polish, could I have one a week Tuesday, say half two?",
      { date: '2026-02-17', time: '14:30' },
    ],
    ['cardiff', 'a week Friday', { date: '2026-02-13' }],
    ['cardiff', 'a week tomorrow', { date: '2026-02-12' }],
    ['cardiff', 'a week today at 10', { date: '2026-02-11', time: '10:00' }],
    ['cardiff', 'this day week', { date: '2026-02-11' }],
    ['cardiff', 'Tuesday fortnight', { date: '2026-02-24' }],
    ['cardiff', 'a fortnight Monday', { date: '2026-02-23' }],
    ['cardiff', 'fortnight on Friday', { date: '2026-02-20' }],
    ['cardiff', 'in a fortnight', { date: '2026-02-18' }],
    ['cardiff', "in a fortnight's time, in the morning", { date: '2026-02-18', partOfDay: 'morning' }],
    ['cardiff', 'a fortnight today', { date: '2026-02-18' }],
    [
      'brisbane',
      "yeah g'day, my physio said come back in a fortnight, so can I book in for, ah, a fortnight from today, quarter past eight?",
      { date: '2026-05-26', time: '08:15' },
    ],
    ['dublin', 'a fortnight Monday', { date: '2027-01-18' }],
    ['dublin', 'not a week Tuesday, a week Wednesday', { date: '2027-01-06' }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  // guards: the readings that were right before stay so
  it.each<[Place, string, TimeWish | undefined]>([
    ['leeds', 'alright, could I get a sports massage Friday week, about three?', { date: '2026-01-23', time: '15:00' }],
    ['cardiff', 'Tuesday week', { date: '2026-02-17' }],
    ['cardiff', 'a week on Tuesday', { date: '2026-02-17' }],
    ['cardiff', 'a week from Tuesday', { date: '2026-02-17' }],
    ['cardiff', 'Tuesday', { date: '2026-02-10' }],
    ['cardiff', 'in 2 weeks', { date: '2026-02-18' }],
    ['cardiff', 'the physio said to rest it for a fortnight', undefined],
    ['cardiff', 'I had one a fortnight ago', undefined],
    ['cardiff', 'I come in every fortnight', undefined],
  ])('%s: %s stays %j', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });
});

describe('Scots and Irish day words', () => {
  it.each<[Place, string, TimeWish]>([
    [
      'edinburgh',
      "aye hello, I'm after a wee appointment for ma dug, he's been scratchin' at his ears somethin' terrible, could ye fit him in the morra, lunchtime like?",
      { date: '2026-06-04', time: '12:00' },
    ],
    ['edinburgh', "the morra's morning", { date: '2026-06-04', partOfDay: 'morning' }],
    ['edinburgh', "the morn's morn", { date: '2026-06-04', partOfDay: 'morning' }],
    ['edinburgh', 'is the morn any good, efter 2', { date: '2026-06-04', after: '14:00' }],
    ['edinburgh', 'the day efter the morra', { date: '2026-06-05' }],
    ['edinburgh', 'could ye fit him in the day?', { date: '2026-06-03' }],
    ['edinburgh', 'have ye anything the day at 3', { date: '2026-06-03', time: '15:00' }],
    ['edinburgh', 'the nicht', { date: '2026-06-03', partOfDay: 'evening' }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  // "the day" is today only where nothing else can be meant
  it.each<[Place, string]>([
    ['edinburgh', 'any time in the day'],
    ['edinburgh', 'could I come in the day before my surgery'],
    ['edinburgh', 'what about the day after'],
    ['edinburgh', 'I get up early in the morn'],
  ])('%s: %s names no day', (place, text) => {
    expect(when(place, text)?.date).toBeUndefined();
  });
});

describe("the day's last opening", () => {
  it.each<[Place, string, TimeWish]>([
    [
      'chicago',
      "I'd like to sit down with somebody about my taxes, maybe Friday, end of the day? like whatever your last one is",
      { date: '2026-03-20', latest: true },
    ],
    ['chicago', 'no, later, like the end of the day, your last one', { latest: true }],
    ['chicago', 'last thing Thursday', { date: '2026-03-19', latest: true }],
    ['chicago', "what's the latest you've got tomorrow", { date: '2026-03-19', latest: true }],
    ['chicago', 'as late as possible on Monday', { date: '2026-03-23', latest: true }],
    ['chicago', 'close of business Tuesday', { date: '2026-03-24', latest: true }],
    ['chicago', 'just before you close tomorrow', { date: '2026-03-19', latest: true }],
    ['chicago', 'whenever, but end of the day ideally', { latest: true }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string]>([
    ['chicago', 'at the end of the day, I just need it fixed'],
    ['chicago', 'one last thing, do you take cards?'],
    ['chicago', 'the last thing I need is another leak'],
    ['chicago', 'the last time you did my hair it was great'],
    ['chicago', 'the last one'],
    ['chicago', '4 at the latest'],
    // questions about the hours are no wish for a slot
    ['chicago', "what's your closing time?"],
    ['chicago', "what's the latest you're open on Saturday?"],
    ['chicago', 'what time is close of business on Friday?'],
  ])('%s: %s is no wish for the last opening', (place, text) => {
    expect(when(place, text)?.latest).toBeUndefined();
  });

  it('the last of two offers stays a pick ("the later one")', () => {
    expect(understand('chicago', 'the later one').pick).toBe('last');
    expect(understand('chicago', 'the later one').when?.latest).toBeUndefined();
  });
});

describe('parts of the day by what callers do in them', () => {
  it.each<[Place, string, TimeWish]>([
    ['chicago', 'after school one day, like, Thursday?', { date: '2026-03-19', after: '15:00' }],
    ['chicago', 'no, after school, like half three?', { after: '15:00', time: '15:30' }],
    ['chicago', 'once school is out on Friday', { date: '2026-03-20', after: '15:00' }],
    ['chicago', 'after the school run on Tuesday', { date: '2026-03-24', after: '09:30' }],
    ['chicago', 'before school tomorrow', { date: '2026-03-19', before: '08:30' }],
    ['chicago', 'could I get a physio session tomorrow, after work?', { date: '2026-03-19', partOfDay: 'evening' }],
    ['chicago', 'before lunch tomorrow', { date: '2026-03-19', before: '12:00' }],
    ['chicago', 'on my lunch break Friday', { date: '2026-03-20', time: '12:00' }],
    ['chicago', 'tomorrow round lunchtime', { date: '2026-03-19', time: '12:00' }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it('a clock time said with a lunch break decides', () => {
    expect(when('chicago', 'Can I get an orthotics fitting tomorrow around 12:45, on my lunch break?')).toEqual({
      date: '2026-03-19',
      time: '12:45',
    });
    expect(when('chicago', 'before lunch, say 11')).toEqual({ before: '12:00', time: '11:00' });
  });

  it('"after the school concert" bounds nothing', () => {
    expect(when('chicago', 'after the school concert on Friday')).toEqual({ date: '2026-03-20' });
  });
});

describe('clock times as said', () => {
  it.each<[Place, string, TimeWish]>([
    // Spanish "a las cuatro": the hour, afternoon by the working-day rule
    [
      'miami',
      'hello, good morning, I want make appointment for cut hair, for me, tomorrow, in the afternoon, at the four',
      { date: '2026-07-17', time: '16:00' },
    ],
    ['miami', "no no, at the four, four o'clock", { time: '16:00' }],
    ['miami', 'at the ten tomorrow', { date: '2026-07-17', time: '10:00' }],
    ['miami', 'tomorrow, like ten past two?', { date: '2026-07-17', time: '14:10' }],
    ['miami', "the seven's good", { time: '07:00' }],
    ['miami', 'the seven', { time: '07:00' }],
    ['miami', "eleven's grand", { time: '11:00' }],
    ['miami', "the 3 o'clock one", { time: '15:00' }],
    // an hour said before the day it is on: the hour said before ("ten past eleven") no longer holds
    ['miami', "oh of course, bank holiday, erm, eleven on the Tuesday's fine", { date: '2026-07-21', time: '11:00' }],
    ['miami', 'ok, 3 tomorrow then', { date: '2026-07-17', time: '15:00' }],
    // "-ish" belongs to the whole phrase
    ['miami', 'half eleven-ish', { time: '11:30' }],
    ['miami', 'half elevenish', { time: '11:30' }],
    ['miami', 'quarter past three-ish', { time: '15:15' }],
    ['miami', 'twenty past threeish', { time: '15:20' }],
    ['miami', 'quarter after 3', { time: '15:15' }],
    ['miami', 'twenty to four', { time: '15:40' }],
    // the minutes are the time's, the unit counts the weeks
    ['miami', 'um, for nine thirty two weeks from today if that works', { date: '2026-07-30', time: '09:30' }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[Place, string]>([
    ['miami', 'the 2 dogs'],
    ['miami', 'I have 2 on my list'],
    ['miami', 'a quarter of the price'],
    ['miami', 'half the price'],
    ['miami', 'for half an hour'],
  ])('%s: %s is no time', (place, text) => {
    const w = when(place, text);
    expect(w?.time).toBeUndefined();
    expect(w?.minutesOnly).toBeUndefined();
  });
});

describe('minutes said without their hour, at a pick', () => {
  it.each<[string, TimeWish['minutesOnly']]>([
    ["uh, quarter past's fine", { minute: 15 }],
    ['half past', { minute: 30 }],
    ['half past, please', { minute: 30 }],
    ['the half', { minute: 30 }],
    ["the half's fine", { minute: 30 }],
    ['quarter after works', { minute: 15 }],
    ['twenty past', { minute: 20 }],
    ['twenty to', { minute: 40, to: true }],
    ['quarter to, please', { minute: 45, to: true }],
    ['on the hour', { minute: 0 }],
  ])('%s', (text, minutesOnly) => {
    expect(when('miami', text)).toEqual({ minutesOnly });
  });

  it('a whole time said is the time, not minutes alone', () => {
    expect(when('miami', 'quarter past four')).toEqual({ time: '16:15' });
    expect(when('miami', "the half nine, that's grand")).toEqual({ time: '09:30' });
    // British "half one" is 1:30
    expect(when('miami', 'the half one')).toEqual({ time: '13:30' });
  });
});

describe('spoken numbers', () => {
  it('after an hour, "thirty two weeks" is minutes and a count', () => {
    expect(numbersToDigits('for nine thirty two weeks from today')).toBe('for 9 30 2 weeks from today');
  });
  it('"thirty two weeks" alone is a number', () => {
    expect(numbersToDigits('she is thirty two weeks along')).toBe('she is 32 weeks along');
    expect(numbersToDigits('at nine thirty two')).toBe('at 9 32');
  });
});
