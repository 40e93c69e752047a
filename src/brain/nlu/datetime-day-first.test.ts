// Invariant: a date written day first, as most of the world writes it ("20 March", "Saturday 26th June", "Saturday
// 20 March 2027"), is that day, in the year said; a time said before a month-first date ("at 11:30 January 6th",
// "at 4 January sixth") stays a time, and "10 may be better" is no date.
import { describe, expect, it } from 'vitest';
import { studioWish } from '../test-support/businesses.js';

// Wednesday 2027-03-10, 09:00 in Chicago, at a studio open weekdays 7 to 6
describe('dates written day first', () => {
  it.each([
    ['could we come on 20 March?', { date: '2027-03-20' }],
    ['is Saturday 20 March 2027 available?', { date: '2027-03-20' }],
    ['Saturday, 20th March 2027 please', { date: '2027-03-20' }],
    ['moving on Friday 26th June', { date: '2027-06-26' }],
    ['how about 3 April at 2pm', { date: '2027-04-03', time: '14:00' }],
    ['we were thinking 14 March 2028', { date: '2028-03-14' }],
    ['on 10 may', { date: '2027-05-10' }],
  ])('"%s"', (text, when) => {
    expect(studioWish(text)).toMatchObject(when);
  });

  it('a year gone by names no day', () => {
    expect(studioWish('the 3rd of May 2025')?.date).toBeUndefined();
  });

  it.each([
    ['at 11:30 January 6th', { date: '2028-01-06', time: '11:30' }],
    ['at 4 April sixth if that works', { date: '2027-04-06', time: '16:00' }],
    ['at 10 may be better', { time: '10:00' }],
  ])('a time before a month keeps its hour: "%s"', (text, when) => {
    expect(studioWish(text)).toEqual(when);
  });
});

describe("the caller's own week around the wish (round 8)", () => {
  it.each([
    // a window said with "from … til", "half 9" as Britain and Ireland say 9:30
    ['so from about half 9 til half 2, i have to be back for pick up at 3', { after: '09:30', before: '14:30' }],
    ['free from 9:30 till 2:30', { after: '09:30', before: '14:30' }],
    ['between half 9 and 3', { after: '09:30', before: '15:00' }],
    // when the caller starts work or must be back is a bound, not the time asked for
    ['i need monday at 8 because i start at 10 on mondays', { date: '2027-03-15', time: '08:00' }],
    ['anything on friday? I have to be back for pick up at 3', { date: '2027-03-12', before: '15:00' }],
    // when school ends is when the child is free from, and "nothing before 4" bounds it
    [
      "Thursday would be best. School finishes at 3:15 and we're across town, so nothing before 4 please",
      { date: '2027-03-11', after: '16:00' },
    ],
    ['school gets out at 3, so thursday?', { date: '2027-03-11', after: '15:00' }],
    // a weekday the caller is taken every week, or the rest of the week they are away, is not the day asked for
    ['tuesday would be best actually, wednesdays i volunteer at the food bank', { date: '2027-03-16' }],
    ["monday at 8, i'm out of town the rest of the week", { date: '2027-03-15', time: '08:00' }],
    ['wednesdays i can do', { date: '2027-03-17' }],
  ])('"%s"', (text, when) => {
    expect(studioWish(text)).toMatchObject(when);
  });
});
