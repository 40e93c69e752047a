// Invariant: what a caller says about a thing is never kept as their name ("it's all over the floor", "it's
// noisy", "grand, thanks, bye"), while a name said in a longer answer is ("put it under my sister's name, Claire
// Dubois", "Kevin Price, 12 Beech Road"); a spelling or a correction changes only the word it spells or corrects,
// and a number corrected at its end keeps its beginning.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, withNamePart } from './index.js';

// Thursday 2026-12-10, 12:00 UTC
const NOW = new Date('2026-12-10T12:00:00Z');

const trade: BusinessProfile = {
  name: 'Northside Plumbing & Heating',
  timezone: 'America/Chicago',
  industry: 'plumbing',
  hours: { mon: [['08:00', '17:00']], thu: [['08:00', '17:00']] },
  services: [
    { name: 'Boiler Repair', durationMin: 90, synonyms: ['repair'] },
    { name: 'Drain Cleaning', durationMin: 60 },
  ],
};
const us = createNlu(trade);
const london = createNlu({ ...trade, timezone: 'Europe/London', country: 'GB' });
const sydney = createNlu({ ...trade, timezone: 'Australia/Sydney', country: 'AU' });
const auckland = createNlu({ ...trade, timezone: 'Pacific/Auckland', country: 'NZ' });
const bilingual = createNlu({ ...trade, languages: ['en', 'es'] });
const BY_COUNTRY = { US: us, GB: london, AU: sydney, NZ: auckland };
type Country = keyof typeof BY_COUNTRY;

describe('what is said about a thing is no name', () => {
  it.each([
    // quantifiers, degree words and prepositions
    "oh my god, sewage is coming up out of the shower drain, it's all over the bathroom floor and into the hallway",
    "hi, I can smell gas in the kitchen, it's quite strong near the boiler",
    "it's everywhere, the whole kitchen",
    // an adjective or a common noun after "it's"
    "a repair I suppose, it's working but it's noisy",
    "it's leaky and it's rusty",
    'hi yeah um need a quote for a full reroof on a house in cronulla its tiles at the moment want colorbond',
    "it's slate at the moment",
    // a preposition that says where or when goes on describing a thing
    "it's Bristol at the moment but we're moving",
    "it's grey by the back door",
  ])('%s', (text) => {
    expect(us.understand(text, NOW).name).toBeUndefined();
  });

  it.each(["it's really loud in the loft", "it's pretty bad to be honest", "the tap won't stop, it's so noisy"])(
    'still no name: %s',
    (text) => {
      expect(us.understand(text, NOW).name).toBeUndefined();
    },
  );

  it.each(['grand, thanks, bye', 'lovely, ta', 'brilliant, cheers', 'perfect', 'cool, thanks'])(
    'a stock reply to "your name?" is no name: %s',
    (text) => {
      expect(us.bareName(text)).toBeUndefined();
    },
  );

  it.each([
    ['Grace', 'Grace'],
    ["it's Hope", 'Hope'],
    ['Rich', 'Rich'],
    ['Young', 'Young'],
    ['Brown', 'Brown'],
    ['Noble', 'Noble'],
    ['Kevin Price', 'Kevin Price'],
    ['Jenny Little', 'Jenny Little'],
  ])('a name that is also a word still reads when asked: %s', (text, want) => {
    expect(us.bareName(text)).toBe(want);
  });

  it.each([
    ["hi, it's Grace, I'd like to book a repair", 'Grace'],
    ['this is Rich Young', 'Rich Young'],
    ['my name is Amy Strong', 'Amy Strong'],
    ["it's Sam by the way", 'Sam'],
    ["it's Rusty", 'Rusty'],
    ["hi, it's Grace at the bakery on Main", 'Grace'],
    ["it's flooding the hall, it's Dana Reed by the way", 'Dana Reed'],
  ])('an introduction still reads: %s', (text, want) => {
    expect(us.understand(text, NOW).name).toBe(want);
  });

  it('an introduction still names the company after it', () => {
    const u = us.understand("it's Dana over at Acme Supply", NOW);
    expect([u.name, u.company]).toEqual(['Dana', 'Acme Supply']);
  });

  it('whom a booking is for is not the caller introducing themselves', () => {
    expect(us.understand("it's for my son Max", NOW).name).toBeUndefined();
    expect(us.bareName("it's for my son Max")).toBe('Max');
  });
});

describe('a name inside a longer answer', () => {
  it.each([
    ["Put it under my sister's name, Claire Dubois", 'Claire Dubois'],
    ['book it under the name of Priya Nair please', 'Priya Nair'],
    ["under my husband's name, Tom Reid", 'Tom Reid'],
    ['it is under Maria', 'Maria'],
    ["it's under the sink", undefined],
    ["it's under water in the basement", undefined],
  ])('the name a booking is put under: %s', (text, want) => {
    expect(us.understand(text, NOW).name).toBe(want);
  });

  it.each([
    ['GB', 'Kevin Price, 12 Beech Road, Chorlton', 'Kevin Price', '12 Beech Road, Chorlton'],
    ['US', 'Tom Whitaker, 2290 River Road, New Braunfels', 'Tom Whitaker', '2290 River Road, New Braunfels'],
    ['AU', 'Ben Castellano, 23 Allen Street Leichhardt', 'Ben Castellano', '23 Allen Street, Leichhardt'],
    ['US', 'yes, Maria Lopez. 410 Elm Avenue', 'Maria Lopez', '410 Elm Avenue'],
  ] as const)('a name and then an address (%s): %s', (country: Country, text, name, address) => {
    const u = BY_COUNTRY[country].understand(text, NOW);
    expect([u.name, u.address]).toEqual([name, address]);
  });

  it('a name and then a number', () => {
    const u = sydney.understand('Ben, 0491 570 156', NOW);
    expect([u.name, u.phone]).toEqual(['Ben', '+61491570156']);
  });

  it.each(['the kitchen, 12 beech road', 'sewage everywhere, 2290 river road', 'the address is 2290 River Road'])(
    'words before an address that are no name: %s',
    (text) => {
      expect(us.understand(text, NOW).name).toBeUndefined();
    },
  );

  it('words said before an address or a number without a pause are no name, in any language', () => {
    expect(us.understand('chorlton 12 beech road', NOW).name).toBeUndefined();
    expect(bilingual.understand('es el 720 555 0199', NOW, 'es').name).toBeUndefined();
  });

  it.each([
    [
      'AU',
      'please help, water is pouring through the ceiling into our bedroom, 23 Allen Street Leichhardt',
      '23 Allen Street, Leichhardt',
    ],
    ['AU', 'yeah its 14 the kingsway cronulla', '14 The Kingsway, Cronulla'],
    ['GB', '12 Abbey Close, Didsbury', '12 Abbey Close, Didsbury'],
    ['US', '23 allen street leichhardt, please hurry', '23 Allen Street, Leichhardt'],
  ] as const)('an address with its town, however it is said (%s): %s', (country: Country, text, want) => {
    expect(BY_COUNTRY[country].understand(text, NOW).address).toBe(want);
  });

  it.each([
    ['123 main street please', '123 Main Street'],
    ['at 14 oak avenue tomorrow', '14 Oak Avenue'],
    ['1187 fernwood drive in hilliard', '1187 Fernwood Drive, Hilliard'],
  ])('what follows a street without a comma is no town unless it closes the turn: %s', (text, want) => {
    expect(us.understand(text, NOW).address).toBe(want);
  });
});

describe('a name spelled or corrected', () => {
  it.each([
    ["It's Tama Ngata. Sorry, Ngatai, N-G-A-T-A-I.", 'Tama Ngatai'],
    ['its tama ngata sorry ngatai', 'Tama Ngatai'],
    ['Tama Ngata. Sorry, Ngatai.', 'Tama Ngatai'],
    ['this is Dana Reed, sorry, I mean Diana Reed', 'Diana Reed'],
    ["it's Jon Smyth, sorry, Smith", 'Jon Smith'],
    ["it's Tama Ngata, sorry, I mean Tom", 'Tom Ngata'],
  ])('a correction changes the word corrected: %s', (text, want) => {
    expect(auckland.understand(text, NOW).name).toBe(want);
  });

  it.each([
    ["Hiya, it's Siobhan, S-I-O-B-H-A-N, Murphy. I'm collecting Bella on Friday at five", 'Siobhan Murphy'],
    ["it's Shevaun, S-I-O-B-H-A-N", 'Siobhan'],
    ["it's Tama, N-G-A-T-A-I", 'Tama Ngatai'],
    ["it's siobhan s i o b h a n murphy", 'Siobhan Murphy'],
    ['Tama Ngatai, N-G-A-T-A-I', 'Tama Ngatai'],
  ])('a spelling confirms the word it spells and keeps the rest: %s', (text, want) => {
    expect(us.understand(text, NOW).name).toBe(want);
  });

  it('letters alone answer "your name?"', () => {
    expect(us.bareName('S-I-O-B-H-A-N')).toBe('Siobhan');
  });

  it.each([
    ['my name is Siobhan Murphy, M-U-R-P-H-Y', 'Siobhan Murphy'],
    ["it's Anne-Marie, A-N-N-E dash M-A-R-I-E", 'Anne-Marie'],
    ['this is Sam Lee, no worries', 'Sam Lee'],
    ['this is Dana Reed, sorry, Thursday works', 'Dana Reed'],
    ['this is Mark, actually, gutters', 'Mark'],
    ['the a-c is broken', undefined],
    ['my last name is spelled b r o o k e s', undefined],
  ])('a spelling of the name as said, or nothing that corrects it, changes nothing: %s', (text, want) => {
    expect(us.understand(text, NOW).name).toBe(want);
  });

  it('"It\'s Brookes, with an e" after "Katelyn Brooks" corrects the surname', () => {
    const u = us.understand("It's Brookes, with an e", NOW);
    expect(withNamePart('Katelyn Brooks', u.name ?? '', u.namePart)).toBe('Katelyn Brookes');
  });

  it.each([
    ['Tama Ngata', 'Ngatai', 'Tama Ngatai'],
    ['Siobhan Murphy', 'Siobhan', 'Siobhan Murphy'],
    ['Steven Clark', 'Stephen', 'Stephen Clark'],
    // another name altogether, or a whole name, replaces it
    ['Sam Lee', 'Maria', 'Maria'],
    ['Katelyn Brooks', 'Kate Brookes', 'Kate Brookes'],
    [undefined, 'Ngatai', 'Ngatai'],
  ])('a word said again for a word of %s', (current, said, want) => {
    expect(withNamePart(current, said)).toBe(want);
  });
});

describe('a number corrected at its end', () => {
  it.each([
    ['NZ', "oh two one, five five five, oh one four two. Wait no, the last bit's oh one four three", '+64215550143'],
    ['US', "five one two, five five five, oh one four two. wait no, the last bit's oh one four three", '+15125550143'],
    ['US', '312 555 0142, sorry, the last four digits should be 0143', '+13125550143'],
    [
      'NZ',
      'oh two one, five five five, oh one four two, sorry, the last four digits are oh one four three',
      '+64215550143',
    ],
  ] as const)('(%s) %s', (country: Country, text, want) => {
    expect(BY_COUNTRY[country].understand(text, NOW).phone).toBe(want);
  });

  it.each([
    ['five one two, five five five, oh one four two', '+15125550142'],
    ['312 555 0142, not 0124', '+13125550142'],
    ['my number is 512 555 0142 and the last bit is easy to remember', '+15125550142'],
  ])('a number in groups, or not corrected, stays: %s', (text, want) => {
    expect(us.understand(text, NOW).phone).toBe(want);
  });
});
