// Invariant: a question the business's FAQ answers is answered from it however it is said — with a
// greeting or a story around it, several in one breath, as a follow-up ("and if I've two dogs?"), in
// Spanish against an English entry — an owner's entry about a holiday beats the generic holiday line
// only when it is about the day asked, "am I talking to a robot?" gets an honest answer, and a question
// nothing answers is still "not sure".
import { describe, expect, it } from 'vitest';
import { asksServiceArea, createKnowledgeBase, splitQuestions } from './knowledge.js';
import { asksAboutAgent } from './settings-answers.js';
import type { BusinessProfile, KnowledgeItem, ServiceInfo } from './types.js';
import { unsureOrNotListed } from './test-support/knowledge-answers.js';

const DAYS = { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], sat: [['08:00', '18:00']] } as const;

function business(
  name: string,
  services: ServiceInfo[],
  knowledge: KnowledgeItem[],
  more: Partial<BusinessProfile> = {},
): BusinessProfile {
  return {
    name,
    timezone: 'America/Chicago',
    industry: 'other',
    address: '12 Main Street',
    hours: DAYS as unknown as BusinessProfile['hours'],
    services,
    knowledge,
    ...more,
  };
}

const kennel = business(
  'Paws Inn',
  [{ name: 'Kennel Tour', durationMin: 30, synonyms: ['tour', 'look around'] }],
  [
    {
      q: 'How much is boarding?',
      a: 'Dog boarding is $28 per night, or $24 per night for a second dog sharing the same kennel.',
    },
    {
      q: 'Are you open at Christmas?',
      a: 'We are closed for drop-offs on 25 December, but the animals are cared for.',
    },
    { q: "Can I bring my dog's own food?", a: 'Yes, bring their own food, labelled with their name.' },
  ],
  { holidays: ['2026-12-25'], escalationNumber: '+13125550100' },
);
const locksmith = business(
  'Kiwi Lock',
  [{ name: 'Lock Rekey', durationMin: 60, synonyms: ['rekey', 'change the locks'] }],
  [
    { q: 'What areas do you cover?', a: "We cover the isthmus and the North Shore. We don't go south of Manukau." },
    { q: 'Do you do car keys?', a: "We don't cut or program car keys; an automotive locksmith can help." },
  ],
);
const towing = business(
  'Desert Tow',
  [{ name: 'Scheduled Tow', durationMin: 60, synonyms: ['tow', 'towing'] }],
  [
    { q: 'How much does a tow cost?', a: 'Local tows are a $95 hook-up fee plus $4 per mile.' },
    { q: 'Do you tow motorcycles?', a: 'Yes, we tow motorcycles on a flatbed.' },
    { q: 'Do you tow boats?', a: 'Yes, boats on trailers up to 26 feet.' },
  ],
);
const roofer = business(
  'Harbourside Roofing',
  [{ name: 'Roof Inspection', durationMin: 60, synonyms: ['inspection'] }],
  [
    { q: 'What areas do you service?', a: "We cover Sydney metro to Penrith. We don't travel to the Blue Mountains." },
    { q: 'How much is a roof inspection?', a: 'A roof inspection with a photo report is $180.' },
    { q: 'Do you install solar panels?', a: "No, we don't install solar panels." },
  ],
);
const septic = business(
  'Lone Star Septic',
  [{ name: 'Septic Pumping', durationMin: 120, synonyms: ['pumping', 'pump out', 'vaciar la fosa', 'bombeo'] }],
  [
    { q: 'How much does pumping cost?', a: 'Standard septic pumping is $395 for tanks up to 1,000 gallons.' },
    { q: 'Is there parking?', a: 'Park in the gravel lot beside the shop.' },
    { q: 'Do you take credit cards?', a: 'We take Visa, Mastercard and cash.' },
    { q: 'How much is a consultation?', a: 'A site consultation is $75.' },
  ],
  { languages: ['en', 'es'] },
);
const spa = business(
  'Glow Spa',
  [
    { name: 'Botox', durationMin: 30, synonyms: ['bótox'] },
    { name: 'Depilación Láser', durationMin: 45, synonyms: ['láser', 'laser'] },
  ],
  [
    { q: '¿Cuánto cuesta el Botox?', a: 'El Botox cuesta $12 por unidad.' },
    { q: '¿Hacen depilación láser para hombres?', a: 'Sí, hacemos depilación láser para hombres y mujeres.' },
  ],
  { languages: ['es'] },
);

// Monday 2026-12-14, 10:00 in Chicago
const NOW = new Date('2026-12-14T16:00:00Z');
const ask = (b: BusinessProfile, q: string, previous?: string, now = NOW) =>
  createKnowledgeBase(b).answer(q, now, 'en', previous);
const askEs = (b: BusinessProfile, q: string) => createKnowledgeBase(b).answer(q, NOW, 'es');
const sure = (a: { confident: boolean } | undefined) => a?.confident ?? false;

describe('an FAQ entry found with a greeting, a story or "too" around the question', () => {
  it.each([
    ['kia ora, do you guys do car keys? lost the only key to my ute', locksmith, 'car keys'],
    ["g'day, do you do car keys? I've locked mine in the car", locksmith, 'car keys'],
    ['ok and do you do motorcycles too', towing, 'motorcycles'],
    ['and do you do boats too', towing, 'boats'],
    ['do you tow boats as well?', towing, 'boats'],
  ] as const)('"%s"', (q, b, want) => {
    const a = ask(b, q);
    expect(sure(a)).toBe(true);
    expect(a?.text).toContain(want);
  });
});

describe('several questions in one breath', () => {
  it('answers three, said with commas and a dash', () => {
    const a = ask(
      roofer,
      "g'day, quick ones — do you blokes go out as far as Katoomba in the Blue Mountains, do you do solar panels, and what's an inspection cost?",
    );
    expect(a?.text).toBe(
      "We cover Sydney metro to Penrith. We don't travel to the Blue Mountains. No, we don't install solar panels. A roof inspection with a photo report is $180.",
    );
  });

  it('answers two joined by "and do you" without a comma', () => {
    expect(ask(towing, 'how much is a tow and do you do motorcycles')?.text).toMatch(/\$95.*flatbed/);
  });

  it('answers two joined by a Spanish "y tienen…"', () => {
    expect(askEs(spa, 'hola cuanto sale el botox y tienen laser para hombres')?.text).toBe(
      'El Botox cuesta $12 por unidad. Sí, hacemos depilación láser para hombres y mujeres.',
    );
  });

  it('reads a lead-in that asks nothing ("could you tell me", "do you know") with the question', () => {
    expect(splitQuestions('could you tell me, how much is a tow?')).toHaveLength(1);
    expect(ask(towing, 'how much is a tow, do you know?')?.text).toBe(
      'Local tows are a $95 hook-up fee plus $4 per mile.',
    );
  });
});

describe('the area served, asked as a visit', () => {
  it('reads "do you come out to <town>?" as a question about the area, and "come out to my house" as a visit', () => {
    expect(asksServiceArea('and for house stuff do you come out to Papakura?')).toBe(true);
    expect(asksServiceArea('do you blokes go out as far as Katoomba')).toBe(true);
    expect(asksServiceArea('¿llegan hasta San Marcos?')).toBe(true);
    expect(asksServiceArea('can you come out to my house tomorrow?')).toBe(false);
    expect(asksServiceArea('can someone come out and look at it?')).toBe(false);
  });

  it('answers it with the areas entry, which names the limit (the dialog must route it here, not to booking)', () => {
    expect(ask(locksmith, 'fair enough. and for house stuff do you come out to Papakura?')?.text).toContain('Manukau');
  });
});

describe('a follow-up about more than one', () => {
  it('"and if I\'ve two dogs?" right after the price is read with it', () => {
    expect(ask(kennel, "and if I've two dogs?", 'how much is it a night for a dog')?.text).toContain('$24');
  });

  it('gets it even when the question before it was lost, not the entry that only names a dog', () => {
    expect(ask(kennel, "and if I've two dogs?")?.text).toContain('second dog');
  });
});

describe('an owner entry about a holiday and the holiday in the settings', () => {
  it.each([
    "Hi, are you open over Christmas? I'm away from the 23rd and need somewhere for my dog over Christmas Day.",
    'are you open on Christmas Day?',
    'are the dogs looked after over Christmas?',
    "will someone feed my dog while you're closed over Christmas?",
  ])('"%s" gets the owner\'s Christmas entry', (q) => {
    expect(ask(kennel, q)?.text).toContain('cared for');
  });

  it('keeps the configured hours and holidays for a day the entry is not about', () => {
    // Friday 2026-12-25 (the holiday), noon in Chicago
    const christmas = new Date('2026-12-25T18:00:00Z');
    expect(ask(kennel, 'are you open today?', undefined, christmas)).toMatchObject({ source: 'settings' });
    expect(ask(kennel, 'are you open today?', undefined, christmas)?.text).toMatch(/closed today for a holiday/);
    expect(ask(kennel, 'are you open on Saturday? I need to drop off my dog')?.text).toMatch(/open Saturday/);
    expect(ask(kennel, 'what are your hours?')).toMatchObject({ source: 'settings' });
  });

  it('keeps the holiday answer when no entry is about that holiday', () => {
    const noEntry = { ...kennel, knowledge: kennel.knowledge?.filter((k) => !k.q?.includes('Christmas')) };
    expect(ask(noEntry, 'are you open over Christmas?')?.text).toMatch(/closed on Friday, December 25/);
  });
});

describe('a Spanish question against an English FAQ', () => {
  it.each([
    ['¿Cuánto cobran por vaciar una fosa séptica? Vivo en Seguin.', '$395'],
    ['¿cuánto cuesta el bombeo?', '$395'],
    ['¿tienen estacionamiento?', 'gravel lot'],
    ['¿aceptan tarjetas de crédito?', 'Visa'],
    ['¿cuál es el precio de la consulta?', '$75'],
  ])('"%s"', (q, want) => {
    const a = askEs(septic, q);
    expect(sure(a)).toBe(true);
    expect(a?.text).toContain(want);
  });

  it('stays unsure about what no entry holds', () => {
    expect(sure(askEs(septic, '¿venden tarjetas de regalo?'))).toBe(false);
    expect(sure(askEs(septic, '¿están contratando?'))).toBe(false);
  });
});

describe('a question about the agent itself', () => {
  it.each([
    'am I talking to a robot?',
    'wait, am I talking to a robot?',
    'are you a real person?',
    'is this an AI?',
    'hello? is this a real person or a robot?',
  ])('"%s" gets an honest short answer', (q) => {
    const a = ask(kennel, q);
    expect(a).toMatchObject({ confident: true, source: 'settings' });
    expect(a?.text).toBe(
      "I'm the virtual receptionist for Paws Inn; I can book, answer questions or take a message — or connect you with someone.",
    );
  });

  it('offers a person only when the business has someone to connect to, and answers in Spanish', () => {
    expect(ask(locksmith, 'are you a robot?')?.text).toBe(
      "I'm the virtual receptionist for Kiwi Lock; I can book, answer questions or take a message.",
    );
    expect(askEs(spa, '¿es usted una máquina?')?.text).toMatch(/^Le atiende la recepción virtual de Glow Spa/);
  });

  it('is not a wish for a person, nor any question that names a computer', () => {
    expect(asksAboutAgent('I want to talk to a real person')).toBe(false);
    expect(asksAboutAgent('quiero hablar con una persona de verdad, no con una máquina')).toBe(false);
    expect(asksAboutAgent('is it a computer problem?')).toBe(false);
  });
});

describe('questions nothing answers stay "not sure"', () => {
  it.each([
    ['do you sell gift cards?', kennel],
    ['are you hiring?', kennel],
    ['do you do weddings too?', towing],
    ['do you install security cameras as well?', locksmith],
    ['hola, do you guys do house keys? lost mine', towing],
  ] as const)('"%s"', (q, b) => {
    expect(unsureOrNotListed(ask(b, q))).toBe(true);
  });
});
