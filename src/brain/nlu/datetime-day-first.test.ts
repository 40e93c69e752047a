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
