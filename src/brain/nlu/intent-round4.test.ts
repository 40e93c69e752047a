// Invariant: a returning customer asking about, moving or re-assigning what they booked is heard as that,
// not as a new booking ("what time am I in on Thursday?", "bring my full detail forward", "can I switch
// that to Chloe?"); ordinary requests to book stay bookings.
import { describe, expect, it } from 'vitest';
import { createNlu } from './index.js';
import { findIntents } from './intent.js';
import { normalize, numbersToDigits } from './text.js';

const intents = (s: string) => findIntents(numbersToDigits(normalize(s)));

describe('asking about an appointment already booked', () => {
  it.each([
    'what time am I in on Thursday with Max?',
    'did I book my physio for this week or next?',
    "I'm calling to confirm my eye test tomorrow. What time was it again?",
    'can you remind me when my massages are?',
    "I'm in tomorrow at 2 with Megan, right?",
  ])('"%s" is a check', (s) => {
    expect(intents(s)[0]).toBe('check');
  });

  it.each(["I'm in a lot of pain, can I come in tomorrow", "we're booked solid next week so the week after"])(
    '"%s" is not a check',
    (s) => {
      expect(intents(s)).not.toContain('check');
    },
  );
});

describe('moving an appointment said loosely', () => {
  it.each([
    'I have a lens fitting tomorrow at noon, could you make it an hour later?',
    "bring my full detail forward? What's the earliest?",
    "move Bella's bath on Saturday an hour earlier?",
    'push my eye exam on the 31st into the new year',
  ])('"%s" is a move', (s) => {
    expect(intents(s)[0]).toBe('reschedule');
  });
});

describe('a staff member switched to', () => {
  const nlu = createNlu({
    name: 'Harbour Massage',
    timezone: 'Australia/Sydney',
    hours: {},
    services: [{ name: 'Deep tissue massage', durationMin: 60 }],
    staff: [{ name: 'Liam' }, { name: 'Chloe' }],
  });
  it('"can I switch that to Chloe? Liam\'s a bit too firm" asks for Chloe; "instead of Liam" refuses Liam', () => {
    const now = new Date('2026-12-20T00:00:00Z');
    expect(nlu.understand("can I switch that to Chloe? Liam's a bit too firm for me", now).staff).toBe('Chloe');
    expect(nlu.understand('with Chloe instead of Liam', now)).toMatchObject({ staff: 'Chloe', refusedStaff: 'Liam' });
    expect(nlu.understand('can I talk to Chloe', now).staff).toBeUndefined();
  });
});

describe('said plainly in English, found by the Spanish glosses', () => {
  it.each<[string, string]>([
    ['can you tell him that the gate code changed', 'message'],
    ['is Mr. Ramirez there?', 'human'],
    ['is Dr. Salazar in today?', 'human'],
    ['push my appointment back an hour', 'reschedule'],
    ['can you bring it forward to 10', 'reschedule'],
  ])('"%s" is %s', (s, intent) => {
    expect(intents(s)[0]).toBe(intent);
  });

  it.each(['can you tell me your hours', 'tell you what, book me for 3', 'is it there?'])('"%s" is neither', (s) => {
    expect(intents(s)).not.toContain('message');
    expect(intents(s)).not.toContain('human');
  });
});
