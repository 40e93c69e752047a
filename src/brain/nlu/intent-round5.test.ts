// Invariant: what a fifth round of outside callers said: talking things over at home before ringing back is
// no request for a person; "I'm after a skin fade" and "if not, Tuesday at 10 will do" ask to book.
import { describe, expect, it } from 'vitest';
import { createNlu } from './index.js';
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

describe('an appointment the caller already has, asked about', () => {
  it.each([
    "I've got an appointment with you on Thursday, where do I park?",
    'I have an appointment tomorrow, do I need to bring my insurance card?',
    "we've got a conveyancing appointment with you on Tuesday, what should we bring?",
  ])('"%s" books nothing', (s) => {
    expect(intents(s)).not.toContain('book');
  });
  it.each([
    "I have a consultation booked on Tuesday but I'd like to book another session too",
    'I have an appointment on Friday and I need a second one for my son',
  ])('"%s" still books', (s) => {
    expect(intents(s)).toContain('book');
  });
});

describe('times that are not the wish', () => {
  const nlu = createNlu({
    name: 'Lakeshore',
    timezone: 'America/Chicago',
    industry: 'other',
    hours: {},
    services: [{ name: 'Driving Lesson', durationMin: 60 }],
  });
  const NOW = new Date('2026-10-01T15:00:00Z');
  it.each([
    ['Actually, sorry, can we do the 11 instead? My daughter has a soccer game at 3.', '11:00'],
    ['my son has a game at 4 so can we do 2', '14:00'],
    ['Is a lesson one hour or two?', undefined],
    ['it takes 2 or 3 hours, can I come at 9', '09:00'],
  ])('"%s" → %s', (s, time) => {
    expect(nlu.understand(s, NOW).when?.time).toBe(time);
  });
});

describe('a question in the middle of unpunctuated speech', () => {
  it.each([
    "hi um i've never been to a chiropractor before do i need a referral and what should i wear",
    'yes that works do i need to bring anything',
    'ok and where should we park',
  ])('"%s" asks', (s) => {
    expect(intents(s)).toContain('question');
  });
  it.each(['i need to bring my dog in on friday', 'we need a plumber tomorrow'])('"%s" does not', (s) => {
    expect(intents(s)).not.toContain('question');
  });
});
