// Invariant: a name with an ending that words which describe also have ("Emily", "Fred", "Clive", "Jared",
// "Ahmed") is a name after "I'm" / "this is" / "it's"; a word that describes after them ("I'm flexible",
// "I'm available", "I'm nervous") is none, whatever word it is, by its ending as well as by the lists. A name
// given with a title ("MRS ELAINE DU PLESSIS", "Dr. Amit Rao") is the name without it, written in title case.
import { describe, expect, it } from 'vitest';
import { createNlu } from './index.js';
import { findName } from './names.js';

describe('names that end like describing words', () => {
  it.each([
    ["Hi, I'm Emily, I'd like a trim", 'Emily'],
    ['hi this is emily watson', 'Emily Watson'],
    ['hi, this is fred smith calling about my boiler', 'Fred Smith'],
    ["it's holly", 'Holly'],
    ["I'm Kelly", 'Kelly'],
    ["i'm beverly", 'Beverly'],
    ["I'm Clive", 'Clive'],
    ["it's Reed here", 'Reed'],
    ["I'm Jared", 'Jared'],
    ['this is Ahmed Khan', 'Ahmed Khan'],
    ["hi it's winifred", 'Winifred'],
    ['i am mildred jones', 'Mildred Jones'],
  ])('"%s" introduces %s', (said, name) => {
    expect(findName(said.toLowerCase())?.name).toBe(name);
  });

  it.each([
    "Afternoons are best for me but I'm flexible",
    "i'm available any day next week",
    "I'm really flexible",
    "I'm nervous about it",
    "I'm adaptable, whatever suits",
    "I'm grateful you could fit me in",
    "I'm hopeless with dates",
    "I'm actually free all day",
  ])('"%s" names nobody', (said) => {
    expect(findName(said.toLowerCase())).toBeUndefined();
  });

  it('"and" before a name is no word that describes: "it\'s Jack and Emily"', () => {
    expect(findName("it's jack and emily")?.name).toBe('Jack');
  });
});

describe('a name given with a title', () => {
  const nlu = createNlu({
    name: 'Nail Bar',
    timezone: 'Africa/Johannesburg',
    hours: { mon: [['09:00', '17:00']] },
    services: [{ name: 'Pedicure', durationMin: 45 }],
  });
  it.each([
    ['MRS ELAINE DU PLESSIS', 'Elaine du Plessis'],
    ['Dr. Amit Rao', 'Amit Rao'],
    ["it's mr tom baker", 'Tom Baker'],
    ['jess nguyen 😊', 'Jess Nguyen'],
  ])('"%s" is %s', (said, name) => {
    expect(nlu.bareName(said)).toBe(name);
  });
});

describe('a first name with its surname said again beside it (round 7)', () => {
  it.each([
    ["mikaela ng - wait sorry, autocorrect!! it's michaela with an h: m-i-c-h-a-e-l-a. michaela ng.", 'Michaela Ng'],
    ["it's priya. priya raman, 0412 555 019", 'Priya Raman'],
    ['my name is dan, dan brown', 'Dan Brown'],
  ])('"%s" is %s', (said, name) => {
    expect(findName(said)?.name).toBe(name);
  });

  it('takes no word that goes on the sentence for a surname', () => {
    expect(findName("it's sarah and sarah said yes")?.name).toBe('Sarah');
    expect(findName("i'm dave. dave here would like a haircut")?.name).toBe('Dave');
  });
});
