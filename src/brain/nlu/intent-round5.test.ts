// Invariant: what a fifth round of outside callers said: talking things over at home before ringing back is
// no request for a person; "I'm after a skin fade" and "if not, Tuesday at 10 will do" ask to book.
import { describe, expect, it } from 'vitest';
import { findIntents, yesNo } from './intent.js';
import { normalize, numbersToDigits } from './text.js';

const intents = (s: string) => findIntents(numbersToDigits(normalize(s)));

describe('talking it over at home', () => {
  it.each([
    "No that's all I needed to know love, ta. I'll talk to the missus and ring back.",
    "I'll have a chat with the other half and call you back",
    'let me talk to my hubby first',
    'I need to speak with my partner about it',
  ])('"%s" asks for nobody', (s) => {
    expect(intents(s)).not.toContain('human');
  });

  it.each(['can I talk to the owner', 'can I speak to Dave please', 'I want to talk to a real person'])(
    '"%s" still asks for a person',
    (s) => {
      expect(intents(s)).toContain('human');
    },
  );
});

describe('asking to book in other words', () => {
  it.each([
    'Alright, are you open on the bank holiday Monday? After a skin fade. If not, Tuesday at 10 will do',
    "I'm after a full service for the ute",
    'just after a trim really, nothing fancy',
    'Saturday morning please, if not, Sunday at 2 is fine',
  ])('"%s" books', (s) => {
    expect(intents(s)).toContain('book');
  });

  it.each(["I'll call back after a while", 'the leak started after a storm', 'is it after a week you send the bill?'])(
    '"%s" books nothing',
    (s) => {
      expect(intents(s)).not.toContain('book');
    },
  );
});

describe('moving a booking earlier, as said in India', () => {
  it.each([
    'hello good morning i have hair spa booking on saturday four pm can i prepone it to friday same time',
    'I want to prepone my appointment by one day',
  ])('"%s" moves it', (s) => {
    expect(intents(s)[0]).toBe('reschedule');
  });
});

describe('"put me" asks for a person only when it puts the caller through', () => {
  it.each(['can you put me on the waiting list for Tuesday', 'put me down for 3 please'])('"%s"', (s) => {
    expect(intents(s)).not.toContain('human');
  });
  it('"put me through to the manager" still does', () => {
    expect(intents('can you put me through to the manager')).toContain('human');
  });
});

describe('yes typed short', () => {
  it.each(['k', 'kk', 'k thx', 'ok', 'okie', 'yh', 'ye', 'yes sir'])('"%s" is yes', (s) => {
    expect(yesNo(normalize(s))).toBe('yes');
  });
  it.each(['kinda', 'keep it', 'yesterday'])('"%s" is not', (s) => {
    expect(yesNo(normalize(s))).toBeUndefined();
  });
});
