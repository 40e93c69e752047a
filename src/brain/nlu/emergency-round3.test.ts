// Invariant: whatever the business (one outside the templates has no trade words to lean on), a pet
// or a child who swallowed something poisonous and a child or an animal shut in a car are life safety,
// escalated with what to do first (the emergency vet; the emergency number of the business's country);
// a tow or roadside business hears a car crashed or stranded now; rain through a roof gets the rain
// line, never the main water valve; and the same words in an ordinary request stay calm.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import { createFakePorts } from '../test-support/fake-ports.js';
import type { BusinessProfile } from '../types.js';
import { SAFETY } from './emergency-safety.js';
import { createNlu } from './index.js';

const hours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['08:00', '18:00']]]),
) as BusinessProfile['hours'];
const profile = (name: string, services: string[], more: Partial<BusinessProfile> = {}): BusinessProfile => ({
  name,
  industry: 'other',
  timezone: 'America/Phoenix',
  hours,
  services: services.map((s) => ({ name: s, durationMin: 60 })),
  ...more,
});

const KENNEL = profile('Paws Inn Boarding Kennels', ['Kennel Tour', 'Boarding Drop-off', 'Boarding Collection'], {
  timezone: 'Europe/Dublin',
  country: 'IE',
});
const TOW = profile('Desert Tow & Recovery', ['Scheduled Tow', 'Jump Start', 'Lockout Service'], {
  escalationNumber: '+16025550100',
});
const ROOFER = profile('Harbourside Roofing', ['Roof Inspection', 'Leak Repair', 'Gutter Cleaning'], {
  timezone: 'Australia/Sydney',
  country: 'AU',
});
const TUTOR = profile('Northside Tutoring', ['Math Tutoring', 'Essay Coaching']);

const kennel = createNlu(KENNEL);
const tow = createNlu(TOW);
const roofer = createNlu(ROOFER);
const tutor = createNlu(TUTOR);
const plumber = createNlu({ ...profile('Lakeshore Pipe & Drain', ['Drain Cleaning']), industry: 'plumbing' });
const garage = createNlu({ ...profile('Main Street Auto', ['Oil Change', 'Diagnostics']), industry: 'auto' });

type Nlu = typeof tutor;
const DECEMBER = new Date('2026-12-18T20:00:00Z');
const heard = (nlu: Nlu, text: string) => nlu.understand(text, DECEMBER).emergency;
/** Escalated: the chart hears an emergency only above NORMAL. */
const escalated = (nlu: Nlu, text: string) => {
  const hit = heard(nlu, text);
  return hit && hit.priority !== 'NORMAL' ? hit.priority : undefined;
};

describe('a pet that swallowed something poisonous', () => {
  const cases: Array<[string, string, Nlu]> = [
    // the tester's call to a boarding kennel
    [
      'kennel',
      "My dog Bruno is boarding with you this week. My daughter just told me she hid a big bar of dark chocolate in his blanket bag when we dropped him off on Sunday, and he'll eat anything. Someone needs to check on him now.",
      kennel,
    ],
    [
      'kennel',
      "No, I don't need a booking! He might have eaten a whole bar of dark chocolate, someone has to check on him tonight.",
      kennel,
    ],
    // the same family of poisons, to a business that knows nothing of animals
    ['tutor', "He might have eaten a whole bar of dark chocolate, I'm so worried. Bruno's a black lab.", tutor],
    ['tutor', 'my dog ate a whole box of raisins', tutor],
    ['tutor', 'the puppy got into my ibuprofen', tutor],
    ['tutor', 'our dog swallowed some xylitol gum', tutor],
    ['tutor', 'I think the cat got into the rat poison', tutor],
    ['tutor', 'my dog drank antifreeze in the garage', tutor],
    ['tutor', 'the grapes on the counter, I think the dog ate them', tutor],
    ['tutor', 'I left my advil on the nightstand and I think the puppy got into it', tutor],
  ];
  it.each(cases)('%s: "%s" is URGENT, with the emergency vet first', (_b, text, nlu) => {
    expect(heard(nlu, text)).toMatchObject({ priority: 'URGENT', safety: SAFETY.petPoison });
  });

  it('a child who swallowed a poison gets the emergency number and poison control', () => {
    for (const text of [
      'my son swallowed a button battery',
      'my toddler got into the bleach under the sink',
      'my daughter ate some of my pills',
    ])
      expect(heard(tutor, text), text).toMatchObject({ priority: 'URGENT', safety: SAFETY.poison });
  });

  it('eating, chocolate or a dog said in passing is no emergency', () => {
    for (const text of [
      'can dogs eat grapes?',
      'is chocolate bad for dogs',
      'my chocolate lab ate his breakfast, can I book a drop-off',
      "my dog didn't eat the chocolate, thank goodness",
      'I ate a whole bar of chocolate, anyway can I book a session',
      'I swallowed an advil, can I still come in at 4',
      "my dog ate chocolate last week, he's fine now, can I book a tour",
      'we got into poison ivy on the hike, can we move Thursday',
      'my dog ate his kibble and we had grapes for lunch',
      'my dog ate his dinner, and I need batteries for the collar',
    ])
      expect(escalated(tutor, text), text).toBeUndefined();
  });
});

describe('a child or an animal shut in a car', () => {
  it.each([
    "please help, my two year old is locked in my car and the keys are inside, I'm in the Fry's parking lot",
    'my kids are in the car and I locked the keys inside',
    "there's a dog in a car in your parking lot and it's panting",
    "I locked my keys in the car, my dog is inside and it's hot out",
    // said again about the same car: the caller is outside it
    "she's crying, it's getting warm in there",
  ])('"%s" is URGENT with the emergency number first', (text) => {
    expect(heard(tow, text)).toMatchObject({ priority: 'URGENT', safety: SAFETY.hotCar });
    expect(heard(tutor, text)).toMatchObject({ priority: 'URGENT', safety: SAFETY.hotCar });
  });

  it('a child in a car with nothing wrong, or a hot room, is not a hot car', () => {
    expect(escalated(tutor, "my kid is in the car, I'll be five minutes late")).toBeUndefined();
    expect(heard(tutor, "the baby is crying, it's so hot in there, the AC in her room is broken")?.safety).not.toBe(
      SAFETY.hotCar,
    );
  });
});

describe('a car crashed or stranded, to a tow or roadside business', () => {
  it('the tester\'s call: rear-ended on the interstate, not drivable, is escalated with "get to a safe place"', () => {
    const hit = heard(
      tow,
      "Hi, I just got rear-ended on the I-10 westbound near exit 150, my car's not drivable and I'm stuck on the shoulder with my hazards on",
    );
    // on a highway shoulder at night the caller is in danger, as for a garage ("broke down on the highway")
    expect(hit).toMatchObject({ priority: 'URGENT', label: 'accident', safety: SAFETY.car });
  });

  it.each<[string, 'HIGH' | 'URGENT']>([
    ["I need a tow truck out here now. Nobody's hurt, the police are on the way", 'HIGH'],
    ["my car broke down, I'm in the Walmart parking lot", 'HIGH'],
    ["my car's not drivable, I need a tow right away", 'HIGH'],
    ["I'm stranded on the highway with a flat", 'URGENT'],
    ['we just had a crash, my wife is bleeding', 'URGENT'],
  ])('"%s" is %s', (text, priority) => {
    expect(heard(tow, text)).toMatchObject({ priority, safety: SAFETY.car });
  });

  it('a tow booked ahead, a breakdown that is over, or a price is no emergency', () => {
    for (const nlu of [tow, garage])
      for (const text of [
        'can I book a tow for Friday',
        'I need a tow truck on Friday to move my project car',
        'my car broke down last week, can you look at it',
        'my car broke down, can you tow it to the shop tomorrow',
        'how much is a tow from mesa to tempe',
      ])
        expect(escalated(nlu, text), text).toBeUndefined();
  });

  it('a business with nothing to do with cars books a late caller as usual', () => {
    expect(escalated(tutor, "I got rear-ended on the way, can we move my son's session to Thursday?")).toBeUndefined();
  });
});

describe('water from outside is not water from the pipes', () => {
  it('rain pouring through a ceiling in a storm gets the rain line, not the main valve', () => {
    const hit = heard(
      roofer,
      "please help, water is pouring through the ceiling into our bedroom, there's a massive storm and part of the ceiling is sagging",
    );
    expect(hit).toMatchObject({ priority: 'URGENT', safety: SAFETY.rain });
    for (const text of [
      'the storm ripped shingles off and rain is coming in through the bedroom ceiling',
      'rain is leaking through the light fixture in the hall',
      'the basement is flooding after all this rain',
    ])
      expect(heard(roofer, text)?.safety, text).toBe(SAFETY.rain);
    expect(heard(plumber, 'the roof is leaking and water is pouring through the ceiling')?.safety).toBe(SAFETY.rain);
  });

  it('a burst pipe keeps the main valve, even in a roof space or a storm', () => {
    for (const text of [
      'water is pouring through my kitchen ceiling from the bathroom upstairs',
      'water is pouring through the ceiling, a pipe in the roof burst',
      'a pipe burst in the storm and water is everywhere',
    ])
      expect(heard(plumber, text)?.safety, text).toBe(SAFETY.water);
  });

  it('a small drip into a bucket, no rush, stays a booking', () => {
    const text =
      "hi there, no rush at all, we've got a small drip coming through the laundry ceiling when it rains hard, it's just going into a bucket";
    expect(escalated(roofer, text)).toBeUndefined();
  });
});

describe('what the caller hears', () => {
  const start = (business: BusinessProfile, at: string) => {
    const fake = createFakePorts(business);
    const convo = createConversation({ business, callerPhone: '+16025550171', now: fixedClock(at), deps: fake.ports });
    convo.greet();
    return { say: async (text: string) => (await convo.handle({ text })).text, world: fake.world };
  };

  it('a pet poisoned at a kennel after hours: the emergency vet line and an alert, no drop-off slots', async () => {
    const t = start(KENNEL, '2026-12-08T19:30:00Z');
    const said = await t.say(
      'My dog Bruno is boarding with you this week. My daughter hid a bar of dark chocolate in his bag and he will eat anything. Someone needs to check on him now.',
    );
    expect(said).toContain(SAFETY.petPoison);
    expect(said).toMatch(/urgent alert/);
    expect(said).not.toMatch(/Which works better|I can do/);
    expect(t.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
  });

  it('a toddler locked in a car: the emergency number of the country, then the alert', async () => {
    const us = start(TOW, '2026-12-20T21:30:00Z');
    expect(await us.say('please help, my two year old is locked in my car and the keys are inside')).toMatch(
      /call 911 right now/,
    );
    expect(us.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
    const au = start({ ...TOW, timezone: 'Australia/Sydney', country: 'AU' }, '2026-12-20T03:30:00Z');
    expect(await au.say('my baby is locked in the car and the keys are inside')).toMatch(/call 000 right now/);
  });

  it('a storm through a roofer\'s customer\'s ceiling: never "turn off the main water"', async () => {
    const t = start(ROOFER, '2026-12-12T10:40:00Z');
    const said = await t.say('water is pouring through the ceiling into our bedroom, there is a massive storm');
    expect(said).toContain(SAFETY.rain);
    expect(said).not.toMatch(/shut-off valve/);
  });

  it('a tow wanted for Friday is booked, not escalated', async () => {
    const t = start(TOW, '2026-12-15T16:40:00Z');
    await t.say('can I book a tow for Friday');
    expect(t.world.escalations).toEqual([]);
  });
});
