// Invariant: whatever the business (a template's industry or 'other'), a downed power line and toxic
// fumes are life safety (URGENT with what to do first), a person or a pet is trapped but a car is not,
// and a home that cannot be closed or a caller asking in so many words for someone after hours is
// urgent without being a danger (HIGH, no safety line); the everyday words around them are not.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { SAFETY } from './emergency-safety.js';
import { createNlu } from './index.js';

const MAY = new Date('2026-05-16T10:10:00Z');
const base: Pick<BusinessProfile, 'timezone' | 'hours'> = {
  timezone: 'America/New_York',
  hours: { mon: [['07:00', '17:00']] },
};
const business = (name: string, industry: BusinessProfile['industry'], services: string[]) =>
  createNlu({ ...base, name, industry, services: services.map((s) => ({ name: s, durationMin: 60 })) });

const lawn = business('Greenway Lawn & Landscape', 'other', ['Lawn Mowing', 'Lawn Treatment', 'Tree Removal']);
const pool = business('Brightwater Pool Care', 'other', ['Pool Clean', 'Chlorinator Service']);
const garage = business('Summit Overhead Doors', 'other', ['Garage Door Repair', 'Opener Installation']);
const plumber = business('Lakeshore Pipe & Drain', 'plumbing', ['Drain Cleaning']);
const dentist = business('Smile', 'dental', ['Cleaning']);
const salon = business('Shear Joy', 'salon', ['Haircut', 'Color']);
const mechanic = business('Main Street Auto', 'auto', ['Oil Change', 'Brake Repair']);

type Nlu = typeof lawn;
const heard = (nlu: Nlu, text: string) => {
  const u = nlu.understand(text, MAY);
  return { ...u.emergency, first: u.intents[0] };
};
const U = 'URGENT' as const;
const H = 'HIGH' as const;

describe('life safety outside the templates', () => {
  const cases: Array<[string, Nlu, string, string, string]> = [
    // the testers' calls
    [
      'lawn',
      lawn,
      "a big maple came down in the storm overnight, it's lying across our driveway and it's got the power line pulled down with it, the wire is on the ground sparking",
      'downed power line',
      SAFETY.powerLine,
    ],
    [
      'pool',
      pool,
      "the chlorine feeder split and there's chlorine gas everywhere, the kids are coughing and their eyes are burning",
      'toxic gas or fumes',
      SAFETY.co,
    ],
    // a power line however it is said, for any business
    ['lawn', lawn, "there's a live wire down in the backyard", 'downed power line', SAFETY.powerLine],
    ['garage', garage, 'power lines down in my yard', 'downed power line', SAFETY.powerLine],
    ['plumber', plumber, 'a tree fell on the power lines out front', 'downed power line', SAFETY.powerLine],
    [
      'dentist',
      dentist,
      'a utility pole snapped and the wires are lying across the road',
      'downed power line',
      SAFETY.powerLine,
    ],
    ['lawn', lawn, "there's a wire down in the yard after the storm", 'downed power line', SAFETY.powerLine],
    // fumes with a symptom, a toxic mix, a release
    ['pool', pool, 'I mixed bleach and ammonia cleaning the bathroom', 'toxic gas or fumes', SAFETY.co],
    [
      'plumber',
      plumber,
      "the fumes from the drain cleaner are so strong I can't breathe",
      'toxic gas or fumes',
      SAFETY.co,
    ],
    ['salon', salon, 'there is a chemical smell in the back and two of us feel dizzy', 'toxic gas or fumes', SAFETY.co],
    [
      'mechanic',
      mechanic,
      "exhaust fumes are coming into the cabin and I'm light headed",
      'toxic gas or fumes',
      SAFETY.co,
    ],
    ['pool', pool, 'the acid tank cracked and toxic gas is coming off it', 'toxic gas or fumes', SAFETY.co],
    // someone trapped: a person, a body part, a pet
    [
      'garage',
      garage,
      'the garage door just came down on my dad and his leg is pinned under it',
      'someone trapped or injured',
      SAFETY.injury,
    ],
    [
      'garage',
      garage,
      'my 5 year old son is stuck in the garage and the door will not open',
      'someone trapped or injured',
      SAFETY.injury,
    ],
    ['garage', garage, "we're trapped in the garage", 'someone trapped or injured', SAFETY.injury],
    ['lawn', lawn, 'the dog is stuck under the shed', 'someone trapped or injured', SAFETY.injury],
  ];
  it.each(cases.map(([biz, nlu, text, label, safety]) => ({ biz, nlu, text, label, safety })))(
    '$biz: $text',
    ({ nlu, text, label, safety }) => {
      const h = heard(nlu, text);
      expect(h).toMatchObject({ priority: U, label, safety, first: 'emergency' });
    },
  );

  it('is still heard when the caller says there is no rush', () => {
    expect(heard(lawn, "no rush, but there's a power line down across the driveway").priority).toBe(U);
  });

  it('is quiet when the trouble is over', () => {
    const over = [
      'the storm last week took down a power line, the power company fixed it and now I need the tree cleaned up',
      'a couple of weeks ago I mixed bleach and ammonia and got a cough, now I want the tiles cleaned properly',
    ];
    for (const text of over) expect(heard(lawn, text).priority, text).toBeUndefined();
  });
});

describe('urgent but no danger: a home left open, a caller who asks for someone after hours', () => {
  const cases: Array<[string, Nlu, string, string]> = [
    [
      'garage',
      garage,
      "my garage door is stuck wide open, the spring snapped, I can't leave the house open like this overnight",
      'home left open',
    ],
    ['garage', garage, 'the front door lock is broken and won’t lock', 'home left open'],
    ['lawn', lawn, 'a branch smashed the window and I can’t lock up', 'home left open'],
    ['garage', garage, 'the gate is jammed open and will not close', 'home left open'],
    ['garage', garage, 'is there anyone on call tonight?', 'asks for after-hours help'],
    ['plumber', plumber, "no, tomorrow morning is too late, it's stuck open right now", 'asks for after-hours help'],
    ['dentist', dentist, "what's the on call number?", 'asks for after-hours help'],
    ['pool', pool, 'this cannot wait until morning', 'asks for after-hours help'],
  ];
  it.each(cases.map(([biz, nlu, text, label]) => ({ biz, nlu, text, label })))(
    '$biz: $text',
    ({ nlu, text, label }) => {
      const h = heard(nlu, text);
      expect(h).toMatchObject({ priority: H, label, first: 'emergency' });
      expect(h.safety).toBeUndefined();
    },
  );
});

describe('everyday words that are no emergency', () => {
  const cases: Array<[string, Nlu, string]> = [
    // a thing stuck inside is no one trapped
    [
      'garage',
      garage,
      "morning, my garage door won't open, I think the spring broke, and my car is stuck inside. I have to be at work by nine",
    ],
    ['garage', garage, 'my keys are stuck inside the car'],
    ['plumber', plumber, 'I got my ring stuck in the drain'],
    ['lawn', lawn, "the kids' ball is stuck in the gutter"],
    ['garage', garage, 'the kids are stuck inside because of the rain, can you come Tuesday'],
    ['mechanic', mechanic, "I'm stuck in traffic, can we push my oil change"],
    // lines and wires that are up, or someone else's
    ['lawn', lawn, 'can you trim the branches hanging over the power lines'],
    ['lawn', lawn, "the power line isn't down, but the branches are touching it"],
    ['lawn', lawn, 'the power lines down the street are being worked on'],
    ['lawn', lawn, 'the invisible fence wire is down, can you fix it'],
    ['plumber', plumber, 'the water service line broke'],
    // smells and chemicals without harm
    ['pool', pool, 'the pool smells like chlorine, can you come test the water'],
    ['pool', pool, 'can I mix chlorine and acid in the same bucket?'],
    ['pool', pool, 'strong chemical smell in the pump room but nobody is coughing or anything'],
    ['salon', salon, 'the paint fumes are strong, when can you come back'],
    ['salon', salon, 'the bleach smell made me cough a little at my appointment'],
    // doors that are not a home's, requests that are only for a time
    ['garage', garage, 'can I book for tonight'],
    ['garage', garage, 'yes please, if someone can come tonight'],
    ['garage', garage, 'do you offer after-hours service?'],
    ['lawn', lawn, "I'm a nurse on call tonight so mornings are best"],
    ['lawn', lawn, 'my lawn is dead, this heat is killing me'],
    ['mechanic', mechanic, "the doors on my truck won't lock"],
    ['mechanic', mechanic, "my car door won't close all the way"],
    ['garage', garage, "the freezer door won't close"],
    ['garage', garage, "the back door doesn't lock anymore, can someone come next week"],
    ['garage', garage, 'I left the garage door open for you'],
    ['salon', salon, "I can't wait for tomorrow's appointment!"],
    ['garage', garage, 'tomorrow morning works, is that too late for you?'],
    ['garage', garage, "it's not urgent, the side gate won't latch"],
    ['garage', garage, 'the garage door was stuck open last week but it closes fine now'],
  ];
  it.each(cases.map(([biz, nlu, text]) => ({ biz, nlu, text })))('$biz: $text', ({ nlu, text }) => {
    const h = heard(nlu, text);
    expect(h.priority).toBeUndefined();
    expect(h.first).not.toBe('emergency');
  });
});

describe("a business's own keyword about fumes", () => {
  it('says to get everyone into fresh air', () => {
    const nlu = createNlu({
      ...base,
      name: 'Brightwater Pool Care',
      industry: 'other',
      services: [{ name: 'Pool Clean', durationMin: 60 }],
      emergencyKeywords: ['chlorine leak'],
    });
    expect(nlu.understand('we have a chlorine leak by the pump', MAY).emergency).toMatchObject({
      priority: U,
      safety: SAFETY.co,
    });
  });
});
