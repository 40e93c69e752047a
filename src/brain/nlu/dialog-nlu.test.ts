// Invariant: what the caller says last, and not what they exclude, is the time they asked for;
// relative dates count from the day they name; a position among offers picks that offer.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { agreeingNo, answerTo, createNlu, pickOption } from './index.js';

// Thursday 2026-03-12, 10:00 in Chicago: tomorrow is Friday the 13th
const THU = new Date('2026-03-12T15:00:00Z');
const business: BusinessProfile = {
  name: 'Corner Shop',
  timezone: 'America/Chicago',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  services: [{ name: 'Tune-up', durationMin: 60 }],
};
const nlu = createNlu(business);
const when = (text: string) => nlu.understand(text, THU).when;

describe('negated and corrected values', () => {
  it.each([
    ['4, not 3', '16:00'],
    ['not 3, 4', '16:00'],
    ['no, 11, not 10', '11:00'],
    ['four not three', '16:00'],
    ['10am not nine thirty in the morning', '10:00'],
    ['wednesday at 10, actually make that 11 instead', '11:00'],
    ['two pm, not twelve noon', '14:00'],
    ['make that one thirty p m', '13:30'],
  ])('%s → %s', (text, time) => {
    expect(when(text)?.time).toBe(time);
  });

  it('a date said after "not" is excluded, and the one after it counts from it', () => {
    expect(when('next friday, not tomorrow, the one after')?.date).toBe('2026-03-20');
    expect(when('not tomorrow but the friday after that')?.date).toBe('2026-03-20');
    expect(when('not tomorrow, monday')?.date).toBe('2026-03-16');
    expect(when('not tomorrow')).toBeUndefined();
  });
});

describe('relative dates', () => {
  it.each([
    ['a week from tuesday', '2026-03-24'],
    ['a week from tomorrow', '2026-03-20'],
    ['two weeks from today', '2026-03-26'],
    ['friday after next', '2026-03-20'],
    ['monday next week', '2026-03-16'],
    ['next week on wednesday', '2026-03-18'],
    ['the following tuesday', '2026-03-17'],
    ['tuesday week', '2026-03-24'],
    ['a week on tuesday', '2026-03-24'],
  ])('%s → %s', (text, date) => {
    expect(when(text)?.date).toBe(date);
  });
});

describe('spoken times', () => {
  it.each([
    ['half past two', '14:30'],
    ['quarter to eleven', '10:45'],
    ['a quarter after nine', '09:15'],
    ['noon', '12:00'],
    ['nine a m', '09:00'],
    ['ten thirty', '10:30'],
    ['nine oh five a m', '09:05'],
    ['three in the afternoon', '15:00'],
    ['1:30p.m thursday', '13:30'],
    ['for nine if you have it', '09:00'],
    ['11 then', '11:00'],
    ['twenty past three', '15:20'],
    ['ten to four', '15:50'],
    ['half two', '14:30'],
    ['three-thirty', '15:30'],
  ])('%s → %s', (text, time) => {
    expect(when(text)?.time).toBe(time);
  });

  it('a bare weekday is remembered, so an offered Tuesday of another week can be meant', () => {
    expect(nlu.understand('tuesday at three then', THU).weekday).toBe(2);
    expect(nlu.understand('next tuesday at three', THU).weekday).toBeUndefined();
  });
});

describe('speech-recogniser text', () => {
  it('reads names and contractions without apostrophes and stutters', () => {
    expect(nlu.understand('its its grace haddad', THU).name).toBe('Grace Haddad');
    expect(nlu.understand('my names fatima lopez', THU).name).toBe('Fatima Lopez');
    expect(nlu.bareName('yeah its priya patel')).toBe('Priya Patel');
    expect(nlu.bareName('sam lee and you can reach me at 312 555 0142')).toBe('Sam Lee');
    expect(nlu.bareName('oh wait, its Kevin Okafor')).toBe('Kevin Okafor');
  });

  it('keeps a phone number said with repeated digits', () => {
    expect(nlu.understand('three one two five five five oh one four two', THU).phone).toBe('+13125550142');
  });
});

describe('picks and answers to one action', () => {
  it.each([
    ["I'll take the second", 1],
    ['the later one', 'last'],
    ['first one is good', 0],
    ['the earlier one works better for me', 0],
    ['second option please', 1],
  ] as const)('%s → %s', (text, pick) => {
    expect(pickOption(text)).toBe(pick);
  });

  it('does not read a date or a memory as a pick', () => {
    expect(pickOption('the first of march')).toBeUndefined();
    expect(pickOption('the last time i came it was fine')).toBeUndefined();
  });

  it.each([
    ['no need to rebook, please just cancel it', 'yes'],
    ["no, I don't want to reschedule, just cancel it", 'yes'],
    ["no no i won't rebook cancel the appointment", 'yes'],
    ["no don't cancel it", 'no'],
    ['actually no, leave it', 'no'],
  ] as const)('at "shall I cancel it?": %s → %s', (text, yn) => {
    expect(answerTo(text, 'cancel')).toBe(yn);
  });
});

describe('numbers that are not times', () => {
  it('a number inside a service name is no hour', () => {
    expect(nlu.understand("i'd like a level 2 charger", THU).when).toBeUndefined();
  });
  it('a name answer keeps the name when an email follows', () => {
    expect(nlu.bareName('Jordan Schmidt, my email is jordan dot schmidt at gmail dot com')).toBe('Jordan Schmidt');
  });
});

describe('a leading "no" that agrees', () => {
  it.each([
    ['no problem', true],
    ["no, that's fine", true],
    ['no go ahead', true],
    ["no, that's not right", false],
    ['no', false],
    ["no that's fine but make it 4", false],
  ] as const)('%s → %s', (text, agrees) => {
    expect(agreeingNo(text)).toBe(agrees);
  });
  it('"option two" picks the second offer', () => {
    expect(pickOption('option 2')).toBe(1);
  });
  it('"7 o\'clock at night" is 7 PM', () => {
    expect(when("7 o'clock at night")?.time).toBe('19:00');
  });
});

describe('a number inside a service name', () => {
  const spa = createNlu({
    ...business,
    services: [{ name: 'Couples Massage', durationMin: 90, synonyms: ['massage for two'] }],
  });
  it('is never read as a time, while the time said with it is', () => {
    expect(spa.understand('i need to book a massage for two', THU).when).toBeUndefined();
    expect(spa.understand('a massage for two tomorrow at 3', THU).when).toEqual({ date: '2026-03-13', time: '15:00' });
  });
  it('"make that one instead" is one o\'clock', () => {
    expect(when('actually make that one instead')?.time).toBe('13:00');
  });
});
