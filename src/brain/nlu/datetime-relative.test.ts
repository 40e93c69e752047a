// Invariant: "the day / week / weekend before", "the Wednesday, Thursday or Friday before" and "the day after" are
// read against the day said with them, after them ("the week before Monday the 22nd") or before them ("my test is
// on Monday the 22nd… a lesson the week before"), and that day is no wish of its own; said in a later turn with no
// day ("the Friday before the test"), they are read against the day the call is remembering.
import { describe, expect, it } from 'vitest';
import { STUDIO } from '../test-support/businesses.js';
import { createNlu } from './index.js';

// Wednesday 2027-03-10, 09:00 in Chicago
const NOW = new Date('2027-03-10T15:00:00Z');
const studio = createNlu(STUDIO);
const read = (text: string, anchorDay?: string) => studio.understand(text, NOW, 'en', anchorDay);

describe('days said relative to another day', () => {
  it.each([
    ['the week before Monday the 22nd', { range: { from: '2027-03-15', to: '2027-03-21' } }],
    ['the day before Monday the 22nd', { date: '2027-03-21' }],
    ['The Wednesday, Thursday or Friday before Monday the 22nd', { range: { from: '2027-03-17', to: '2027-03-19' } }],
    ['the weekend before the 22nd', { range: { from: '2027-03-20', to: '2027-03-21' } }],
    ['the day after the 22nd', { date: '2027-03-23' }],
    ['the day before my test on the 22nd', { date: '2027-03-21' }],
    [
      'my driving test is on Monday the 22nd and I want a lesson the week before',
      { range: { from: '2027-03-15', to: '2027-03-21' } },
    ],
    ['our wedding is on Saturday the 20th, could I come in the day before?', { date: '2027-03-19' }],
    ['my exam is Monday 22nd so the Thursday before would be good', { date: '2027-03-18' }],
  ])('"%s"', (text, when) => {
    expect(read(text).when).toEqual(when);
  });

  it('tells the day it was said against, and reads a later turn against it', () => {
    expect(read('my test is on Monday the 22nd, a lesson the week before please').anchorDay).toBe('2027-03-22');
    expect(read('The Wednesday, Thursday or Friday before the test', '2027-03-22').when).toEqual({
      range: { from: '2027-03-17', to: '2027-03-19' },
    });
    expect(read('the day before then', '2027-03-22').when).toEqual({ date: '2027-03-21' });
    // with no day remembered, a relative phrase alone says nothing
    expect(read('the day before').when).toBeUndefined();
    // a holiday named with it is its day, whatever day the call remembers
    expect(read("the thursday before new year's", '2027-03-22').when).toEqual(
      read("the thursday before new year's").when,
    );
    expect(read('the day after christmas', '2027-03-22').when).toEqual({ date: '2027-12-26' });
  });

  it('leaves the readings that were right alone', () => {
    expect(read('the day after tomorrow').when).toEqual({ date: '2027-03-12' });
    expect(read('the week after next').when).toEqual({ range: { from: '2027-03-22', to: '2027-03-28' } });
    expect(read('the Friday after next').when).toEqual({ date: '2027-03-19' });
    expect(read('the Tuesday of the week after next').when).toEqual({ date: '2027-03-23' });
  });
});
