// Invariant: a street address said on the phone, its house number in words as a speech recogniser writes it
// ("eighteen forty east osborn road", "twenty two oh five", "one twenty three", "four thousand five hundred"), is
// read as the written address, with its unit, ordinal street name, town, state and postcode said in words; the
// words of the address are never read as a time, and a time said in the same turn is kept; a time, a phone
// number, a price, a count, a duration or a date said in words is never an address.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import { createFakePorts } from '../test-support/fake-ports.js';
import { PLUMBER } from '../test-support/businesses.js';
import type { BusinessProfile } from '../types.js';
import { addressInDigits } from './address.js';
import { createNlu, findAddress } from './index.js';

// Tuesday 2026-07-21, 11:05 in Phoenix
const NOW = new Date('2026-07-21T18:05:00Z');
const plumber: BusinessProfile = {
  name: 'Desert Flow Plumbing',
  timezone: 'America/Phoenix',
  industry: 'plumbing',
  hours: { tue: [['07:00', '17:00']], wed: [['07:00', '17:00']] },
  services: [{ name: 'Faucet Repair', durationMin: 60, synonyms: ['leaky faucet'] }],
};
const nlu = createNlu(plumber);
const read = (text: string) => nlu.understand(text, NOW);

describe('a house number said in words', () => {
  it.each([
    ['eighteen forty east osborn road', '1840 East Osborn Road'],
    ['forty two hundred bryant avenue south', '4200 Bryant Avenue South'],
    ['twenty two oh five south mill avenue tempe', '2205 South Mill Avenue, Tempe'],
    ['ninety one oakland park avenue', '91 Oakland Park Avenue'],
    ['uh it’s sixty one lyndale drive', '61 Lyndale Drive'],
    ["we're at one twenty three main street", '123 Main Street'],
    ['the address is four thousand five hundred n elm st', '4500 N Elm St'],
    ['three oh seven pine lane', '307 Pine Lane'],
    ['seventeen harbour close', '17 Harbour Close'],
    ['one oh one elm court', '101 Elm Court'],
    ['twelve hundred west scottsdale boulevard', '1200 West Scottsdale Boulevard'],
    ['it is one hundred and five maple way', '105 Maple Way'],
    ['two thousand and five cedar place', '2005 Cedar Place'],
    ['one five two three five w indian school rd', '15235 W Indian School Rd'],
    ['forty two b oak lane', '42B Oak Lane'],
    ['two twenty one b baker street', '221B Baker Street'],
    ['four oh four parkway circle', '404 Parkway Circle'],
    ['eighty eight lake shore drive chicago', '88 Lake Shore Drive, Chicago'],
    ['thirty two glenholme crescent', '32 Glenholme Crescent'],
  ])('"%s" is %s', (said, want) => {
    expect(read(said).address).toBe(want);
  });

  it.each([
    ['three oh seven forty second street', '307 42nd Street'],
    ['seventeen first avenue', '17 1st Avenue'],
    ['one oh one twenty third st', '101 23rd St'],
    ['one oh one twelfth avenue north', '101 12th Avenue North'],
    ['nine ninety nine w fifth avenue', '999 W 5th Avenue'],
  ])('a street named by an ordinal in words: "%s" is %s', (said, want) => {
    expect(read(said).address).toBe(want);
  });

  it.each([
    ['twelve elm street apartment four b', '12 Elm Street, Apartment 4B'],
    ['twelve hundred elm street unit number twelve', '1200 Elm Street, Unit 12'],
    ["it's one oh five elm street suite two hundred", '105 Elm Street, Suite 200'],
    ['apartment four b, twelve elm street', 'Apartment 4B, 12 Elm Street'],
    ['flat two, twelve elm close, reading', 'Flat 2, 12 Elm Close, Reading'],
    [
      'forty nine thirty one e camelback road suite two hundred phoenix az eight five oh one eight',
      '4931 E Camelback Road, Suite 200, Phoenix AZ 85018',
    ],
    [
      'ninety one oakland park avenue phoenix arizona eight five oh one six',
      '91 Oakland Park Avenue, Phoenix Arizona 85016',
    ],
  ])('its unit, town and postcode in words: "%s" is %s', (said, want) => {
    expect(read(said).address).toBe(want);
  });

  it('places the address in the text as said, so the words around it stay what they are', () => {
    const text = 'ok so uh we are at eighteen forty east osborn road thanks';
    const found = findAddress(text)!;
    expect(text.slice(found.start, found.end)).toBe('eighteen forty east osborn road');
    expect(found.address).toBe('1840 East Osborn Road');
  });

  it('a name said before the address stays the name', () => {
    const u = read('dave kowalski, eighteen forty east osborn road');
    expect([u.name, u.address]).toEqual(['Dave Kowalski', '1840 East Osborn Road']);
  });
});

describe('an address and a time in one turn keep both', () => {
  it.each([
    "tomorrow at ten thirty, we're at twenty two oh five west elm street",
    "tomorrow at ten thirty we're at twenty two oh five west elm street",
    'tomorrow at ten thirty twenty two oh five west elm street',
    'twenty two oh five west elm street, tomorrow at ten thirty',
  ])('%s', (said) => {
    const u = read(said);
    expect([u.address, u.when]).toEqual(['2205 West Elm Street', { date: '2026-07-22', time: '10:30' }]);
  });

  it('the house number alone is no time', () => {
    expect(read('twenty two oh five south mill avenue tempe').when).toBeUndefined();
    expect(read('eighteen forty east osborn road').when).toBeUndefined();
  });

  it('a phone number and an address said together are both read', () => {
    const u = read('my cell is six oh two five five five oh one nine one and we are at seventeen n main st');
    expect([u.phone, u.address]).toEqual(['+16025550191', '17 N Main St']);
  });
});

describe('numbers in words that are no address', () => {
  it.each([
    'can you come at ten thirty',
    'tomorrow at one oh five',
    'it costs two fifty',
    'i have two kids and a dog',
    'it will take two hours',
    'next friday the twenty second',
    'we live on forty second street',
    "i'm at the corner of first avenue and twelfth street",
    "it's a one way street",
    'the house is about ten minutes down the road',
    'two doors down the road from the school',
    'we are twenty minutes up the highway',
    'i need two court dates',
    "it's a three bedroom place",
    'we have a two car garage on maple drive',
    'it is a 3 bedroom place',
    'three square meals',
    'the second one on the left',
    'six oh two five five five oh one nine one',
    'a 2 way radio',
    '10 minutes down the road',
  ])('%s', (said) => {
    expect(read(said).address).toBeUndefined();
  });
});

describe('a caller who says the address in words is booked with it', () => {
  it('keeps the time picked and books with the address read back in digits', async () => {
    const fake = createFakePorts(PLUMBER);
    // Tuesday 2026-03-10 09:00 in Denver
    const convo = createConversation({
      business: PLUMBER,
      callerPhone: '+17205550142',
      now: fixedClock('2026-03-10T15:00:00Z'),
      deps: fake.ports,
    });
    convo.greet();
    for (const line of ['my drain is clogged, can someone come tomorrow at ten thirty', 'joe park'])
      await convo.handle({ text: line });
    const asked = await convo.handle({ text: 'twenty two oh five south mill avenue tempe' });
    expect(asked.text).toMatch(/2205 South Mill Avenue, Tempe/);
    expect(asked.text).toMatch(/10:30 AM/);
    await convo.handle({ text: 'yes' });
    const booked = fake.world.appointments.filter((a) => a.status === 'booked');
    expect(booked.map((a) => a.customer.address)).toEqual(['2205 South Mill Avenue, Tempe']);
  });
});

describe('an answer to "what\'s the address?" with no street type', () => {
  it.each([
    ['forty two oak', '42 oak'],
    ["it's eighteen forty osborn", "it's 1840 osborn"],
    ['unit number twelve, ninety one oakland park', 'unit 12, 91 oakland park'],
    ['42 oak', '42 oak'],
  ])('"%s" has its numbers in digits: %s', (said, want) => {
    expect(addressInDigits(said)).toBe(want);
  });
});
