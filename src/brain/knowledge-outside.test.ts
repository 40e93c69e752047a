// Invariant: what outside testers asked in their own words is answered from the business's settings or
// knowledge base when either holds the answer — the address, the area served (even for a town the
// entry does not list), a price worded away from its entry — and a turn that asks two questions gets
// both answered, a part without an answer saying so for that part only.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, splitQuestions } from './knowledge.js';
import type { BusinessProfile, KnowledgeItem, ServiceInfo } from './types.js';

const WEEKDAYS = { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']] } as const;

function business(name: string, address: string, services: ServiceInfo[], knowledge: KnowledgeItem[]): BusinessProfile {
  return {
    name,
    timezone: 'America/Denver',
    industry: 'other',
    address,
    hours: WEEKDAYS as unknown as BusinessProfile['hours'],
    services,
    knowledge,
  };
}

const law = business(
  'Hartley & Moss Law',
  '200 Bay Street, Suite 1400, Toronto',
  [{ name: 'Initial Consultation', durationMin: 30, synonyms: ['consultation', 'sit down with a lawyer'] }],
  [
    { q: 'Do you charge for the first meeting?', a: 'The first 30-minute consultation is free of charge.' },
    { q: 'Do you handle family law?', a: "We don't practise family law or divorce." },
  ],
);
const pest = business(
  'Lone Star Pest',
  '7801 North Lamar Boulevard, Austin, TX',
  [{ name: 'General Pest Treatment', durationMin: 60, synonyms: ['roaches', 'ants', 'spray'] }],
  [
    { q: 'How much is a one-time treatment?', a: 'A one-time general pest treatment is $149.' },
    { q: 'Which areas do you service?', a: 'We cover Austin, Round Rock, Pflugerville and Leander.' },
  ],
);
const pools = business(
  'Brightwater Pool Care',
  '22 Logan Road, Woolloongabba',
  [
    { name: 'Pool Clean', durationMin: 60, synonyms: ['weekly clean'] },
    { name: 'Green Pool Recovery', durationMin: 180, synonyms: ['green pool', 'algae', 'swamp'] },
  ],
  [
    { q: 'Algae treatment pricing', a: 'Bringing a green pool back to clear costs from $280.' },
    { q: 'Regular service plans', a: 'Weekly cleans are $65 per visit.' },
  ],
);
const applianceKnowledge: KnowledgeItem[] = [
  {
    q: 'What is your diagnostic fee?',
    a: "Our diagnostic visit is $89, and it's waived if you go ahead with the repair.",
  },
  { q: 'Which brands do you repair?', a: 'We repair all major brands, including Whirlpool, Bosch and Sub-Zero.' },
  { q: 'Service area', a: "We serve Denver, Aurora and Lakewood. We don't go as far as Castle Rock or Boulder." },
];
const applianceServices: ServiceInfo[] = [
  { name: 'Washer Repair', durationMin: 90, synonyms: ['washer', "won't drain"] },
  { name: 'Refrigerator Repair', durationMin: 90, synonyms: ['fridge', 'refrigerator'] },
];
const appliance = business('Mile High Appliance', '4800 Jackson Street, Denver', applianceServices, applianceKnowledge);

// Tuesday 2026-03-10, 9:00 in Denver
const NOW = new Date('2026-03-10T16:00:00Z');
const ask = (b: BusinessProfile, q: string) => createKnowledgeBase(b).answer(q, NOW);

describe('the address, asked the way a caller asks it', () => {
  it.each([
    ["where exactly is your office? I've never been downtown before", law, '200 Bay Street'],
    ["where's your shop?", pest, '7801 North Lamar'],
    ['how do I find you?', pools, '22 Logan Road'],
  ] as const)('"%s"', (q, b, want) => {
    const a = ask(b, q);
    expect([a?.confident, a?.source]).toEqual([true, 'settings']);
    expect(a?.text).toContain(want);
  });
});

describe('the area served', () => {
  it.each([
    ['quick question, do you guys come all the way out to pflugerville?', pest, 'Pflugerville'],
    ['do you cover my area?', pest, 'Round Rock'],
    ['would you come down to castle rock?', appliance, 'Castle Rock'],
    ['how far out do you go?', appliance, 'Aurora'],
  ] as const)('"%s"', (q, b, want) => {
    const a = ask(b, q);
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain(want);
  });

  it('answers with the entry for a town it does not list, which is the honest answer', () => {
    expect(ask(pest, 'do you service kyle?')?.text).toBe('We cover Austin, Round Rock, Pflugerville and Leander.');
  });

  it('still answers a service the business does, or a brand it repairs, from what it says about them', () => {
    expect(ask(appliance, 'do you service fridges?')?.text).toMatch(/refrigerator repair/);
    expect(ask(appliance, 'do you service boulder?')?.text).toMatch(/Castle Rock or Boulder/);
  });
});

describe('a price worded away from its entry', () => {
  it.each([
    ['how much does it cost just to sit down and talk to a lawyer the first time?', law, 'free of charge'],
    ["hi, how much do you charge just to come look at a washer that won't drain?", appliance, '$89'],
    ['is there a trip charge?', appliance, '$89'],
    [
      "my pool's gone swamp green while we were away over christmas, roughly what would it cost to get it back to blue?",
      pools,
      '$280',
    ],
  ] as const)('"%s"', (q, b, want) => {
    const a = ask(b, q);
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain(want);
  });

  it('gives the call-out fee, not the repair price from the settings, for "just to come look"', () => {
    const priced = business(
      'Priced Appliance',
      '1 Main St',
      applianceServices.map((s) => ({ ...s, priceCents: 18000 })),
      applianceKnowledge,
    );
    expect(ask(priced, 'how much to come look at my washer?')?.text).toMatch(/\$89/);
    expect(ask(priced, 'how much is a washer repair?')?.text).toMatch(/\$180/);
  });
});

describe('a price entry that names the service in its answer', () => {
  const movers = business(
    'Harbour City Movers',
    '3600 Kempt Road, Halifax',
    [{ name: 'Local Move', durationMin: 240, synonyms: ['move', 'moving', 'movers'] }],
    [
      { q: 'How much do you charge per hour?', a: 'Local moves are $149 per hour for a three-person crew and truck.' },
      { q: 'Do you supply boxes?', a: 'Yes, we sell boxes and tape.' },
    ],
  );

  it('answers what a move would "run me", said without a price word', () => {
    const q =
      "hi, we're moving out of a two bedroom apartment at the end of june over to a house in dartmouth. what would something like that run me?";
    expect(ask(movers, q)?.text).toMatch(/\$149 per hour/);
  });

  it('does not give that price for something else', () => {
    expect(ask(movers, 'how much do you charge for storage?')?.confident ?? false).toBe(false);
  });
});

describe('two questions in one turn', () => {
  it('answers each, in order', () => {
    const a = ask(appliance, 'do you guys work on sub zero fridges? and would you come down to castle rock?');
    expect(a?.confident).toBe(true);
    expect(a?.text).toMatch(/^Yes, we do refrigerator repair\. We serve Denver.*Castle Rock/);
  });

  it('answers each when said in one breath, without a question mark', () => {
    expect(ask(appliance, 'do you work on fridges, and would you come down to castle rock')?.text).toMatch(
      /refrigerator repair.*Castle Rock/,
    );
  });

  it('says it is not sure about the one part it has no answer for', () => {
    expect(ask(appliance, 'do you sell gift cards? and do you go as far as boulder?')?.text).toBe(
      "I'm not sure about your first question. We serve Denver, Aurora and Lakewood. We don't go as far as Castle Rock or Boulder.",
    );
  });

  it('stays unsure when no part has an answer', () => {
    expect(ask(appliance, 'do you sell gift cards? and are you hiring?')?.confident ?? false).toBe(false);
  });

  it('says one answer once, and reads a bare "how much?" with the question before it', () => {
    expect(ask(pools, 'do you fix green pools? how much?')?.text).toBe(
      'Yes, we do green pool recovery. Bringing a green pool back to clear costs from $280.',
    );
    expect(ask(pools, 'how much is a green pool clean-up? how much?')?.text).toBe(
      'Bringing a green pool back to clear costs from $280.',
    );
  });
});

describe('splitQuestions', () => {
  it('splits on question marks and ", and would you…", and keeps a statement with its question', () => {
    expect(splitQuestions('do you work on sub zero? and would you come to castle rock?')).toEqual([
      'do you work on sub zero',
      'would you come to castle rock',
    ]);
    expect(splitQuestions('do you do fridges, and can you come today')).toEqual([
      'do you do fridges',
      'can you come today',
    ]);
    expect(splitQuestions("where exactly is your office? I've never been downtown before")).toEqual([
      "where exactly is your office I've never been downtown before",
    ]);
    expect(splitQuestions('my pool is green? what would it cost?')).toEqual(['my pool is green what would it cost']);
  });
});
