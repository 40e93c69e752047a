// Invariant: a caller's number is understood in the business's own country's format, whatever its length
// ("8123 4567" in Singapore, "612 34 56 78" in Madrid, "oh one, five five five, oh one four two" in Dublin),
// or with its country code, and read back as locals say it; a time, a count, a postcode or a date is no number.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu } from './index.js';
import { findPhone, speakPhone } from './phone.js';

describe('a number in the local format of the business country', () => {
  const cases: Array<[string, string, string]> = [
    ['SG', '8123 4567', '+6581234567'],
    ['SG', "it's 9123 4567", '+6591234567'],
    ['SG', 'eight one two three, four five six eight', '+6581234568'],
    ['HK', '9123 4567', '+85291234567'],
    ['HK', 'nine one two three four five six seven', '+85291234567'],
    ['JP', '03-1234-5678', '+81312345678'],
    ['DE', '0151 12345678', '+4915112345678'],
    ['DE', '030 55501234', '+493055501234'],
    ['DE', '030/55501234', '+493055501234'],
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['NL', '06 12345678', '+31612345678'],
    ['ES', '612 34 56 78', '+34612345678'],
    ['ES', 'six one two, five five zero, one four two', '+34612550142'],
    ['IE', 'oh one, five five five, oh one four two', '+35315550142'],
    ['IE', 'oh one five five five oh one four oh', '+35315550140'],
    ['IE', 'oh eight seven, one two three, double four five six', '+353871234456'],
    ['IN', '098123 45678', '+919812345678'],
    ['IN', 'oh nine eight one two three, four five six seven eight', '+919812345678'],
    ['ZA', 'oh eight two, one two three, triple four five', '+27821234445'],
    ['AU', 'oh two, nine eight seven six, five four three two', '+61298765432'],
  ];
  it.each(cases)('%s: %s', (country, said, e164) => {
    expect(findPhone(said, country)?.e164).toBe(e164);
  });
});

describe('a number with its country code', () => {
  const cases: Array<[string, string, string]> = [
    ['US', '+65 8123 4567', '+6581234567'],
    ['US', 'plus six five, eight one two three, four five six seven', '+6581234567'],
    ['DE', '00 65 8123 4567', '+6581234567'],
    ['GB', 'double oh three five three, one, five five five, oh one four two', '+35315550142'],
    ['SG', '+91 98123 45678', '+919812345678'],
    ['HK', '+852 9123 4567', '+85291234567'],
  ];
  it.each(cases)('%s: %s', (country, said, e164) => {
    expect(findPhone(said, country)?.e164).toBe(e164);
  });

  it('says where a spoken "plus" began the number', () => {
    const said = 'call me on plus six five, eight one two three, four five six seven';
    const hit = findPhone(said, 'US');
    expect(hit && said.slice(hit.start, hit.end)).toBe('plus six five, eight one two three, four five six seven');
  });
});

describe('digits that are no phone number', () => {
  const stray = [
    'at 4 30',
    'at 10:30, 11:45 or 12',
    '12 5',
    'the 12th at 10 30',
    'for 2 kids at 3',
    'my postcode is 10115',
    '12/05/2026',
    '2026-05-12',
    '5.12.2026',
    'tuesday 12 5 at 4 30',
    'apartment 5, 22 harbour road',
    'unit 3/45 george street',
    'the 14th and the 18th',
    'between 2 and 4',
    'it was 120 dollars',
  ];
  const countries = ['SG', 'HK', 'DE', 'IE', 'FR', 'NL', 'ES', 'JP', 'IN', 'ZA', 'AT', 'BE', 'DK', 'GB', 'AU', 'US'];
  it.each(stray)('%s', (said) => {
    expect(countries.filter((c) => findPhone(said, c))).toEqual([]);
  });
});

describe('a number among other words', () => {
  it('leaves a time said after it to the time', () => {
    const said = 'my number is 8123 4567, 4 30 works';
    const hit = findPhone(said, 'SG');
    expect(hit?.e164).toBe('+6581234567');
    expect(said.slice(hit!.start, hit!.end)).toBe('8123 4567');
  });

  it('leaves a count said after it', () => {
    expect(findPhone('0151 12345678 and 2 kids', 'DE')?.e164).toBe('+4915112345678');
    expect(findPhone('9123 4567 and 2 of us', 'HK')?.e164).toBe('+85291234567');
  });

  it('finishes a group the caller began again', () => {
    expect(findPhone('three one two, five five five oh one, sorry, oh one nine two', 'US')?.e164).toBe('+13125550192');
    expect(findPhone('eight one two three, four five, sorry, four five six seven', 'SG')?.e164).toBe('+6581234567');
    expect(findPhone('oh one, five five five oh, no sorry, oh one four two', 'IE')?.e164).toBe('+35315550142');
  });

  it('carries on an unfinished number after a "sorry"', () => {
    expect(findPhone('three one two, five five five, sorry, oh one four two', 'US')?.e164).toBe('+13125550142');
  });
});

describe('understood on a turn', () => {
  const NOW = new Date('2026-03-10T02:15:00Z');
  const business = (timezone: string, country: string): BusinessProfile => ({
    name: 'Glow',
    timezone,
    country,
    industry: 'salon',
    hours: { tue: [['09:00', '18:00']], wed: [['09:00', '18:00']] },
    services: [{ name: 'Facial', durationMin: 60 }],
  });

  it('takes the number and keeps the time said with it', () => {
    const u = createNlu(business('Asia/Singapore', 'SG')).understand('8123 4567, and 4 30 tomorrow is fine', NOW);
    expect(u.phone).toBe('+6581234567');
    expect(u.when).toMatchObject({ date: '2026-03-11', time: '16:30' });
  });

  it('reads a Spanish number said in pairs', () => {
    const nlu = createNlu({ ...business('Europe/Madrid', 'ES'), languages: ['es', 'en'] });
    expect(nlu.understand('Seiscientos doce, cincuenta y cinco, cero uno, cuarenta y dos', NOW, 'es').phone).toBe(
      '+34612550142',
    );
    expect(nlu.understand('612 34 56 78', NOW, 'es').phone).toBe('+34612345678');
  });
});

describe('a number read back', () => {
  const cases: Array<[string, string, string]> = [
    ['+6581234567', 'SG', '8123 4567'],
    ['+85291234567', 'HK', '9123 4567'],
    ['+34612345678', 'ES', '612 34 56 78'],
    ['+33612345678', 'FR', '06 12 34 56 78'],
    ['+35315550142', 'IE', '01 555 0142'],
    ['+81312345678', 'JP', '03-1234-5678'],
    // a long group is said in breaths, not as one figure
    ['+493055501234', 'DE', '030 5550 1234'],
    ['+31612345678', 'NL', '06 1234 5678'],
    ['+6581234567', 'US', '+65 8123 4567'],
    ['+13125550142', 'SG', '+1 312 555 0142'],
    ['+13125550142', 'CA', '312-555-0142'],
  ];
  it.each(cases)('%s to a business in %s', (e164, country, said) => {
    expect(speakPhone(e164, country)).toBe(said);
  });
});

describe('the ranges regulators set aside for drama, which sample data and callers use', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['my mobile is 07700900456', '+447700900456'],
    ['oh seven seven oh oh, nine oh oh seven eight nine', '+447700900789'],
    ['01632 960 001', '+441632960001'],
  ])('"%s" in London is %s', (said, e164) => {
    expect(findPhone(said, 'GB')?.e164).toBe(e164);
  });

  it('a number near them that is no number stays none', () => {
    expect(findPhone('07700 900', 'GB')).toBeUndefined();
    expect(findPhone('01632 96', 'GB')).toBeUndefined();
  });
});
