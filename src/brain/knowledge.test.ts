// Invariant: an owner's FAQ entry is found however the caller words the question (a concept said
// in other words, a name only the answer holds, a follow-up pointing back), and a question no entry
// covers is still answered "not sure" rather than from the nearest wrong entry.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, terms } from './knowledge.js';
import type { BusinessProfile, KnowledgeItem } from './types.js';
import { unsureOrNotListed } from './test-support/knowledge-answers.js';

const WEEKDAYS = { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], fri: [['08:00', '17:00']] } as const;

function business(knowledge: KnowledgeItem[], services: string[] = []): BusinessProfile {
  return {
    name: 'Test Co',
    timezone: 'America/Chicago',
    industry: 'other',
    hours: WEEKDAYS as unknown as BusinessProfile['hours'],
    services: services.map((name) => ({ name, durationMin: 60 })),
    knowledge,
  };
}

const plumber = business(
  [
    { q: 'What forms of payment do you accept?', a: 'We accept cash, checks, Visa, Mastercard, Amex and Apple Pay.' },
    { q: 'How much is a service call?', a: 'Our standard service call is $95, credited toward the repair.' },
  ],
  ['Drain Cleaning', 'Leak Repair'],
);
const vet = business([
  {
    q: 'Do you accept pet insurance?',
    a: "We don't bill insurers directly, but we give you an itemized invoice you can submit to Trupanion or Nationwide.",
  },
  { q: 'Do you see exotic pets?', a: 'We see dogs, cats and rabbits only.' },
]);
const locksmith = business(
  [
    { q: 'How much does rekeying cost?', a: 'Rekeying is $25 per lock plus a $65 trip charge.' },
    { q: 'Do you make car keys?', a: 'Yes, we cut and program transponder keys and fobs, starting at $120.' },
  ],
  ['Lockout Service', 'Rekey'],
);
const landlord = business([
  { q: 'How do I pay rent?', a: 'Rent is paid through the resident portal.' },
  { q: 'Are pets allowed?', a: 'Cats and dogs under 40 pounds are allowed with a $300 pet deposit.' },
]);
const lawFirm = business(
  [
    {
      q: 'How much is a consultation?',
      a: 'The first consultation is free; after that our hourly rate starts at $350.',
    },
    {
      q: 'What areas of law do you practice?',
      a: 'We handle personal injury, estate planning and real estate closings. We do not take criminal cases.',
    },
    { q: 'Is there parking?', a: 'The closest parking is the Post Office Square garage; we validate two hours.' },
  ],
  ['Initial Consultation'],
);
const dentist = business([
  { q: 'Where do I park?', a: 'Free parking is in the garage under the building.' },
  { q: 'Do you take insurance?', a: 'We are in network with Delta Dental and bill most other PPO plans.' },
]);
const roofer = business([
  {
    q: 'Do you offer financing?',
    a: 'Yes, financing is available through GreenSky, including 12 months same as cash.',
  },
]);

// Tuesday 2026-03-10, 10:00 in Chicago
const NOW = new Date('2026-03-10T15:00:00Z');
const ask = (b: BusinessProfile, q: string, previous?: string) => createKnowledgeBase(b).answer(q, NOW, 'en', previous);

describe('an entry asked about in other words', () => {
  it.each([
    ['plumber', 'what do you charge just to come out and take a look?', plumber, '$95'],
    ['plumber', 'do you guys take credit cards or is it cash only?', plumber, 'Visa'],
    ['vet', 'quick question, will my Trupanion coverage work at your clinic?', vet, 'itemized'],
    [
      'locksmith',
      'we just closed on a house and I want all the locks rekeyed, about how much does that run?',
      locksmith,
      '$25',
    ],
    ['landlord', "I'm looking at one of your apartments, can I bring my beagle if I move in?", landlord, '$300'],
    ['law firm', 'and is there somewhere nearby I can leave my car?', lawFirm, 'Post Office Square'],
    [
      'law firm',
      'my son got arrested last night for a DUI, is that something your firm can help with?',
      lawFirm,
      'criminal',
    ],
    [
      'dentist',
      'first time coming in next week. is there anywhere to leave my car when I get there?',
      dentist,
      'garage',
    ],
  ] as const)('%s: "%s"', (_, q, b, want) => {
    const a = ask(b, q);
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain(want);
  });

  it('reads a follow-up that points back with the question before it', () => {
    const q = 'about how much does that run?';
    expect(ask(locksmith, q, 'do you make car keys?')?.text).toMatch(/transponder keys .* \$120/);
    expect(ask(locksmith, q, 'do you rekey locks?')?.text).toBe('Rekeying is $25 per lock plus a $65 trip charge.');
  });

  it('does not join a question that stands on its own to the one before it', () => {
    expect(ask(plumber, 'do you sell gift cards?', 'do you take credit cards?')?.confident).not.toBe(true);
  });
});

describe('a question no entry covers', () => {
  it.each([
    ['plumber', 'do you sell gift cards?', plumber],
    ['plumber', 'do you have a warranty on water heaters?', plumber],
    ['law firm', 'is there a fee to cancel?', lawFirm],
    ['law firm', 'can I bring my dog to the meeting?', lawFirm],
    ['locksmith', 'how much is a boat rental?', locksmith],
    ['roofer', 'do you take cash?', roofer],
    ['vet', 'do you have wifi in the waiting room?', vet],
    ['landlord', 'is there a pool in the building?', landlord],
  ] as const)('%s: "%s" stays unsure', (_, q, b) => {
    expect(ask(b, q)?.confident ?? false).toBe(false);
  });
});

describe('one ordinary word in common is not an answer', () => {
  const repairShop = business(
    [
      {
        q: 'Which brands do you repair?',
        a: 'We repair all major brands, including Whirlpool, GE, Bosch and Sub-Zero.',
      },
      { q: 'Service area', a: "We serve Denver, Aurora and Lakewood. We don't go as far as Castle Rock." },
      { q: 'Is there a waiting area?', a: 'Our showroom has a waiting area with coffee.' },
    ],
    ['Washer Repair'],
  );

  it.each([
    ['plumber', 'do you repair ovens?', plumber],
    ['repair shop', 'do you repair ovens?', repairShop],
    ['law firm', 'can I talk to a lawyer today?', lawFirm],
    ['law firm', 'can I sit down with someone to go over my bill?', lawFirm],
    ['repair shop', 'do you work in apartments?', repairShop],
    ['repair shop', 'do you cover weekends?', repairShop],
    ['repair shop', 'do you service boats?', repairShop],
    ['repair shop', 'can you come out to my house tomorrow?', repairShop],
    ['repair shop', 'is the area safe at night?', repairShop],
    ['repair shop', 'do you have a play area for kids?', repairShop],
  ] as const)('%s: "%s" stays unsure, or hears what is offered instead', (_, q, b) => {
    expect(unsureOrNotListed(ask(b, q))).toBe(true);
  });

  it('keeps "a waiting area" and "the area served" apart', () => {
    expect(ask(repairShop, 'is there a waiting area?')?.text).toMatch(/coffee/);
    expect(ask(repairShop, 'do you come out to aurora?')?.text).toMatch(/We serve Denver/);
  });
});

describe('terms', () => {
  it('folds a phrase to the concept an entry names', () => {
    expect(terms('is there somewhere I can leave my car?')).toEqual(['parking']);
    expect(terms('do you take credit cards?')).toEqual(['accept', 'payment']);
    expect(terms('what do you practice?')).toEqual(terms('can you help with that?'));
  });

  it('folds the ways of asking about the area served, and not a visit to the caller', () => {
    expect(terms('do you guys come all the way out to pflugerville?')).toEqual(['servicearea', 'pflugervill']);
    expect(terms('do you cover my area?')).toContain('servicearea');
    expect(terms('can you come out to my house?')).not.toContain('servicearea');
    expect(terms('what do you charge to come out to look at it?')).toContain('callout');
    expect(terms('what areas of law do you practice?')).not.toContain('servicearea');
  });

  it('does not read a real-estate closing as opening hours', () => {
    expect(terms('we just closed on a house')).not.toContain('open');
  });
});
