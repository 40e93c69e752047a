// Invariant: dates and times as round-5 callers around the world said them mean what a receptionist there
// would take from them: "12/5" is the 12th of May where the business writes the day first and December 5th
// in North America (a number above 12 decides either way); short weekdays ("this sat", "thurs", "fri arvo")
// are weekdays, but "I sat down" and "the sun" are not; "first" that ranks something ("whoever's free
// first", "the first evening one", "just a second") is no day of a month; "before then" after a day bounds the
// search before it; a time the caller tells as their own background ("I've an interview at 11", "I finish
// work at 5") is not the time wished for; "the following week", "push it back a fortnight" count weeks on from
// the day talked about; "straight after your lunch break" is after the business's midday break.
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
  // Monday 2026-06-01, 08:40 in London
  june: { tz: 'Europe/London', now: '2026-06-01T07:40:00Z' },
  // Tuesday 2026-01-20, 19:40 in Dublin
  dublin: { tz: 'Europe/Dublin', now: '2026-01-20T19:40:00Z' },
  // Friday 2026-12-11, 17:00 in Paris: "Tuesday" is the 15th
  paris: { tz: 'Europe/Paris', now: '2026-12-11T16:00:00Z' },
  // Monday 2026-06-29, 13:00 in Auckland: "Thursday" is July 2nd
  auckland: { tz: 'Pacific/Auckland', now: '2026-06-29T01:00:00Z' },
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

describe('"before then" bounds the day said before it', () => {
  it.each<[string, TimeWish]>([
    [
      'Hiya, my MOT runs out on the 14th - can you fit my Fiesta in before then? Mornings suit me best.',
      { range: { from: '2026-06-01', to: '2026-06-13' }, partOfDay: 'morning' },
    ],
    [
      'my insurance expires on Friday, can I get it done ahead of that',
      { range: { from: '2026-06-01', to: '2026-06-04' } },
    ],
    ["I'm away from the 20th, could you do it by then", { range: { from: '2026-06-01', to: '2026-06-19' } }],
    ['the tax is due on the 10th so before that please', { range: { from: '2026-06-01', to: '2026-06-09' } }],
    ['our wedding is on the 20th so sometime before', { range: { from: '2026-06-01', to: '2026-06-19' } }],
    ['I need it done before my wedding on the 20th', { range: { from: '2026-06-01', to: '2026-06-19' } }],
    ['it runs out on the 14th, no later than then', { range: { from: '2026-06-01', to: '2026-06-14' } }],
  ])('%s', (text, wish) => {
    const got = when('june', text);
    expect(got).toMatchObject(wish);
    expect(got?.date).toBeUndefined();
  });

  it.each<[string, string]>([
    [
      "my daughter's getting married on the fourteenth and i was thinking you know maybe a few days before like the wednesday or so",
      '2026-06-10',
    ],
    ['the wednesday before the 14th', '2026-06-10'],
    ['my MOT runs out on the 14th, can you fit it in before then? friday maybe', '2026-06-12'],
  ])('a weekday said with the bound is the last one before the day: %s', (text, date) => {
    expect(when('june', text)?.date).toBe(date);
  });

  it('"before that" after a clock time is that time, and the day stays', () => {
    expect(when('june', "Friday I've a meeting at 3, anything before that?")).toEqual({
      date: '2026-06-05',
      before: '15:00',
    });
  });
});

describe('a holiday followed by "before" is still that day', () => {
  it('is Boxing Day, not the day the guests come', () => {
    const text =
      'my in laws are staying with us from the 27th and the house is a disaster so i was hoping to get a deep clean done on boxing day before they land';
    expect(when('june', text)?.date).toBe('2026-12-26');
  });
});

describe("a time of the caller's own is not the time wished for", () => {
  it.each<[string, TimeWish]>([
    [
      "Hi would ye have anything at 9 in the morning for a wash and blow dry? I've an interview at 11",
      { time: '09:00' },
    ],
    ["I've an interview at 11, anything at 9 in the morning?", { time: '09:00' }],
    ["my train's at 10, could I come at 8", { time: '08:00' }],
    ['I finish work at 5, could you do 6', { time: '18:00' }],
    ["tomorrow please, I have a doctor's appointment at 10", { date: '2026-01-21' }],
    ['I finish work at 5, tomorrow', { date: '2026-01-21', after: '17:00' }],
    ['she gets out of school at 3', { after: '15:00' }],
    ["I've a meeting at 3, anything before that?", { before: '15:00' }],
    ["I've got a meeting at 2 tomorrow so after that", { date: '2026-01-21', after: '14:00' }],
  ])('%s', (text, wish) => {
    expect(when('dublin', text)).toEqual(wish);
  });

  it('the appointment being moved keeps its time', () => {
    expect(when('dublin', 'I have an appointment at 10 tomorrow, can I move it to 2')).toEqual({
      date: '2026-01-21',
      time: '14:00',
    });
  });
});

describe('weeks on from the day talked about', () => {
  it.each<[Place, string, TimeWish]>([
    [
      'paris',
      'No, it really has to be a Tuesday evening. Same time the following week then?',
      { date: '2026-12-22', sameTime: true },
    ],
    ['paris', "next week's no good, the week after?", { range: { from: '2026-12-21', to: '2026-12-27' } }],
    [
      'auckland',
      "kia ora uh i've got a haircut booked thursday at eleven can you push it back a fortnight same time",
      { date: '2026-07-16', time: '11:00' },
    ],
    ['auckland', 'thursday at 11, could you move it back a week', { date: '2026-07-09', time: '11:00' }],
    ['paris', 'same time the week after', { sameTime: true, weeksOn: 1 }],
    ['paris', 'a week later, same time', { sameTime: true, weeksOn: 1 }],
    ['paris', 'a fortnight later', { weeksOn: 2 }],
    ['paris', 'can you bring it forward a week', { weeksOn: -1 }],
  ])('%s: %s', (place, text, wish) => {
    expect(when(place, text)).toEqual(wish);
  });

  it.each<[string, TimeWish]>([
    ['a week on Tuesday', { date: '2026-12-22' }],
    ['the week after next', { range: { from: '2026-12-21', to: '2026-12-27' } }],
  ])('a week counted from a day said after it still: %s', (text, wish) => {
    expect(when('paris', text)).toEqual(wish);
  });
});

describe("after the business's lunch break", () => {
  it.each<string>([
    'Ah ok. How about straight after your lunch break instead?',
    "once you're back from lunch",
    "after you've had your lunch",
    'right after lunch on Wednesday',
    'after the lunch break',
  ])('%s', (text) => {
    expect(when('june', text)).toMatchObject({ after: '13:00', afterBreak: true });
  });

  it("after the caller's own lunch is after 1 PM, not the business's break", () => {
    expect(when('june', 'after my lunch break')).toEqual({ after: '13:00' });
  });
});
