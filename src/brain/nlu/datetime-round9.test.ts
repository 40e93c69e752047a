// Invariant: a weekday said right before the date it falls on names that one date ("Friday March 26", "fri 26"),
// so two of them joined by "or" are those two days, not the weeks between the bare weekdays and the dates; a weekday
// before a number that can be an hour ("friday 10") keeps the hour.
import { describe, expect, it } from 'vitest';
import { studioWish } from '../test-support/businesses.js';

// Wednesday 2027-03-10, 09:00 in Chicago, at a studio open weekdays 7 to 6
describe('a weekday said with its date', () => {
  it.each([
    ['friday march 26 or saturday march 27', { from: '2027-03-26', to: '2027-03-27' }],
    ['ideally friday the 26th or saturday the 27th', { from: '2027-03-26', to: '2027-03-27' }],
    ['fri 26 or sat 27 would work', { from: '2027-03-26', to: '2027-03-27' }],
  ])('"%s" is those two days', (text, range) => {
    expect(studioWish(text)?.range).toEqual(range);
  });

  it.each([
    ['Friday March 26 please', { date: '2027-03-26' }],
    ['saturday 27 if you can', { date: '2027-03-27' }],
    ['friday 10', { date: '2027-03-12', time: '10:00' }],
  ])('"%s"', (text, when) => {
    expect(studioWish(text)).toMatchObject(when);
  });
});

describe('round 9: days and times said around them', () => {
  it.each([
    // the date said after "the Friday before then" is that Friday, put another way
    ['the friday before then, the 26th, at 3?', { date: '2027-03-26', time: '15:00' }],
    ['the friday before the 26th', { date: '2027-03-19' }],
    // an hour confirmed by what follows it, or asked after
    ['this friday morning? 10 if possible.', { date: '2027-03-12', time: '10:00' }],
    ['has he got 11 that day?', { time: '11:00' }],
    ['is there anything at 4?', { time: '16:00' }],
    // working till a time is busy until it
    ["what's the latest I could come in on thursday? I work till 3:30", { after: '15:30', latest: true }],
  ])('"%s"', (text, when) => {
    expect(studioWish(text)).toMatchObject(when);
  });

  it.each(['no, that is all, ta. merry christmas!', 'have a lovely easter', "when's the first day you're back open?"])(
    '"%s" names no day',
    (text) => {
      expect(studioWish(text)?.date).toBeUndefined();
    },
  );
});
