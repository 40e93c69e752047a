// Invariant: for any business (most trades run as industry "other"), a tree or a limb through a house, a
// ceiling or a wall giving way, and a gas leak told by its smell or its hiss are escalated however calmly they
// are said, each with what to do first; a child or a pet strapped in a locked car hears the emergency number of
// the business's country; and a danger the caller denies ("nothing's flooding", "no water on the floor", "I
// can't smell gas anymore") is no emergency, while "no, it's flooding" still is.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import { createFakePorts } from '../test-support/fake-ports.js';
import type { BusinessProfile, Industry } from '../types.js';
import { SAFETY } from './emergency-safety.js';
import { createNlu } from './index.js';

const hours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['08:00', '18:00']]]),
) as BusinessProfile['hours'];
const profile = (name: string, services: string[], industry: Industry = 'other', more: Partial<BusinessProfile> = {}) =>
  ({
    name,
    industry,
    timezone: 'America/New_York',
    hours,
    services: services.map((s) => ({ name: s, durationMin: 60 })),
    escalationNumber: '+14045550100',
    ...more,
  }) satisfies BusinessProfile;

const TREES = profile('Mighty Oak Tree Service', ['Tree Removal', 'Stump Grinding']);
const PESTS = profile('Bugaway Pest Control', ['Wasp Nest Removal', 'General Pest Treatment']);
const TUTOR = profile('Northside Tutoring', ['Math Tutoring']);
const ROOFER = profile('Gulf Coast Roofing', ['Roof Inspection', 'Roof Repair']);
const BUILDER = profile('Summit Builders', ['Remodel Estimate', 'Carpentry']);
const LOCKS = profile('Keyway Locksmiths', ['Car Lockout', 'House Lockout', 'Lock Rekey']);
const PLUMBER = profile('Windy City Plumbing', ['Faucet Repair', 'Drain Cleaning'], 'plumbing');
const HEATING = profile('Heritage Plumbing & Heating', ['Boiler Service', 'Boiler Repair'], 'plumbing', {
  timezone: 'Europe/London',
  country: 'GB',
});
const ELECTRICIAN = profile('Volt Masters Electric', ['Panel Upgrade'], 'electrical');
const HVAC = profile('Comfort Pro HVAC', ['Furnace Repair'], 'hvac');

const byName = (name: string) =>
  [TREES, PESTS, TUTOR, ROOFER, BUILDER, LOCKS, PLUMBER, HEATING, ELECTRICIAN, HVAC].find((b) => b.name === name)!;

const AUGUST_NIGHT = new Date('2026-08-22T06:10:00Z');
const heard = (b: BusinessProfile, text: string, lang: 'en' | 'es' = 'en') =>
  createNlu(b).understand(text, AUGUST_NIGHT, lang).emergency;
/** Escalated: the chart hears an emergency only above NORMAL. */
const escalated = (b: BusinessProfile, text: string, lang: 'en' | 'es' = 'en') => {
  const hit = heard(b, text, lang);
  return hit && hit.priority !== 'NORMAL' ? hit.priority : undefined;
};

const OAK =
  "A big oak just came down on our house in the storm. It went through the roof over the kids' bedroom. Everyone's okay, we got them out, but rain is pouring in and there are branches everywhere.";

describe('a tree through the house, a ceiling or a wall giving way', () => {
  it.each([TREES, PESTS, TUTOR])("the tester's storm call to $name is URGENT with the keep-clear line", (b) => {
    expect(heard(b, OAK)).toMatchObject({ priority: 'URGENT', safety: SAFETY.structure });
  });

  it.each([
    'a tree fell on our house',
    'the big maple in the front yard just fell onto the house',
    "the neighbour's pine is lying on our roof",
    'a limb punched a hole in the roof',
    'the chimney fell through the roof',
    'the wind dropped a huge branch right through our bedroom ceiling',
    'the ceiling caved in',
    'part of the kitchen ceiling came down',
    'the back wall of the house collapsed',
  ])('"%s" is URGENT for any business', (text) => {
    expect(heard(PESTS, text)).toMatchObject({ priority: 'URGENT', safety: SAFETY.structure });
  });

  it.each(['a branch crashed through the window', 'the storm blew our window in'])(
    '"%s" leaves the home open: HIGH',
    (text) => expect(escalated(TUTOR, text)).toBe('HIGH'),
  );

  it('a roof open to the weather is heard by a building trade, and by its name alone', () => {
    expect(heard(ROOFER, 'part of the roof blew off in the storm and rain is pouring in')).toMatchObject({
      priority: 'URGENT',
      safety: SAFETY.rain,
    });
    expect(escalated(ROOFER, 'the wind took half our roof off')).toBeDefined();
    expect(heard(BUILDER, 'rain is coming in through the bedroom window')).toMatchObject({
      priority: 'URGENT',
      safety: SAFETY.rain,
    });
  });

  it.each([
    'the storm knocked over my fence, no rush',
    'a tree in the back yard needs cutting down',
    'a dead branch is hanging over the roof, can you come look next week',
    'we want the old oak near the garage taken down before it falls on the house',
    'the storm last week dropped a limb on our roof, no rush, just need a quote',
    'a tree fell in the back yard, it missed the house',
    'a branch fell on my car',
    'there are lots of branches on the roof from the storm, can you clear them',
    'the price went through the roof after the storm, is tree removal really that much?',
    'the garage door came down on my car',
    'the ceiling fan fell down',
    "there's rain coming in tonight, can you tarp it before that",
    'our sales collapsed this year',
  ])('"%s" stays calm', (text) => {
    expect(escalated(TREES, text)).toBeUndefined();
    expect(escalated(ROOFER, text)).toBeUndefined();
  });
});

describe('a gas leak told by its smell, whatever the tone', () => {
  const CALM =
    "Hiya, it's probably nothing and there's no rush, but there's been a faint rotten-egg sort of smell by the boiler since last night. Could someone pop round this week to have a look?";

  it.each([HEATING, PESTS])("the tester's calm call to $name is URGENT with the gas line", (b) => {
    expect(heard(b, CALM)).toMatchObject({ priority: 'URGENT', label: 'gas smell', safety: SAFETY.gas });
  });

  it.each([
    'smells like rotten eggs in the kitchen',
    "there's a hissing by the gas meter",
    'the gas meter is making a hissing sound',
    'it smells kind of eggy near the stove',
    "there's a whiff of gas in the hall",
    'it smells gassy in the kitchen, nothing urgent',
    "there's a sulfur smell in the basement",
    'gas is leaking from the stove',
  ])('"%s" is a suspected gas leak', (text) => {
    expect(heard(TUTOR, text)).toMatchObject({ priority: 'URGENT', safety: SAFETY.gas });
  });

  it('a Spanish caller who smells rotten eggs is heard', () => {
    expect(escalated(HEATING, 'huele a huevo podrido en la cocina', 'es')).toBe('URGENT');
  });

  it.each([
    'is gas included in the quote?',
    'my gas bill is huge this winter',
    "the gas fireplace won't light",
    "I'd like a gas leak detector installed",
    "there's a hissing sound from the pool pump",
    'the stove hisses a bit when I light it',
    "no, I can't smell gas anymore",
  ])('"%s" is no gas leak', (text) => {
    expect(escalated(TUTOR, text)).toBeUndefined();
  });
});

describe('a danger the caller denies', () => {
  it.each<[string, string]>([
    [PLUMBER.name, "No, it's just a drip. Nothing's flooding, the sink drains fine, it's just annoying."],
    [PLUMBER.name, "there's no water on the floor or anything"],
    [PLUMBER.name, "I don't think it's flooding"],
    [PLUMBER.name, "no, it's not leaking anymore"],
    [PLUMBER.name, 'no water pressure in the upstairs shower'],
    [ELECTRICIAN.name, "there's no smoke"],
    [ELECTRICIAN.name, "nothing's sparking, it just trips"],
    [HEATING.name, "there's no gas smell, the boiler just won't fire"],
    [TUTOR.name, "nobody's hurt, it was just a fender bender"],
  ])('%s: "%s" is no emergency', (name, text) => {
    expect(escalated(byName(name), text)).toBeUndefined();
  });

  it('keys locked in a car with "no kids or pets in it" is a lockout, not a child in a car', () => {
    expect(heard(LOCKS, 'my keys are locked in the car, no kids or pets in it')).toMatchObject({
      priority: 'HIGH',
      label: 'locked out',
    });
  });

  it('a denied danger in Spanish is no emergency either', () => {
    expect(escalated(PLUMBER, 'no hay agua en el piso', 'es')).toBeUndefined();
    expect(escalated(TUTOR, 'nadie está herido', 'es')).toBeUndefined();
    expect(escalated(HEATING, 'no huele a gas', 'es')).toBeUndefined();
  });

  it.each<[string, string]>([
    [PLUMBER.name, "no it's flooding"],
    [PLUMBER.name, "there's no damage and water is pouring in through the ceiling"],
    [PLUMBER.name, "it's not just a drip, the kitchen is flooding"],
    [PLUMBER.name, "it doesn't stop running and now there's water everywhere"],
    [ELECTRICIAN.name, "there's no fire, just a burning smell from the outlet"],
    [ELECTRICIAN.name, "there's no smoke but the outlet is sparking"],
    [HVAC.name, "the carbon monoxide alarm won't stop going off"],
    [TUTOR.name, "i don't know what to do there's smoke everywhere"],
  ])('%s: "%s" is still URGENT', (name, text) => {
    expect(escalated(byName(name), text)).toBe('URGENT');
  });
});

describe('a child or a pet strapped in a locked car', () => {
  const BABY =
    "Please, I need someone right now. I locked my keys in the car and my baby is still strapped in her car seat inside. It's really hot out.";

  it.each([LOCKS, TUTOR])("the tester's call to $name gets the hot-car line", (b) => {
    expect(heard(b, BABY)).toMatchObject({ priority: 'URGENT', safety: SAFETY.hotCar });
  });

  it.each([
    'my son is buckled in his car seat and the car is locked',
    'the dog is in the back seat and I locked the keys in the car',
  ])('"%s" is a child or a pet in a car', (text) => {
    expect(heard(LOCKS, text)).toMatchObject({ priority: 'URGENT', safety: SAFETY.hotCar });
  });

  it.each(['I need a car seat installed', 'my kid left his backpack in the car seat'])('"%s" is not', (text) => {
    expect(heard(TUTOR, text)).toBeUndefined();
  });
});

describe('what the caller hears', () => {
  const start = (business: BusinessProfile, at: string) => {
    const fake = createFakePorts(business);
    const convo = createConversation({ business, callerPhone: '+14045550114', now: fixedClock(at), deps: fake.ports });
    convo.greet();
    return { say: async (text: string) => (await convo.handle({ text })).text, world: fake.world };
  };

  it('a baby in a locked car: the emergency number of the country first, then the alert', async () => {
    const us = start(LOCKS, '2026-06-13T21:25:00Z');
    const said = await us.say(
      'I locked my keys in the car and my baby is still strapped in her car seat inside. It is really hot out.',
    );
    expect(said).toMatch(/^Please call 911 right now/);
    expect(us.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
    const au = start({ ...LOCKS, timezone: 'Australia/Sydney', country: 'AU' }, '2026-01-10T03:30:00Z');
    expect(await au.say('my toddler is buckled in his car seat and the keys are locked in the car')).toMatch(
      /call 000 right now/,
    );
  });

  it('a tree through the roof at 2 AM: keep clear, then the alert', async () => {
    const t = start(TREES, '2026-08-22T06:10:00Z');
    const said = await t.say(OAK);
    expect(said).toContain('keep everyone out of the damaged part of the house');
    expect(said).toMatch(/urgent alert/);
    expect(t.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
  });

  it('"nothing\'s flooding" about a dripping faucet books, never alerts', async () => {
    const t = start(PLUMBER, '2026-01-05T15:00:00Z');
    const said = await t.say("My bathroom faucet is just dripping. Nothing's flooding, the sink drains fine.");
    expect(said).not.toMatch(/shut-off valve|urgent alert/);
    expect(t.world.escalations).toEqual([]);
  });
});
