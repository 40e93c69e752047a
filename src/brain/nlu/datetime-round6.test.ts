// Invariant: clock times as a chat types them are the times meant: "3.30" (a dot for the colon), "945" and
// "330" where a time is being given ("945 is perfect", "anything 330 thurs"), "1500" and "13 hundred hours"
// (a 24-hour clock), "3p"; a price, a year, a count, a house number and a day-first date keep their digits.
// Days as round-6 callers said them: "ten days from today", holidays that move (Thanksgiving by country, Easter,
// Memorial Day, Mother's Day) and the day after them, "mid-morning"; the caller's own week ("I work Mondays")
// rules a day out; the calendar's news ("the clocks go forward tonight") and the caller's own events ("I have a
// calc final that Friday") are no wish.
import { describe, expect, it } from 'vitest';
import { STUDIO as business, studioWish } from '../test-support/businesses.js';
import { createNlu } from './index.js';

// Wednesday 2027-03-10, 09:00 in Chicago, at a studio open weekdays 7 to 6
const when = studioWish;

describe('clock times as typed in a chat', () => {
  it.each([
    ['945 is perfect ty', '09:45'],
    ['ok 730 works', '07:30'],
    ['hi do u have anything 330 thurs', '15:30'],
    ['can i do 1500 on the 22nd', '15:00'],
    ['at 0930 please', '09:30'],
    ['tomorrow at 3.30', '15:30'],
    ['10.45 tomorrow?', '10:45'],
    ['mon 3p?', '15:00'],
    ['friday 11a', '11:00'],
    ['the 9th, thirteen hundred hours', '13:00'],
    ['1300 hours works', '13:00'],
    ['around 1230 if poss', '12:30'],
    ['sorry i meant 4 not 5!!', '16:00'],
    ['i meant 4', '16:00'],
  ])('"%s" is %s', (said, time) => {
    expect(when(said)?.time).toBe(time);
  });

  it.each([
    'it costs $3.30 right?',
    'i was born in 1985',
    'my house is 945 elm street',
    'the 2027 model',
    'fifteen hundred dollars is too much',
    'we need 330 chairs',
  ])('"%s" holds no time', (said) => {
    expect(when(said)?.time).toBeUndefined();
  });
});

describe('days as round-6 callers said them', () => {
  const at = (tz: string, now: string) => {
    const n = createNlu({ ...business, timezone: tz });
    return (text: string) => n.understand(text, new Date(now)).when;
  };
  // Wednesday 2027-11-17, 10:00 in Chicago
  const chicago = at('America/Chicago', '2027-11-17T16:00:00Z');
  // Wednesday 2027-09-15, 10:00 in Toronto
  const toronto = at('America/Toronto', '2027-09-15T14:00:00Z');

  it.each([
    ['a follow-up ten days from today', { date: '2027-11-27' }],
    ['10 days from now', { date: '2027-11-27' }],
    ['the day after Thanksgiving, late morning', { date: '2027-11-26' }],
    ['Thanksgiving', { date: '2027-11-25' }],
    ['the Tuesday after Easter', { date: '2028-04-18' }],
    ['Good Friday at 10', { date: '2028-04-14', time: '10:00' }],
    ["on Mother's Day", { date: '2028-05-14' }],
    ['a cut tomorrow, mid-morning', { date: '2027-11-18', after: '09:30', before: '11:30' }],
  ])('in Chicago, "%s"', (said, want) => {
    expect(chicago(said)).toMatchObject(want);
  });

  it('Thanksgiving in Canada is the second Monday of October', () => {
    expect(toronto('the day after thanksgiving')).toMatchObject({ date: '2027-10-12' });
  });

  it('"I work Mondays" rules Monday out', () => {
    const w = chicago("what's the earliest? Any weekday except Monday — I work Mondays. Mornings if possible.");
    expect(w?.date).toBeUndefined();
    expect(w?.notWeekdays).toContain(1);
  });

  it.each([
    [
      'do you have a pedicure tomorrow at 10? The clocks go forward tonight, right?',
      { date: '2027-11-18', time: '10:00' },
    ],
    ['anything dec 14th 3pm for math?? i have a calc final that friday', { date: '2027-12-14', time: '15:00' }],
  ])('"%s" keeps to the wish', (said, want) => {
    expect(chicago(said)).toMatchObject(want);
  });
});

describe('more of how round-6 callers said when', () => {
  // Saturday 2027-07-10, 13:00 in London
  const london = (t: string) =>
    createNlu({ ...business, timezone: 'Europe/London' }).understand(t, new Date('2027-07-10T12:00:00Z')).when;
  it('"before I go on holiday on the 20th" is the days before the 20th', () => {
    expect(london('I need a pedicure before I go on holiday on the 20th! Evenings are easiest.')).toMatchObject({
      range: { from: '2027-07-10', to: '2027-07-19' },
      partOfDay: 'evening',
    });
  });
  it('"gel nails done sat?? like 2ish" is Saturday at 2; "I sat down" is no day', () => {
    expect(london('can i get gel nails done sat?? like 2ish')?.time).toBe('14:00');
    expect(london('can i get gel nails done sat?? like 2ish')?.date).toBeDefined();
    expect(london('I sat down and waited')).toBeUndefined();
  });
});

describe('a greeting is no part of the day', () => {
  const london = (t: string) =>
    createNlu({ ...business, timezone: 'Europe/London' }).understand(t, new Date('2027-08-30T09:40:00Z')).when;
  it.each([
    ['Morning. I need a pair of suit trousers taken in at the waist. Could I pop in Wednesday around 1?', '13:00'],
    ['Good evening, could I come Wednesday at 10', '10:00'],
    ['Evening. 7 works', '19:00'],
    ['evening, around 7 if you can', '19:00'],
  ])('"%s" is %s', (said, time) => {
    expect(london(said)?.time).toBe(time);
  });
});

describe('a month told as background', () => {
  const london = (t: string) =>
    createNlu({ ...business, timezone: 'Europe/London' }).understand(t, new Date('2027-10-04T08:00:00Z')).when;
  it('"I had my eye test in March. Could I get that sorted Wednesday, from 2 onwards?" is this Wednesday', () => {
    expect(
      london(
        'I want to try contact lenses. I had my eye test in March. Could I get that sorted Wednesday, any time from 2 onwards?',
      ),
    ).toMatchObject({ date: '2027-10-06', after: '14:00' });
  });
  it('"can I come in March?" is still March', () => {
    expect(london('can I come in March?')?.range?.from).toBe('2028-03-01');
  });
});
