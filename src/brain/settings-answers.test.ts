// Invariant: questions the business's settings answer (hours on any day, open now, holidays,
// address, services, duration, price) are answered from them, before the knowledge base; other
// questions find their entry however they are worded.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './knowledge.js';
import { SETTINGS_QUESTION } from './settings-answers.js';
import type { BusinessProfile } from './types.js';

const shop: BusinessProfile = {
  name: 'Paws Vet',
  timezone: 'America/Denver',
  industry: 'other',
  address: '88 Birch Avenue, Denver',
  hours: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], thu: [['08:00', '20:00']], sat: [['09:00', '13:00']] },
  holidays: ['2026-12-25'],
  services: [
    { name: 'Wellness Exam', durationMin: 30, priceCents: 6500, synonyms: ['checkup'] },
    { name: 'Dental Cleaning', durationMin: 90 },
  ],
  knowledge: [
    { q: 'Is there parking?', a: 'There is a free lot next to the clinic.' },
    { q: 'Where are you located?', a: 'Next to the old fire station.' },
    { q: 'Do you charge for a second opinion?', a: 'Second opinions are free for new clients.' },
  ],
};
const kb = createKnowledgeBase(shop);
// Tuesday 2026-03-10, 10:00 in Denver
const TUE = new Date('2026-03-10T16:00:00Z');
const ask = (q: string, at = TUE) => kb.answer(q, at);

describe('answers from the settings', () => {
  it.each([
    ['What time do you close on Thursday?', /Thursday 8 AM to 8 PM/],
    ['are you guys open sundays', /closed on Sundays/],
    ['are you open right now', /open right now, until 6 PM/],
    ['are you open on christmas', /closed on Friday, December 25 for a holiday/],
    ['where is your office', /88 Birch Avenue/],
    ['what kind of work do you do', /wellness exam and dental cleaning/],
    ['how long does a dental cleaning take', /an hour and a half/],
    ['how much is a checkup', /\$65/],
  ])('%s', (q, want) => {
    const a = ask(q);
    expect(a?.source).toBe('settings');
    expect(a?.text).toMatch(want);
  });

  it('says closed now with the next opening outside hours', () => {
    expect(ask('are you still open?', new Date('2026-03-11T03:00:00Z'))?.text).toMatch(
      /closed right now; we open again/,
    );
  });

  it('leaves a price the settings do not hold, and an owner entry written for the question, to the knowledge base', () => {
    expect(ask('how much is a dental cleaning')?.source).toBe('knowledge');
    expect(ask('is there a charge for a second opinion')?.text).toMatch(/free for new clients/);
  });
});

describe('the address asked in other words', () => {
  it.each([
    "where exactly is your office? I've never been downtown before",
    "where's your studio?",
    'whereabouts are you guys?',
    'how do I find the clinic?',
    'how do I find you',
    'what part of town are you in?',
  ])('%s', (q) => {
    expect(SETTINGS_QUESTION.test(q.toLowerCase())).toBe(true);
    expect(ask(q)?.text).toMatch(/88 Birch Avenue/);
  });

  it('does not read "where" about something else as the address', () => {
    for (const q of [
      'where are you at with my quote?',
      'where is the water shutoff?',
      'where do I pay my bill online?',
    ])
      expect(ask(q)?.text ?? '').not.toMatch(/88 Birch Avenue/);
  });
});

describe('knowledge worded differently from the entry', () => {
  it('finds the parking entry for "where can I park"', () => {
    const a = ask('Where can I park?');
    expect([a?.confident, a?.text]).toEqual([true, 'There is a free lot next to the clinic.']);
  });
});

describe('hours asked loosely', () => {
  const CHRISTMAS_MORNING = new Date('2026-12-25T16:00:00Z');

  it('says closed for the holiday today, and when it opens again', () => {
    expect(ask('are you guys working today?', CHRISTMAS_MORNING)?.text).toBe(
      "We're closed today for a holiday. We're open Saturday 9 AM to 1 PM.",
    );
  });

  it('answers "when are you back?" with the next opening', () => {
    expect(ask('ok, when are you back?', CHRISTMAS_MORNING)?.text).toMatch(/closed right now; we open again tomorrow/);
    expect(ask('when are you back?')?.text).toMatch(/open right now/);
  });

  it.each([
    ['are you guys around on Sunday at all?', /closed on Sunday/],
    ['is anyone in on Saturday?', /open Saturday 9 AM to 1 PM/],
  ])('%s', (q, want) => {
    expect(ask(q)?.text).toMatch(want);
  });

  it('routes the loose phrasings as settings questions, and not a line check or a booking', () => {
    for (const q of ['are you guys working today?', 'when are you back?', 'are you around on saturday at all?'])
      expect(SETTINGS_QUESTION.test(q)).toBe(true);
    for (const q of ['are you there?', 'are you available tomorrow at 3?'])
      expect(SETTINGS_QUESTION.test(q)).toBe(false);
  });

  it('does not read a real-estate closing as a question about hours', () => {
    expect(ask('we just closed on a house, how much is a checkup?')?.text).toMatch(/\$65/);
  });
});
