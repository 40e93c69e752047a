// Invariant: an address keeps everything the caller said of it in one stretch — a unit before or after the
// street, the town, the state or province and the postcode of any country, in the capitals they are written
// with — and stops before what is no part of it; an email spelled letter by letter is read, and its letters are
// never a name; a name respelled ("Katherine with a K", "K-A-T-H-E-R-I-N-E", "Jon without the h") changes the
// word it respells and keeps the rest of the name.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, findEmail, withNamePart } from './index.js';

// Wednesday 2026-08-05, 13:00 in New York
const NOW = new Date('2026-08-05T17:00:00Z');

const trade: BusinessProfile = {
  name: 'Bugaway Pest Control',
  timezone: 'America/New_York',
  industry: 'other',
  hours: { wed: [['08:00', '17:00']] },
  services: [{ name: 'General pest treatment', durationMin: 60 }],
};
const BY_COUNTRY = {
  US: createNlu(trade),
  CA: createNlu({ ...trade, timezone: 'America/Toronto', country: 'CA' }),
  GB: createNlu({ ...trade, timezone: 'Europe/London', country: 'GB' }),
  IE: createNlu({ ...trade, timezone: 'Europe/Dublin', country: 'IE' }),
  AU: createNlu({ ...trade, timezone: 'Australia/Sydney', country: 'AU' }),
};
type Country = keyof typeof BY_COUNTRY;
const us = BY_COUNTRY.US;
const read = (country: Country, text: string) => BY_COUNTRY[country].understand(text, NOW);

describe('an address keeps its unit, town, state and postcode', () => {
  it.each([
    [
      'GB',
      "I'm Sophie Turner, 12 Elm Close, Flat 2, Reading RG1 4QS, and my email is",
      '12 Elm Close, Flat 2, Reading RG1 4QS',
    ],
    ['GB', '12 elm close flat 2 reading rg14qs', '12 Elm Close, Flat 2, Reading RG1 4QS'],
    [
      'IE',
      "I'm in Apartment 5, 22 Harbour Road, Howth. Could someone get back to me?",
      'Apartment 5, 22 Harbour Road, Howth',
    ],
    ['IE', 'Flat 1, 9 Main Street, Dublin D02 X285', 'Flat 1, 9 Main Street, Dublin D02 X285'],
    ['IE', "it's 14 Sandford Road, Dublin 6W", '14 Sandford Road, Dublin 6W'],
    ['US', "We're at 2208 Maple Avenue, Apartment 12B, Dallas.", '2208 Maple Avenue, Apartment 12B, Dallas'],
    ['US', 'Apt 4B, 310 West 55th Street, New York, NY 10019', 'Apt 4B, 310 West 55th Street, New York, NY 10019'],
    ['US', 'the office is 100 main street, suite 200', '100 Main Street, Suite 200'],
    ['US', '1 main st portland or 97201', '1 Main St, Portland OR 97201'],
    ['US', '123 main street, springfield, il 62701', '123 Main Street, Springfield, IL 62701'],
    ['US', 'it is 12 court street, boston', '12 Court Street, Boston'],
    ['US', "it's 12b harbour road", '12B Harbour Road'],
    ['CA', '250 King Street West, Unit 4, Toronto ON M5V 2T6', '250 King Street West, Unit 4, Toronto ON M5V 2T6'],
    ['AU', 'Unit 3/45 George Street, Parramatta NSW 2150', 'Unit 3/45 George Street, Parramatta NSW 2150'],
    ['AU', 'yeah 3/45 george st parramatta', '3/45 George St, Parramatta'],
    ['AU', 'level 3, 200 george street, sydney nsw 2000', 'Level 3, 200 George Street, Sydney NSW 2000'],
  ] as const)('(%s) %s', (country: Country, text, want) => {
    expect(read(country, text).address).toBe(want);
  });

  it.each([
    [
      'AU',
      'Unit 3/45 George Street, Parramatta NSW 2150, 0491 570 156',
      'Unit 3/45 George Street, Parramatta NSW 2150',
      '+61491570156',
    ],
    [
      'IE',
      'Flat 1, 9 Main Street, Dublin D02 X285. 087 555 0123',
      'Flat 1, 9 Main Street, Dublin D02 X285',
      '+353875550123',
    ],
    [
      'US',
      'Apt 4B, 310 West 55th Street, New York, NY 10019, 212 555 0100',
      'Apt 4B, 310 West 55th Street, New York, NY 10019',
      '+12125550100',
    ],
  ] as const)(
    'a postcode said just before the phone number belongs to the address (%s): %s',
    (country: Country, text, address, phone) => {
      const u = read(country, text);
      expect([u.address, u.phone]).toEqual([address, phone]);
    },
  );

  it('a digit said twice at the start of a number stays with it, never read as a time', () => {
    const u = us.understand('two two one two five five five zero one eight eight', NOW);
    expect([u.phone, u.when]).toEqual(['+12125550188', undefined]);
  });

  it('a name said before a unit and its street is still the name', () => {
    const u = read('GB', 'Sophie Turner, Flat 2, 12 Elm Close, Reading');
    expect([u.name, u.address]).toEqual(['Sophie Turner', 'Flat 2, 12 Elm Close, Reading']);
  });

  it.each([
    ['12 main st, 3000 square feet', '12 Main St'],
    ["it's at 45 high street, next to the bank", '45 High Street'],
    ["we're at 12 oak road, on the corner", '12 Oak Road'],
    ['123 main street in march', '123 Main Street'],
    ['14 oak avenue, monday works', '14 Oak Avenue'],
    ['12 oak road, ok?', '12 Oak Road'],
    ['22 harbour road, and my email is', '22 Harbour Road'],
  ])('words after an address that are no part of it: %s', (text, want) => {
    expect(us.understand(text, NOW).address).toBe(want);
  });

  it.each([
    'we have 2 dogs in the court yard',
    'my flat 2 doors down has the same problem',
    'the unit 4 of them share is broken',
    'I need 2 haircuts',
    'at 3 tomorrow',
  ])('no address: %s', (text) => {
    expect(us.understand(text, NOW).address).toBeUndefined();
  });
});

describe('an email spelled letter by letter', () => {
  it.each([
    ["It's T-O-M-B at shaw dot C-A.", 'tomb@shaw.ca'],
    ['t o m b at shaw dot c a', 'tomb@shaw.ca'],
    ["it's T-O-M-B at S-H-A-W dot C-A, I think", 'tomb@shaw.ca'],
    ['t o m b at shaw dot c a i think', 'tomb@shaw.ca'],
    ['M-A-R-Y dash ann at outlook dot co dot uk', 'mary-ann@outlook.co.uk'],
    ["it's j dot smith at gmail dot com", 'j.smith@gmail.com'],
    ['aoife at eircom dot ie', 'aoife@eircom.ie'],
    ['tom at bigpond dot com dot au', 'tom@bigpond.com.au'],
    ['my email is mary-ann at eircom dot ie', 'mary-ann@eircom.ie'],
  ])('%s → %s', (text, want) => {
    expect(us.understand(text, NOW).email).toBe(want);
  });

  it.each([
    "I'm at work at the moment",
    'meet me at 5.30',
    "i'm at the office dot com",
    'we got there at about 3 dot 30',
  ])('no email: %s', (text) => {
    expect(findEmail(text.toLowerCase())).toBeUndefined();
  });

  it.each(["It's T-O-M-B at shaw dot C-A.", "it's t-o-m-b at shaw dot qwerty", 'sam at shaw dot c-a'])(
    'the letters of an email are no name, read as an email or not: %s',
    (text) => {
      expect(us.understand(text, NOW).name).toBeUndefined();
    },
  );

  it('an email given after the name leaves the name as it was', () => {
    const u = us.understand("It's T-O-M-B at shaw dot C-A.", NOW);
    expect(u.name ? withNamePart('Tom Beaulieu', u.name, u.namePart) : 'Tom Beaulieu').toBe('Tom Beaulieu');
  });
});

describe('a name respelled', () => {
  it.each([
    ["Oh sorry, I should say — it's Katherine with a K. K-A-T-H-E-R-I-N-E. Boyle.", 'Katherine Boyle'],
    ['Katherine with a K, K-A-T-H-E-R-I-N-E, Boyle', 'Katherine Boyle'],
    ["it's Catherine with a K", 'Katherine'],
    ['sorry, it is Katherine, with a K', 'Katherine'],
    ["that's Jon without the h", 'Jon'],
    ["no, it's John without the h", 'Jon'],
    ['no, Smyth with an i-t-h', 'Smith'],
    ['Eric with a k, not a c', 'Erik'],
    ['Ann with an e', 'Anne'],
    ['my name is S-A-M. I need a haircut', 'Sam'],
    // spellings in every style still read as before
    ["Anne-Marie, that's A N N E hyphen M A R I E, Kowalczyk, K O W A L C Z Y K", 'Anne-Marie Kowalczyk'],
    ['A-N-N-E dash M-A-R-I-E', 'Anne-Marie'],
    ['my name is N. G. A. T. A. I.', 'Ngatai'],
    ['Siobhan, S-I-O-B-H-A-N, Murphy', 'Siobhan Murphy'],
  ])('%s → %s', (text, want) => {
    const u = us.understand(text, NOW);
    expect([u.name, u.company]).toEqual([want, undefined]);
  });

  it.each([
    ['Catherine Boyle', 'Katherine', 'Katherine Boyle'],
    ['Catherine Boyle', 'Katherine Boyle', 'Katherine Boyle'],
    ['John Smith', 'Jon', 'Jon Smith'],
    ['John Smyth', 'Smith', 'John Smith'],
    ['Kristina Ruiz', 'Cristina', 'Cristina Ruiz'],
    ['Tom Ngata', 'Mike', 'Mike'],
  ])('%s respelled as %s is %s', (current, said, want) => {
    expect(withNamePart(current, said)).toBe(want);
  });

  it('a spelling alone answers for the name', () => {
    expect(us.bareName('K-A-T-H-E-R-I-N-E')).toBe('Katherine');
    expect(us.bareName('Katherine with a K')).toBe('Katherine');
  });

  it.each([
    ["I'm Dana with Acme", 'Dana', 'Acme'],
    ['this is Priya with Northside Realty', 'Priya', 'Northside Realty'],
  ])('"with" a company is still a company: %s', (text, name, company) => {
    const u = us.understand(text, NOW);
    expect([u.name, u.company]).toEqual([name, company]);
  });

  it.each([
    "that's fine, thanks",
    'no problem',
    "it's quite bad with a leak under the sink",
    'a house with a basement',
    'sorry, bad line',
  ])('no name: %s', (text) => {
    expect(us.understand(text, NOW).name).toBeUndefined();
  });
});
