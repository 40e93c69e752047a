// Invariant: a day the caller says they are taken ("today I'm stuck at work", "I'm working all day tomorrow",
// "Friday I'm away") is not the day wished for when another day is named beside it; said alone ("I'm at work
// today, can you do 6?") it is still the day asked about.
import { describe, expect, it } from 'vitest';
import { studioWish } from '../test-support/businesses.js';

// Wednesday 2027-03-10, 09:00 in Chicago, at a studio open weekdays 7 to 6
const when = studioWish;

describe('a day the caller is taken is not the day wished for', () => {
  it.each([
    ["Tomorrow morning would be ideal, today I'm stuck at work.", '2027-03-11'],
    [
      "I'm booked Friday at four, anything earlier? Tomorrow morning would be ideal, today I'm stuck at work.",
      '2027-03-11',
    ],
    ["I'm working all day tomorrow so Friday at 3?", '2027-03-12'],
    ["Friday I'm away, Monday then", '2027-03-15'],
    ["today's no good, I'm tied up today, how about Thursday", '2027-03-11'],
  ])('"%s" is %s', (text, date) => {
    expect(when(text)?.date).toBe(date);
  });

  it('"I\'m at work today, can you do 6?" still asks about today', () => {
    expect(when("I'm at work today, can you do 6?")).toMatchObject({ date: '2027-03-10', time: '18:00' });
  });
});

describe('particular callers: ends, alternatives and who they are', () => {
  it.each([
    ['I need to be done by 1 to get back to work', { doneBy: '13:00' }],
    [
      "Not before ten though, I'm NOT a morning person haha, and I need to be done by 1",
      { after: '10:00', doneBy: '13:00' },
    ],
    ['I need to be out by 11', { doneBy: '11:00' }],
    ['can you do it by 3?', { before: '15:00' }],
    [
      'Any weekday morning except Mondays. It does have to be a morning though, I work afternoons.',
      { partOfDay: 'morning' },
    ],
    ["ok so what's the first thing she has friday after 3?", { date: '2027-03-12', after: '15:00', earliest: true }],
    ['first thing tomorrow', { date: '2027-03-11', partOfDay: 'morning' }],
  ] as const)('"%s"', (text, wish) => {
    expect(when(text)).toMatchObject(wish);
    if (!('partOfDay' in wish)) expect(when(text)?.partOfDay).toBeUndefined();
  });

  it('"Thursday this week or next Tuesday" searches those two days only', () => {
    expect(when('Thursday this week or next Tuesday please')).toMatchObject({
      range: { from: '2027-03-11', to: '2027-03-16' },
      notWeekdays: [1, 3, 5, 6, 7],
    });
    expect(when('Tuesday, or actually Wednesday')?.date).toBe('2027-03-17');
  });
});

describe('one weekday only', () => {
  it.each([
    ['Has to be Saturday, I work all week', '2027-03-13'],
    ['Saturdays only unfortunately', '2027-03-13'],
    ['First Saturday you have, as early as you can', '2027-03-13'],
  ])('"%s" is any Saturday in the next four weeks', (text, from) => {
    expect(when(text)).toMatchObject({ range: { from }, notWeekdays: [1, 2, 3, 4, 5, 7] });
  });

  it.each([
    ['next saturday', '2027-03-20'],
    ['the first monday', '2027-03-15'],
    ['saturday', '2027-03-13'],
  ])('"%s" stays one day', (text, date) => {
    expect(when(text)?.date).toBe(date);
  });

  it('"mornings only, I coach in the afternoons" is the morning', () => {
    expect(when("No, mornings only I'm afraid, I coach in the afternoons")?.partOfDay).toBe('morning');
    expect(when("I'm free in the afternoons")?.partOfDay).toBe('afternoon');
  });
});

it('"in meetings until 1 every day… finished by 5" is free after 1 and over by 5', () => {
  expect(
    when('Any afternoon except Friday. I am in meetings until 1 every day, and everything has to be finished by 5'),
  ).toMatchObject({ after: '13:00', doneBy: '17:00', notWeekdays: [5] });
});

it('"after 3:30 only, I\'m at uni till 3" keeps the later bound', () => {
  expect(when("Weekdays after 3:30 only, I'm at uni till 3. And not Fridays.")).toMatchObject({
    after: '15:30',
    notWeekdays: [5, 6, 7],
  });
});

it('"Tuesday or Thursday… need to be back at my desk by 1:30" (on a Wednesday) skips the days between and ends by 1:30', () => {
  expect(
    when('Tuesday or Thursday over my lunch break - I can get there at noon and need to be back at my desk by 1:30'),
  ).toMatchObject({
    range: { from: '2027-03-11', to: '2027-03-16' },
    time: '12:00',
    doneBy: '13:30',
    notWeekdays: [1, 5, 6, 7],
  });
});
