// Invariant: the name on a booking is the person who is seen (patient, client, pupil), also when the caller books
// for someone else and names themselves in the same breath; a word that only describes, a holiday or a word that
// joins clauses is never a name; a name keeps its casing as typed ("Pieter van Wyk", "McAllister"), and said in
// lower case its particles stay lower case inside it; a name said in one breath with a number, spelled after
// "that's", said twice or followed by "dear" reads as the name alone.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu } from './index.js';

// Wednesday 2026-08-05, 13:00 in New York
const NOW = new Date('2026-08-05T17:00:00Z');

const clinic: BusinessProfile = {
  name: 'Westbrook Medical Centre',
  timezone: 'America/New_York',
  industry: 'other',
  hours: { wed: [['08:00', '17:00']] },
  services: [{ name: 'Standard Consultation', durationMin: 15 }],
};
const nlu = createNlu(clinic);
const es = createNlu(clinic);
const understood = (text: string) => nlu.understand(text, NOW).name;
/** What the dialog takes at the name question: the turn's name, else the bare answer. */
const answered = (text: string) => nlu.understand(text, NOW).name ?? nlu.bareName(text);

describe('a booking for someone else is under their name', () => {
  it.each([
    ["It's for my husband, Kevin Dubois. I'm Nathalie, his wife.", 'Kevin Dubois'],
    ["It's for my son, Jack Reilly. He's 12. I'm Fiona, his mum.", 'Jack Reilly'],
    ['Could you put it under my husband, Tom Ashworth? He will be bringing her in.', 'Tom Ashworth'],
    ['Put it under my dad, Alan Hughes.', 'Alan Hughes'],
    ["under my mum's name please, Margaret Holloway", 'Margaret Holloway'],
    ["It's for Lucas Ferreira. I'm his mum, Ana.", 'Lucas Ferreira'],
    ["Ava Mitchell, she's my daughter. I'm Lisa.", 'Ava Mitchell'],
    ["it's Tom Reid, he's my husband, I'm Jo", 'Tom Reid'],
    ["i'm jenna park he's leo park and this number's fine", 'Leo Park'],
    ["she's sophie tremblay i'm her dad marc", 'Sophie Tremblay'],
    ["Ethan Morales, he's 9. I'm his mom, Carla Morales.", 'Ethan Morales'],
    ["Hi, I'm Sarah, could I book my son Max in for a check-up?", 'Max'],
    ['this is Priya, my daughter is called Anika Rao', 'Anika Rao'],
    ["She's my daughter, Ava Mitchell", 'Ava Mitchell'],
    ['my husband, Tom Ashworth, will bring her in', 'Tom Ashworth'],
    ['my son Jack Reilly needs a check-up', 'Jack Reilly'],
    ['the patient is Kevin Dubois', 'Kevin Dubois'],
    ["the student's name is Ava Mitchell", 'Ava Mitchell'],
  ])('%s → %s', (text, want) => {
    expect(answered(text)).toBe(want);
  });

  it('the full name of the person seen is the booking name whenever it is said', () => {
    expect(understood("I'd like to book a check-up for my son, Noah Castillo. He's 8.")).toBe('Noah Castillo');
  });

  it('the caller introducing themselves as a relation is no name ("His Mum")', () => {
    expect(understood("I'm his mum")).toBeUndefined();
    expect(understood("Hi, I'm Ethan's mum. When's his maths session next week?")).toBeUndefined();
  });

  it.each([
    ["It's for Lucas Ferreira", 'Lucas Ferreira'],
    ['Hannah Fischer — I’m their mum.', 'Hannah Fischer'],
  ])('at the name question, plainly: %s', (text, want) => {
    expect(nlu.bareName(text)).toBe(want);
  });

  it.each([
    ["I'm Sarah Mills, it's for a check-up", 'Sarah Mills'],
    ["it's for tomorrow, I'm Dana Reed", 'Dana Reed'],
    ["a haircut for my son, he's seven", undefined],
    ["he's really poorly, I'm his mum", undefined],
    ["it's for my dog, Biscuit", undefined],
    ['my wife is pregnant', undefined],
    ['my husband will bring her in', undefined],
    ['the patient is my husband', undefined],
  ])('guard: %s', (text, want) => {
    expect(understood(text)).toBe(want);
  });
});

describe('a word that is not a name is never read as one', () => {
  it.each([
    "Hey, I threw my back out yesterday. It's stiff and sore but I can walk around ok.",
    "it's numb and tingly down my leg",
    "Ah, forgot it's Australia Day. The day after then, earliest you've got?",
    "oh I didn't realise it's Boxing Day",
    "it's Christmas Eve, are you open?",
    'can you have someone call me if something opens up today',
    'call me once you know',
    "I know I'm a bit late calling",
    "I'm pregnant, is that ok?",
    "I'm diabetic",
    "it's overdue",
    "I'm local",
    "it's Diwali",
  ])('%s', (text) => {
    expect(understood(text)).toBeUndefined();
  });

  it.each([
    ['Fiona Murray (the dog’s Bonnie)', 'Fiona Murray'],
    ['Fiona Murray [Bonnie is the dog]', 'Fiona Murray'],
    ['Jo Bloggs - the cat is Tigger', 'Jo Bloggs'],
  ])('an aside after the name at the name question: %s', (text, want) => {
    expect(nlu.bareName(text)).toBe(want);
  });

  it.each(['whatever’s first', 'Neither — I already booked', 'first thing’s ideal', 'oh right, Memorial Day'])(
    'a choice or a day at the name question: %s',
    (text) => {
      expect(nlu.bareName(text)).toBeUndefined();
    },
  );

  it.each([
    ["It's Hana Ito. Thursday at 3. I need my tires rotated.", 'Hana Ito'],
    ["hi this is hannah ortiz friday the 18th at eight o'clock", 'Hannah Ortiz'],
    ["it's Sam and I need a cut", 'Sam'],
    ["It's Dana, it's stiff and sore", 'Dana'],
  ])('an introduction still reads: %s', (text, want) => {
    expect(understood(text)).toBe(want);
  });
});

describe('a name keeps its casing', () => {
  it.each([
    ['Pieter van Wyk', 'Pieter van Wyk'],
    ['pieter van wyk', 'Pieter van Wyk'],
    ['Daan de Vries', 'Daan de Vries'],
    ['maria de la cruz', 'Maria de la Cruz'],
    ['Ana da Silva', 'Ana da Silva'],
    ['Johan van der Merwe', 'Johan van der Merwe'],
    ['Maria von Trapp', 'Maria von Trapp'],
    ['ahmad bin ali', 'Ahmad bin Ali'],
    ['Kees ter Horst', 'Kees ter Horst'],
    ['Pieter Van Wyk', 'Pieter Van Wyk'],
    ["siobhan o'neill", "Siobhan O'Neill"],
    ['Ross McAllister', 'Ross McAllister'],
    ['brian mccarthy', 'Brian McCarthy'],
    ['Ty Le', 'Ty Le'],
  ])('%s → %s', (text, want) => {
    expect(nlu.bareName(text)).toBe(want);
  });

  it.each([
    ["It's under Pieter van Wyk, the 9 o'clock tomorrow", 'Pieter van Wyk'],
    ["hi, it's pieter van wyk", 'Pieter van Wyk'],
    ['this is Ahmad bin Ali', 'Ahmad bin Ali'],
    ["I'm Maria de la Cruz", 'Maria de la Cruz'],
  ])('in a sentence: %s', (text, want) => {
    expect(understood(text)).toBe(want);
  });

  it('a Spanish name with particles and accents is read whole', () => {
    expect(es.understand('Soy Carmen Ruiz de la Fuente', NOW, 'es').name).toBe('Carmen Ruiz de la Fuente');
    expect(es.bareName('María de la Cruz', 'es')).toBe('María de la Cruz');
  });

  it('words with particles in two places are no name', () => {
    expect(nlu.bareName('es el tres dos tres')).toBeUndefined();
  });
});

describe('a name said on the phone with more around it', () => {
  it.each([
    [
      "hi yeah i need a brake inspection thursday at ten my name's rob tillman number's two one four five five five oh one six two",
      'Rob Tillman',
    ],
    ["it's shivon kelly that's s i o b h a n and this number's fine", 'Siobhan Kelly'],
    ["it's shivon kelly that's spelled s i o b h a n kelly", 'Siobhan Kelly'],
    ["this is katlin brooks, that's k a t e l y n", 'Katelyn Brooks'],
  ])('%s → %s', (text, want) => {
    expect(understood(text)).toBe(want);
  });

  it.each([
    ['dave. dave kowalski', 'Dave Kowalski'],
    ['uh joe. joe lindqvist', 'Joe Lindqvist'],
    ['edith carmichael dear', 'Edith Carmichael'],
    ["edith carmichael dear and it's the number i'm calling from", 'Edith Carmichael'],
    ['tom reid, mate', 'Tom Reid'],
  ])('at the name question: %s → %s', (text, want) => {
    expect(nlu.bareName(text)).toBe(want);
  });

  it('a two-word name that ends in such a word keeps it', () => {
    expect(nlu.bareName('Courtney Love')).toBe('Courtney Love');
  });
});
