// Invariant: yes and no as people say them around the English-speaking world are heard as yes and no
// ("that'd be grand", "aye, go on then", "sweet as", "no yeah, that's perfect"), and a run of yes and no
// words is decided by its last word unless agreement follows; greetings and ordinary words are no answer.
import { describe, expect, it } from 'vitest';
import { yesNo } from './intent.js';
import { normalize } from './text.js';

const heard = (s: string) => yesNo(normalize(s));

describe('yes and no around the world', () => {
  it.each([
    "that'd be grand",
    'aye, go on then',
    'sweet as',
    'go on then',
    'lovely, ta',
    'cheers',
    'sounds like a plan',
    'grand so',
    "aye, that's braw",
    "no yeah, that's perfect",
    "yeah no that's fine",
    "yeah nah yeah, that's sweet",
    'too easy',
    'bet',
    'spot on',
    'book me in',
    'happy with that',
    'all right',
  ])('"%s" is yes', (s) => {
    expect(heard(s)).toBe('yes');
  });

  it.each([
    'yeah nah',
    'yeah no',
    'nah yeah nah',
    'yeah no the time is wrong',
    "no that's everything, cheers",
    'no good',
  ])('"%s" is no', (s) => {
    expect(heard(s)).toBe('no');
  });

  it.each(['good morning, I need a plumber', 'can you deal with a blocked drain', 'my name is Grant Lovell'])(
    '"%s" is no answer',
    (s) => {
      expect(heard(s)).toBeUndefined();
    },
  );
});
