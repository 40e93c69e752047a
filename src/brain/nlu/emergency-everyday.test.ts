// Invariant: an emergency is heard however a caller words it — in the lexicon's patterns said with
// fillers and other word forms, and in a business's own keywords matched by their words in order with
// a few words between and any inflection — while a caller who denies it, says it can wait, or says it
// is over (dry now, last week) is never escalated.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { keywordPattern } from './emergency.js';
import { createNlu } from './index.js';

const MARCH = new Date('2026-03-14T23:40:00Z');
const JAN = new Date('2026-01-13T16:00:00Z');
const base: Pick<BusinessProfile, 'timezone' | 'hours'> = {
  timezone: 'America/Chicago',
  hours: { mon: [['08:00', '17:00']] },
};
const U = 'URGENT' as const;
const H = 'HIGH' as const;

const plumber = createNlu({
  ...base,
  name: 'Lakeshore Pipe & Drain',
  industry: 'plumbing',
  services: [
    { name: 'Drain Cleaning', durationMin: 60, synonyms: ['clog', 'backed up'] },
    { name: 'Leak Repair', durationMin: 90, synonyms: ['leak', 'drip', 'dripping'] },
  ],
  emergencyKeywords: [
    { term: 'burst pipe', priority: U },
    { term: 'flooding', priority: U },
    { term: 'water everywhere', priority: U },
    { term: 'sewage backup', priority: U },
    { term: 'gas smell', priority: U },
    { term: 'overflowing toilet', priority: H },
  ],
});
const roofer = createNlu({
  ...base,
  name: 'Peachtree Roofing Co.',
  industry: 'other',
  services: [
    { name: 'Roof Inspection', durationMin: 60 },
    { name: 'Roof Repair', durationMin: 180 },
  ],
  emergencyKeywords: [
    { term: 'tree fell', priority: U },
    { term: 'tree on the roof', priority: U },
    { term: 'hole in the roof', priority: U },
    { term: 'rain coming in', priority: U },
    { term: 'roof leak', priority: H },
  ],
});
const landlord = createNlu({
  ...base,
  name: 'Harborview Property Management',
  industry: 'other',
  services: [
    { name: 'Maintenance Request', durationMin: 60 },
    { name: 'Property Showing', durationMin: 30 },
  ],
  emergencyKeywords: [
    { term: 'flood', priority: U },
    { term: 'overflowing', priority: U },
    { term: 'leaking into', priority: U },
    { term: 'no heat', priority: H },
  ],
});
const hvac = createNlu({
  ...base,
  name: 'Cozy Air',
  industry: 'hvac',
  services: [{ name: 'Furnace Repair', durationMin: 90 }],
});
const sparky = createNlu({
  ...base,
  name: 'Sonoran Sparks Electric',
  industry: 'electrical',
  services: [
    { name: 'Outlet Repair', durationMin: 60 },
    { name: 'Panel Upgrade', durationMin: 240 },
  ],
});
const dentist = createNlu({
  ...base,
  name: 'Smile',
  industry: 'dental',
  services: [{ name: 'Cleaning', durationMin: 60 }],
});
const vet = createNlu({
  ...base,
  name: 'Cedar Hollow Animal Clinic',
  industry: 'other',
  services: [{ name: 'Wellness Exam', durationMin: 30 }],
});
const locksmith = createNlu({
  ...base,
  name: 'Gulf Coast Lock & Key',
  industry: 'other',
  services: [{ name: 'Lockout Service', durationMin: 30 }],
});

type Nlu = typeof plumber;
const heard = (nlu: Nlu, text: string, at = MARCH) => {
  const u = nlu.understand(text, at);
  return { priority: u.emergency?.priority, first: u.intents[0] };
};

describe('emergencies said in everyday words', () => {
  const cases: Array<[string, Nlu, string, 'URGENT' | 'HIGH']> = [
    // the tester's three calls
    ['plumber', plumber, 'water is literally pouring through my kitchen ceiling from the bathroom upstairs', U],
    [
      'roofer',
      roofer,
      'a big limb from the oak tree came down on our house in the storm last night and now rain is coming in through the bedroom ceiling',
      U,
    ],
    [
      'landlord',
      landlord,
      "hi I'm a tenant in unit 3B, my toilet won't stop running over and the water is going through the floor into the apartment below",
      U,
    ],
    // water through a ceiling, a light, a floor
    ['plumber', plumber, "there's water coming through the light fixture in the hallway", U],
    ['plumber', plumber, "it's dripping out of the can lights in the kitchen", U],
    ['plumber', plumber, 'water keeps running down through the floor to the basement', U],
    ['landlord', landlord, 'water is leaking into the unit below mine', U],
    ['hvac', hvac, 'the unit in the attic is leaking through the ceiling', U],
    ['plumber', plumber, 'the bathroom ceiling is sagging and wet', U],
    // a pipe that burst or split, sewage backing up
    ['plumber', plumber, 'I think a pipe in the wall burst, we hear it spraying', U],
    ['plumber', plumber, 'the pipe under the kitchen sink split and water is spraying everywhere', U],
    ['plumber', plumber, 'the hose to the washing machine just burst', U],
    ['plumber', plumber, 'the sewer line backed up and the basement floor drain has poop water coming up', U],
    ['landlord', landlord, 'every time we flush, everything is backing up into the tub', U],
    ['plumber', plumber, 'the washing machine hose split and there is water all over the laundry room', U],
    // owner keywords said otherwise
    ['roofer', roofer, 'rain is coming in by the chimney', U],
    ['roofer', roofer, 'a tree just fell onto our roof', U],
    ['roofer', roofer, "there's a big hole in our roof and it's raining", U],
    ['roofer', roofer, 'the storm ripped a bunch of shingles off and water is getting in through the attic', U],
    ['landlord', landlord, 'the upstairs tub overflowed and it is dripping into our kitchen', U],
    ['landlord', landlord, 'the basement flooded overnight', U],
    // heat, gas, burning
    ['hvac', hvac, "the heat isn't coming on and my 2 year old is freezing", U],
    ['landlord', landlord, "we've been without heat since yesterday and my mother is 88", U],
    ['plumber', plumber, 'it smells kind of like gas by the water heater', U],
    ['landlord', landlord, 'there is a weird sulfur smell in the hallway', U],
    ['sparky', sparky, 'the outlet smells kind of like burnt plastic', U],
    ['sparky', sparky, 'the breaker panel feels really hot and I hear crackling', U],
    ['sparky', sparky, 'there are black scorch marks around the outlet in the bedroom', U],
    // children and pets, teeth
    ['locksmith', locksmith, 'I locked myself out and my 2 year old is still inside', U],
    ['locksmith', locksmith, 'my dog is locked inside the apartment and the stove is on', U],
    ['vet', vet, 'my cat chewed on a lily leaf from the bouquet', U],
    ['vet', vet, 'the puppy swallowed a sock and keeps gagging', U],
    ['vet', vet, 'our dog got into the ant bait under the sink', U],
    ['dentist', dentist, 'my son got hit with a puck and knocked his front tooth clean out', U],
    ['dentist', dentist, 'she lost a permanent tooth in a fall at the playground', U],
  ];
  it.each(cases.map(([biz, nlu, text, want]) => ({ biz, nlu, text, want })))('$biz: $text', ({ nlu, text, want }) => {
    const h = heard(nlu, text);
    expect(h.priority).toBe(want);
    expect(h.first).toBe('emergency');
  });

  it('raises no heat to URGENT in freezing weather with someone vulnerable at home', () => {
    expect(
      heard(hvac, "the furnace won't ignite and it's 45 degrees in the house, we have a newborn", JAN).priority,
    ).toBe(U);
    expect(heard(landlord, "there's no heat and it's freezing, my grandmother lives with us", JAN).priority).toBe(U);
  });
});

describe('scary words that are no emergency', () => {
  const cases: Array<[string, Nlu, string]> = [
    ['plumber', plumber, 'no emergency or anything, just a slow drip from the bathtub spout'],
    ['plumber', plumber, "it flooded last week but it's dry now, I want a sump pump"],
    ['plumber', plumber, 'the basement flooded a couple of years ago, I want someone to look at the drainage'],
    ['plumber', plumber, 'we had a pipe burst last winter and it was fixed, I just want an inspection'],
    ['roofer', roofer, "we had a roof leak last spring, it's been repaired, I'd like an inspection"],
    ['sparky', sparky, 'the outlet cover is cracked, not urgent'],
    ['sparky', sparky, "I'd like a quote for a new panel, no sparks or anything"],
    ['sparky', sparky, 'hi, no sparks or burning or anything like that, I just want a quote on a new breaker panel'],
    ['plumber', plumber, "I don't smell gas or anything, the water heater is just noisy"],
    ['plumber', plumber, 'can someone come look at a running toilet, it is not really an emergency'],
    ['plumber', plumber, "I'm going through the floor plans for the new bathroom"],
    ['landlord', landlord, "there's no problem with the heat, I just want to renew my lease"],
    ['roofer', roofer, 'a tree in the backyard needs trimming before it reaches the roof, this can wait'],
    ['roofer', roofer, "it's pouring rain today, can you come look at the gutters next week?"],
    ['hvac', hvac, 'I want a furnace tune-up before winter, the heat works fine'],
    ['vet', vet, 'my dog ate his dinner and wants more, when is his checkup?'],
    ['dentist', dentist, 'my 6 year old has a wiggly baby tooth, is that normal?'],
  ];
  it.each(cases.map(([biz, nlu, text]) => ({ biz, nlu, text })))('$biz: $text', ({ nlu, text }) => {
    const h = heard(nlu, text);
    expect(h.priority).toBeUndefined();
    expect(h.first).not.toBe('emergency');
  });

  it('still hears a life-safety danger however calm or late the caller says it', () => {
    expect(heard(plumber, "no rush, but it's been smelling like rotten eggs since last week").priority).toBe(U);
  });
});

describe('a business keyword heard by its words', () => {
  const hears = (term: string, text: string) => keywordPattern(term).test(text);
  it('allows a few words between its words and any form of each', () => {
    expect(hears('rain coming in', 'rain is coming in')).toBe(true);
    expect(hears('overflowing', "it won't stop running over")).toBe(true);
    expect(hears('overflowing', 'the toilet overflowed')).toBe(true);
    expect(hears('tree fell', 'the oak tree came down')).toBe(true);
    expect(hears('tree on the roof', 'a tree fell on our roof')).toBe(true);
    expect(hears('knocked-out tooth', 'knocked out his tooth')).toBe(true);
    expect(hears("bleeding won't stop", 'the bleeding will not stop')).toBe(true);
  });
  it('keeps to one clause, the words in order, and a negating word next to what it negates', () => {
    expect(hears('rain coming in', 'rain, and the guys are coming in monday')).toBe(false);
    expect(hears('rain coming in', 'coming in out of the rain')).toBe(false);
    expect(hears('no heat', 'no problem with the heat')).toBe(false);
    expect(hears('fire', 'I got fired')).toBe(false);
    expect(hears('rain coming in', 'rain that is slowly now coming in')).toBe(false);
  });
});
