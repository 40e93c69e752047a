// Invariant: a caller's name and call-back number are stored as the caller meant them — the corrected
// number, not digits run together across "oh sorry no"; the named person, not the relation or the street;
// the other part of a name kept when only one part is corrected; the casing the caller wrote; and a
// number said as people say it in the business's country.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, withNamePart } from './index.js';

// Tuesday 2026-03-10, 09:15 in Chicago
const NOW = new Date('2026-03-10T14:15:00Z');

const studio: BusinessProfile = {
  name: 'Keys & Chords Piano Studio',
  timezone: 'America/Chicago',
  industry: 'other',
  hours: { mon: [['15:00', '21:00']], tue: [['15:00', '21:00']] },
  services: [
    { name: 'Piano Lesson', durationMin: 30, synonyms: ['lesson'] },
    { name: 'Trial Lesson', durationMin: 30, synonyms: ['trial'] },
  ],
};
const us = createNlu(studio);
const sydney = createNlu({ ...studio, timezone: 'Australia/Sydney', country: 'AU' });
const london = createNlu({ ...studio, timezone: 'Europe/London', country: 'GB' });

describe('a caller correcting their own number', () => {
  it.each([
    ["it's 647 555 0119, oh sorry no, 0191 at the end", '+16475550191'],
    ['647 555 0119 oh sorry no 0191 at the end', '+16475550191'],
    ['312 555 0142, no wait, 0143', '+13125550143'],
    ['three one two, five five five, oh one four two, sorry, oh one four three', '+13125550143'],
    ['my number is 312 555 0142, actually use 312 555 0199', '+13125550199'],
    ['312 555 0142, sorry, I mean 415 555 0123', '+14155550123'],
    ['647 555 0119, sorry, 555 0191', '+16475550191'],
    ['it is 312 555, sorry, 555 0142', '+13125550142'],
    ['six four seven, no sorry, four one six, five five five, oh one nine one', '+14165550191'],
  ])('%s', (text, want) => {
    expect(us.understand(text, NOW).phone).toBe(want);
  });

  it.each([
    // a number kept, not corrected: "not" insists on it, a later time or a second number is no correction
    ['312 555 0142, not 0124', '+13125550142'],
    ['call me at 312 555 0142, sorry, after 5', '+13125550142'],
    ["my cell is 312 555 0142 and my wife's is 312 555 0199", '+13125550142'],
    ['555 0142, no wait, 0143', undefined],
  ])('keeps the number when nothing corrects it: %s', (text, want) => {
    expect(us.understand(text, NOW).phone).toBe(want);
  });

  it.each([
    ['oh wait, my number is 312 555 0142', '+13125550142'],
    ['oh sorry, three one two, five five five, oh one four two', '+13125550142'],
    ['oh, okay, it is 312 555 0142', '+13125550142'],
  ])('an "oh" that is no digit: %s', (text, want) => {
    expect(us.understand(text, NOW).phone).toBe(want);
  });

  it.each([
    ['call me back uh on seven two oh five five five oh one zero oh when you get a chance', '+17205550100'],
    ['three one two, five five five, oh one four oh', '+13125550140'],
    ['seven two oh, five five five, oh one four four', '+17205550144'],
  ])('an "oh" among digits stays a zero: %s', (text, want) => {
    expect(us.understand(text, NOW).phone).toBe(want);
  });
});

describe('numbers as said in the business country', () => {
  it.each([
    ['oh four nine one, five seven oh, one five six', '+61491570156'],
    ['my mobile is 0491 570 156', '+61491570156'],
    ['oh four nine one, five seven oh, one five six, sorry, one five seven', '+61491570157'],
  ])('an Australian business: %s', (text, want) => {
    expect(sydney.understand(text, NOW).phone).toBe(want);
  });

  it.each([
    ['oh one six one, four nine six, oh four five six', '+441614960456'],
    ['it is 0161 496 0456', '+441614960456'],
    ['oh one six one, four nine six, oh four five six, no wait, oh four five seven', '+441614960457'],
  ])('a British business: %s', (text, want) => {
    expect(london.understand(text, NOW).phone).toBe(want);
  });

  it('the default country still reads US numbers, and not a foreign local one', () => {
    expect(us.understand('three one two, five five five, oh one four two', NOW).phone).toBe('+13125550142');
    expect(us.understand('oh four nine one, five seven oh, one five six', NOW).phone).toBeUndefined();
  });
});

describe('the name of the person it is for, at the name question', () => {
  it.each([
    ["it's for my daughter, Ava Thompson", 'Ava Thompson'],
    ['for my son Leo Park', 'Leo Park'],
    ["it's for my wife, she's called Mia Chen", 'Mia Chen'],
    ['the lesson is for my son, his name is Noah Kim', 'Noah Kim'],
    ['yeah it is for my daughter Ella Morgan', 'Ella Morgan'],
  ])('%s', (text, want) => {
    expect(us.bareName(text)).toBe(want);
  });

  it.each([
    ["it's for my daughter", undefined],
    ["it's for my dog, Biscuit", undefined],
    ['Maria Lopez', 'Maria Lopez'],
    ["it's Priya Patel", 'Priya Patel'],
  ])('guard: %s', (text, want) => {
    expect(us.bareName(text)).toBe(want);
  });
});

describe('where someone lives is never their name', () => {
  it.each([
    ["I'm Sarah Mills, it's unit 4, 16 jacaranda street, paddington", 'Sarah Mills'],
    ["this is Tom Reed, it's apt 12, 40 main st", 'Tom Reed'],
    ["hi it's Dana, it's suite 300", 'Dana'],
    ["it's flat 2, 9 high street", undefined],
    ["it's unit 4", undefined],
  ])('%s', (text, want) => {
    expect(us.understand(text, NOW).name).toBe(want);
  });
});

describe('one part of a name said again', () => {
  it.each([
    ['oh wait, sorry, my last name is brookes, with an e', 'Brookes', 'last'],
    ['my surname is Brookes', 'Brookes', 'last'],
    ['last name brookes', 'Brookes', 'last'],
    ["my first name's Kate", 'Kate', 'first'],
    ['my first name is katelyn and my last name is brookes', 'Katelyn Brookes', undefined],
    ['hi this is Katelyn, last name Brookes', 'Katelyn Brookes', undefined],
    ['my name is Katelyn Brookes', 'Katelyn Brookes', undefined],
  ])('%s', (text, name, part) => {
    const u = us.understand(text, NOW);
    expect([u.name, u.namePart]).toEqual([name, part]);
  });

  it('keeps the part not corrected', () => {
    expect(withNamePart('Katelyn Brooks', 'Brookes', 'last')).toBe('Katelyn Brookes');
    expect(withNamePart('Mary Ellen Brooks', 'Brookes', 'last')).toBe('Mary Ellen Brookes');
    expect(withNamePart('Katelyn Brooks', 'Kate', 'first')).toBe('Kate Brooks');
    expect(withNamePart('Katelyn', 'Brookes', 'last')).toBe('Katelyn Brookes');
    expect(withNamePart(undefined, 'Brookes', 'last')).toBe('Brookes');
    expect(withNamePart('Katelyn Brooks', 'Kate Brookes')).toBe('Kate Brookes');
  });

  it('letters spelled out are not taken for a name', () => {
    expect(us.understand('my last name is spelled b r o o k e s', NOW).name).toBeUndefined();
  });
});

describe('names keep the casing the caller wrote', () => {
  it.each([
    ['Fiona MacLeod', 'Fiona MacLeod'],
    ['Jordan MacDonald', 'Jordan MacDonald'],
    ["Sean O'Brien", "Sean O'Brien"],
    ['Sean O\u2019Brien', "Sean O'Brien"],
    ['Anne-Marie Dupont', 'Anne-Marie Dupont'],
    ['fiona MacLeod', 'Fiona MacLeod'],
    // speech in lower case (or shouted) is title-cased as before
    ['fiona macleod', 'Fiona Macleod'],
    ['FIONA MACLEOD', 'Fiona Macleod'],
    ["sean o'brien", "Sean O'Brien"],
  ])('a bare answer: %s', (text, want) => {
    expect(us.bareName(text)).toBe(want);
  });

  it.each([
    ['Hi, this is Jordan MacDonald from Harbour City', 'Jordan MacDonald'],
    ["my name is Fiona MacLeod and I'd like a lesson", 'Fiona MacLeod'],
    ['this is fiona macleod', 'Fiona Macleod'],
  ])('an introduction: %s', (text, want) => {
    expect(us.understand(text, NOW).name).toBe(want);
  });
});
