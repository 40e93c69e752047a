// Invariant: a chat message means what it would mean said: text-speak, a thumbs-up and the misspelt words a
// booking hangs on are read as those words; a spelled-out name, an apartment, an address's "N", a name "Ty"
// and real words close to a key word ("cancer", "cancels", "mourning") are left as typed.
import { describe, expect, it } from 'vitest';
import { normalize } from './text.js';

describe('chat words', () => {
  it.each([
    [
      'need an oil change 2moro b4 work r u open that early',
      'need an oil change tomorrow before work are you open that early',
    ],
    ['wat time is my appt tmrw?? forgot lol', 'what time is my appointment tomorrow?? forgot lol'],
    ['hi need to cancle my apt tmrw', 'hi need to cancel my appointment tomorrow'],
    ['cut & colour w/ sarah this wknd?', 'cut & colour with sarah this weekend?'],
    ['ur closed fri n sat rite?', "you're closed fri and sat right?"],
    ['a cleaning on teusday after 2', 'a cleaning on tuesday after 2'],
    ['saterday morining or wensday', 'saturday morning or wednesday'],
    ['can i get a hair cut tommorow', 'can i get a hair cut tomorrow'],
    ['jess nguyen 😊', 'jess nguyen'],
    ['👍', 'yes'],
    ['👍🏽 sounds good', 'yes sounds good'],
    ['perfect ty', 'perfect thanks'],
    ['book me in 4 a cut pls', 'book me in for a cut please'],
  ])('"%s" reads "%s"', (typed, read) => {
    expect(normalize(typed)).toBe(read);
  });

  it.each([
    "it's siobhan, s i o b h a n, murphy m u r p h y",
    'apt 4b, 22 main st',
    'the address is 4500 n elm st',
    "it's ty",
    'at 4 the latest',
    'let me know if someone cancels',
    'my husband has cancer',
    'evenings are best',
  ])('"%s" is left as typed', (typed) => {
    expect(normalize(typed)).toBe(typed.toLowerCase());
  });
});

describe('an "n" spelled in an email address', () => {
  it.each(['priya underscore n at hotmail dot ca', 'sam dot n at shaw dot ca'])('"%s" keeps its n', (typed) => {
    expect(normalize(typed)).toBe(typed);
  });
});
