// Invariant: services match whole words and whole phrases (longest wins, equal rivals are asked
// about), emergencies are heard in everyday words with their severity and never in routine or
// denied ones, and callers' names, companies and call-back numbers are read as said.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu } from './index.js';

const JAN = new Date('2026-01-13T16:00:00Z');
const JUL = new Date('2026-07-14T16:00:00Z');
const base: Pick<BusinessProfile, 'timezone' | 'hours'> = {
  timezone: 'America/Chicago',
  hours: { mon: [['08:00', '17:00']] },
};
const hvac = createNlu({
  ...base,
  name: 'Cozy Air',
  industry: 'hvac',
  services: [
    { name: 'AC Repair', durationMin: 90, synonyms: ['air conditioning', 'a/c'] },
    { name: 'Furnace Repair', durationMin: 90, synonyms: ['furnace', 'heater'] },
    { name: 'Maintenance Tune-Up', durationMin: 60, synonyms: ['tune-up', 'maintenance'] },
  ],
});
const lawn = createNlu({
  ...base,
  name: 'Green Co',
  industry: 'other',
  services: [
    { name: 'Hedge Trimming', durationMin: 60, synonyms: ['hedges'] },
    { name: 'Tree Trimming', durationMin: 90, synonyms: ['side by side pruning'] },
    { name: 'Lighting install', durationMin: 90, synonyms: ['right side panel'] },
  ],
});
const vet = createNlu({
  ...base,
  name: 'Happy Tails Veterinary',
  industry: 'other',
  services: [{ name: 'Wellness Exam', durationMin: 30 }],
});
const salon = createNlu({
  ...base,
  name: 'Cut Above',
  industry: 'salon',
  services: [{ name: 'Haircut', durationMin: 45 }],
});
const svc = (nlu: typeof hvac, text: string) => {
  const u = nlu.understand(text, JAN);
  return u.serviceChoices ? u.serviceChoices.map((s) => s.name).sort() : u.service?.service.name;
};

describe('services as whole words and phrases', () => {
  it.each([
    ['I need a furnace repair', 'Furnace Repair'],
    ['a tune-up for my AC', 'Maintenance Tune-Up'],
    ['my a/c is blowing warm', 'AC Repair'],
    ['the space heater in the attic', 'Furnace Repair'],
  ])('%s → %s', (text, want) => expect(svc(hvac, text)).toBe(want));

  it('never takes a service from one word of a longer phrase, or from a word inside another word', () => {
    for (const text of [
      "yes, that's right",
      'by the way, can you come friday',
      'four, not three',
      'the place is a mess',
    ]) {
      expect(svc(lawn, text), text).toBeUndefined();
    }
    expect(svc(hvac, 'I need to replace my facebook password')).toBeUndefined();
  });

  it('asks which when two services fit equally', () => {
    expect(svc(lawn, 'I need some trimming done')).toEqual(['Hedge Trimming', 'Tree Trimming']);
    expect(svc(lawn, 'the hedges need trimming')).toBe('Hedge Trimming');
  });
});

describe('emergencies in everyday words', () => {
  const p = (nlu: typeof hvac, text: string, at = JAN) => nlu.understand(text, at).emergency?.priority;
  it('raises no heat with cold or a baby to URGENT, and hears a dead AC with an elderly parent in a heat wave', () => {
    expect(p(hvac, "our furnace quit, it's ice cold and we have a newborn")).toBe('URGENT');
    expect(p(hvac, 'the heater stopped working', JUL)).toBe('HIGH');
    expect(p(hvac, "the air conditioner died and it's a heat wave, my grandmother lives with us", JUL)).toBe('URGENT');
  });
  it('hears the universal core at any business, including one no template describes', () => {
    expect(p(salon, 'there is a kid locked in a hot car outside your salon')).toBe('URGENT');
    expect(p(salon, "my throat is closing, I think it's the dye")).toBe('URGENT');
    expect(p(salon, 'someone fell and is badly hurt in your lobby')).toBe('URGENT');
    expect(p(vet, 'my dog ate a bag of chocolate')).toBe('URGENT');
    expect(p(vet, 'my dog got hit by a car')).toBe('URGENT');
  });
  it('hears the same emergencies said other ways', () => {
    const plumber = createNlu({
      ...base,
      name: 'Flow',
      industry: 'plumbing',
      services: [{ name: 'Toilet Repair', durationMin: 60 }],
    });
    const garage = createNlu({
      ...base,
      name: 'Garage',
      industry: 'auto',
      services: [{ name: 'Oil Change', durationMin: 30 }],
    });
    const dentist = createNlu({
      ...base,
      name: 'Smile',
      industry: 'dental',
      services: [{ name: 'Cleaning', durationMin: 60 }],
    });
    const sparky = createNlu({
      ...base,
      name: 'Volt',
      industry: 'electrical',
      services: [{ name: 'Outlet Repair', durationMin: 60 }],
    });
    expect(p(hvac, 'the thermostat says 50 and the furnace is blowing cold air')).toBe('URGENT');
    expect(p(plumber, 'water is gushing out from under the dishwasher')).toBe('URGENT');
    expect(p(plumber, 'my toilet keeps running, no rush')).toBeUndefined();
    expect(p(garage, "I'm stuck on I-95 with a flat and cars are flying by")).toBe('URGENT');
    expect(p(garage, "my check engine light is on but it's driving fine")).toBeUndefined();
    expect(p(dentist, "my daughter's face is really swollen and she's having trouble swallowing")).toBe('URGENT');
    expect(p(sparky, 'one of the outlets smells like melting plastic')).toBe('URGENT');
  });

  it('never escalates a routine or denied request', () => {
    expect(p(hvac, 'just a routine checkup, nothing urgent')).toBeUndefined();
    expect(p(hvac, "no gas smell or anything, it's just noisy")).toBeUndefined();
    expect(p(salon, 'nobody is hurt, I just want to book a trim')).toBeUndefined();
    expect(p(hvac, 'the smoke detector needs a new battery')).toBeUndefined();
  });
});

describe('messages: names, companies and call-back numbers', () => {
  it.each([
    ['This is Dana from Acme Supply, please call me back at 212 555 0177.', 'Dana', 'Acme Supply', '+12125550177'],
    [
      'hey this is marcus reed over at northside property management call me back on seven one eight five five five oh one six six',
      'Marcus Reed',
      'Northside Property Management',
      '+17185550166',
    ],
    [
      'Priya here from Blue River Insurance, my number is 646-555-0199',
      'Priya',
      'Blue River Insurance',
      '+16465550199',
    ],
    ['calling back about the estimate, call me back at (415) 555-0123', undefined, undefined, '+14155550123'],
  ])('%s', (text, name, company, phone) => {
    const u = salon.understand(text, JAN);
    expect([u.name, u.company, u.phone]).toEqual([name, company, phone]);
  });
});
