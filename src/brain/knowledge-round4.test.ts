// Invariant: an FAQ entry is found when the caller says its subject in everyday words — the price
// ("what would it run me", "what's the damage", "a ballpark"), a guarantee ("if it breaks again", "do I
// pay all over again", "do you stand behind"), how soon someone comes ("how long before you can get a
// plumber out") or the thing itself ("spray for roaches", "those mesh covers") — and never by claiming
// what the FAQ does not hold: a service named in passing ("financing for a new roof") is not a "yes",
// an entry about one animal or thing does not answer for another (a cat, a dog's food), and a question
// no entry covers gets the honest "not sure".
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, terms } from './knowledge.js';
import type { BusinessProfile, KnowledgeItem, ServiceInfo } from './types.js';
import { unsureOrNotListed } from './test-support/knowledge-answers.js';

const WEEKDAYS = { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], fri: [['08:00', '17:00']] } as const;

function business(name: string, services: ServiceInfo[], knowledge: KnowledgeItem[]): BusinessProfile {
  return {
    name,
    timezone: 'America/Chicago',
    industry: 'other',
    hours: WEEKDAYS as unknown as BusinessProfile['hours'],
    services,
    knowledge,
  };
}

const pest = business(
  'Green Shield Pest Control',
  [
    { name: 'General pest treatment', durationMin: 60 },
    { name: 'Termite inspection', durationMin: 60 },
  ],
  [
    {
      q: 'How much does a general pest treatment cost?',
      a: 'A one-time general pest treatment for a standard home is $149. Quarterly plans are $99 per visit.',
    },
    {
      q: 'Are your treatments safe for pets?',
      a: "Yes. We use pet-friendly products; keep pets off until they're dry.",
    },
  ],
);
const appliance = business(
  'Reliable Appliance Repair',
  [
    { name: 'Washer repair', durationMin: 60 },
    { name: 'Dryer repair', durationMin: 60, priceCents: 12000 },
  ],
  [
    { q: 'Do you offer a warranty on repairs?', a: 'All repairs come with a 90-day parts and labor warranty.' },
    { q: 'Is there a service call fee?', a: 'The diagnostic visit is $89, waived if you go ahead with the repair.' },
  ],
);
const plumber = business(
  'Coastline Plumbing',
  [
    { name: 'Leak repair', durationMin: 90 },
    { name: 'Drain cleaning', durationMin: 90 },
  ],
  [
    {
      q: 'How quickly can you get someone out?',
      a: 'We offer same-day service for calls received before noon, Monday to Friday.',
    },
    { q: 'Do you charge for estimates?', a: 'Estimates are free for jobs over $500.' },
  ],
);
const gutters = business(
  'Evergreen Gutter Co',
  [
    { name: 'Gutter cleaning', durationMin: 120 },
    { name: 'Gutter guard install', durationMin: 240 },
  ],
  [
    {
      q: 'Do you install gutter guards?',
      a: 'Yes, we install micro-mesh gutter guards, starting at $12 per linear foot installed.',
    },
    { q: 'Do you clean roofs?', a: 'We do moss removal on composition roofs from October to March.' },
  ],
);
const roofer = business(
  'Gulf Coast Roofing',
  [{ name: 'Roof inspection', durationMin: 60 }],
  [
    { q: 'Do you give free estimates?', a: 'Yes, roof estimates are free.' },
    { q: 'What warranty do you offer?', a: '10-year workmanship warranty on full replacements.' },
  ],
);
const hvac = business('Comfort Zone', [{ name: 'AC repair', durationMin: 90, priceCents: 15000 }], []);
const autoShop = business('Main Street Auto', [{ name: 'Brake inspection', durationMin: 45 }], []);
const kennel = business(
  'Paws Inn',
  [{ name: 'Kennel Tour', durationMin: 30, synonyms: ['tour'] }],
  [
    {
      q: 'How much is boarding?',
      a: 'Dog boarding is $28 per night, or $24 per night for a second dog sharing the same kennel.',
    },
    { q: "Can I bring my dog's own food?", a: 'Yes, bring their own food, labelled with their name.' },
  ],
);
const groomer = business(
  'Sudsy Paws',
  [
    { name: 'Dog grooming', durationMin: 90, priceCents: 6500 },
    { name: 'Dog bath', durationMin: 45, priceCents: 4000 },
  ],
  [],
);
const towing = business(
  'Desert Tow',
  [{ name: 'Scheduled Tow', durationMin: 60, synonyms: ['tow', 'towing'] }],
  [
    { q: 'Do you tow motorcycles?', a: 'Yes, we tow motorcycles on a flatbed.' },
    { q: 'Do you tow boats?', a: 'Yes, boats on trailers up to 26 feet.' },
  ],
);
const fridgeShop = business(
  'Cold Fix',
  [],
  [{ q: 'Do you repair refrigerators?', a: 'Yes, we repair all major refrigerator brands.' }],
);

// Tuesday 2026-03-10, 10:00 in Chicago
const NOW = new Date('2026-03-10T15:00:00Z');
const ask = (b: BusinessProfile, q: string) => createKnowledgeBase(b).answer(q, NOW, 'en');
const sure = (a: { confident: boolean } | undefined) => a?.confident ?? false;

const answered = (cases: ReadonlyArray<readonly [BusinessProfile, string, string]>) =>
  it.each(cases.map(([b, q, want]) => [q, b, want] as const))('"%s"', (q, b, want) => {
    const a = ask(b, q);
    expect(sure(a)).toBe(true);
    expect(a?.text).toContain(want);
  });
const unsure = (cases: ReadonlyArray<readonly [BusinessProfile, string]>) =>
  it.each(cases.map(([b, q]) => [q, b] as const))('"%s" stays "not sure", or hears what is offered instead', (q, b) => {
    expect(unsureOrNotListed(ask(b, q))).toBe(true);
  });

describe('the price asked in everyday words', () => {
  answered([
    [pest, 'What would it run me to have somebody come spray for roaches at my house?', '$149'],
    [pest, "what's the damage to get rid of ants?", '$149'],
    [pest, 'can you give me a ballpark for getting the mice taken care of?', '$149'],
    [pest, 'we have roaches in the kitchen, what are we looking at to treat the house?', '$149'],
    [gutters, 'what would I pay to have guards put on my gutters?', '$12'],
  ]);
});

describe('a guarantee asked in other words', () => {
  answered([
    [
      appliance,
      'If my dryer conks out again a month after you guys fix it, am I gonna have to pay all over again?',
      '90-day',
    ],
    [appliance, 'do you guys stand behind your work?', '90-day'],
    [appliance, 'what if the washer breaks again after you fix it?', '90-day'],
    [appliance, 'is the repair guaranteed?', '90-day'],
    [appliance, 'am I gonna have to pay twice if the same part fails?', '90-day'],
  ]);

  it('is not read into a broken appliance the caller only reports', () => {
    expect(terms('my dryer broke again, can someone come Tuesday?')).not.toContain('warranty');
    expect(terms('I want to pay by card')).not.toContain('warranty');
  });
});

describe('how soon someone can come, asked in other words', () => {
  answered([
    [
      plumber,
      "What's your usual turnaround? Like, how long does it normally take before you can get a plumber out to a house?",
      'same-day',
    ],
    [plumber, 'how soon could somebody come out?', 'same-day'],
    [plumber, 'can you get someone out here today?', 'same-day'],
    [plumber, 'how long before a tech can come out for a drain cleaning?', 'same-day'],
    [plumber, 'how booked up are you guys right now?', 'same-day'],
  ]);

  it('keeps "how long does it take" as the length of the service', () => {
    expect(ask(plumber, 'how long does a drain cleaning take?')).toMatchObject({ source: 'settings' });
    expect(ask(plumber, 'how long does a drain cleaning take?')?.text).not.toContain('same-day');
  });
});

describe('a product or service described rather than named', () => {
  answered([
    [
      gutters,
      'Can you guys also put on those mesh covers so the leaves stop getting into the gutters? Roughly what does that cost?',
      '$12',
    ],
    [gutters, 'do you put in leaf screens?', '$12'],
    [pest, 'we keep finding cockroaches, how much is it to spray?', '$149'],
  ]);
});

describe('a service named in passing is not a "yes, we do it"', () => {
  it.each([
    ["Do you offer any kind of payment plan or financing for a new roof? I can't pay it all at once.", roofer],
    ['do you do skylights on a roof?', roofer],
    ['do you offer financing on AC repair?', hvac],
    ['how much is the warranty on an AC repair?', hvac],
  ] as const)('"%s" is not answered from the services', (q, b) => {
    const a = ask(b, q);
    expect(sure(a)).toBe(false);
    expect(a?.source).not.toBe('settings');
  });

  it('still says yes to a service asked for by name or by its distinctive word', () => {
    expect(ask(roofer, 'do you do roof inspections?')?.text).toBe('Yes, we do roof inspection.');
    expect(ask(appliance, 'do you do repairs on dryers?')?.text).toMatch(/^Yes, we do dryer repair/);
    expect(ask(autoShop, 'can you guys do my brakes?')?.text).toBe('Yes, we do brake inspection.');
    expect(ask(hvac, 'how much is an AC repair?')?.text).toContain('$150');
  });

  it('answers the business term from its own entry when it has one', () => {
    expect(ask(roofer, 'what kind of guarantee do you give on a new roof?')?.text).toContain('10-year');
  });
});

describe('an entry about one animal or thing does not answer for another', () => {
  unsure([
    [kennel, 'do you take cats?'],
    [kennel, 'do you board cats?'],
    [kennel, "can I bring my cat's own food?"],
    [groomer, 'how much is cat grooming?'],
    [towing, 'do you tow RVs?'],
    [fridgeShop, 'do you repair dishwashers?'],
  ]);

  answered([
    [kennel, "can I bring my puppy's own food?", 'own food'],
    [kennel, 'how much to board my beagle?', '$28'],
    [pest, 'is the spray safe for my cat?', 'pet-friendly'],
    [groomer, 'how much is a dog bath?', '$40'],
    [fridgeShop, 'can you fix my fridge?', 'refrigerator'],
  ]);
});

describe('the new concepts do not answer what the FAQ does not cover', () => {
  unsure([
    [plumber, 'do you offer a warranty?'],
    [plumber, 'do you have payment plans?'],
    [plumber, "what's the damage for a new water heater?"],
    [plumber, 'how soon will my refund come through?'],
    [pest, 'how much to get rid of raccoons in the attic?'],
    [gutters, 'do you install security screens on windows?'],
    [appliance, 'how soon can you get someone out?'],
    [kennel, 'do you stand behind your food?'],
  ]);
});
