// Invariant: a caller's body or mind in danger is heard at any business, whatever it sells — chest pain or
// pressure, stroke signs, breathing trouble, fainting, heavy bleeding, a swelling throat, an overdose, suicidal
// thoughts said plainly or not, and sight suddenly lost — URGENT, with the emergency number (and, for a crisis,
// the crisis line of the business's country) said before anything is booked; new flashes or floaters are HIGH
// (seen today, not 911). Everyday words stay calm ("this job is killing me", "chest X-rays last year", a chip
// that doesn't hurt), and a danger denied in Spanish ("no hay humo ni fuego") is denied as it is in English.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import { createFakePorts } from '../test-support/fake-ports.js';
import type { BusinessProfile, Industry } from '../types.js';
import { HEALTH_SAFETY, SAFETY, withCrisisLine } from './emergency-safety.js';
import { createNlu } from './index.js';

const hours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['08:00', '18:00']]]),
) as BusinessProfile['hours'];
const profile = (name: string, services: string[], industry: Industry = 'other', more: Partial<BusinessProfile> = {}) =>
  ({
    name,
    industry,
    timezone: 'America/Chicago',
    hours,
    services: services.map((s) => ({ name: s, durationMin: 30 })),
    escalationNumber: '+15125550100',
    ...more,
  }) satisfies BusinessProfile;

const CHIRO = profile('Align Chiropractic', ['Adjustment', 'New Patient Exam']);
const SALON = profile('Glow Hair Studio', ['Haircut', 'Color'], 'salon');
const OPTOM = profile('ClearView Optometry', ['Eye Exam', 'Contact Lens Fitting']);
const THERAPY = profile('Open Door Psychology', ['Initial Session', 'Psychology Session']);
const DENTAL = profile('Foothills Family Dental', ['Exam', 'Cleaning'], 'dental');
const VET = profile('Riverside Vets', ['Consultation', 'Vaccination']);
const HVAC = profile('Comfort Pro HVAC', ['Furnace Repair'], 'hvac');
const ELECTRIC = profile('Volt Masters Electric', ['Panel Upgrade'], 'electrical');

const APRIL = new Date('2026-04-14T16:10:00Z');
const heard = (b: BusinessProfile, text: string, lang: 'en' | 'es' = 'en') =>
  createNlu(b).understand(text, APRIL, lang).emergency;
/** Escalated: the chart hears an emergency only above NORMAL. */
const escalated = (b: BusinessProfile, text: string, lang: 'en' | 'es' = 'en') => {
  const hit = heard(b, text, lang);
  return hit && hit.priority !== 'NORMAL' ? hit.priority : undefined;
};

describe('a medical emergency at any business', () => {
  it.each([
    "Hi, can I get in for an adjustment today? My upper back has been really tight, and for the last hour or so I've had this pressure in my chest and my left arm feels kind of numb and tingly.",
    "chest pressure and my left arm's gone numb, can you adjust me",
    "i've got chest pain, can i still come in at 3",
    'it feels like an elephant is sitting on my chest',
    "there's a crushing pain in my chest",
    'my chest feels really tight and heavy',
    'sorry, I need to cancel, my husband is having chest pains',
    "my jaw hurts, my left arm is numb and i'm in a cold sweat",
  ])('"%s" is a heart emergency: URGENT with the heart line', (text) => {
    for (const b of [CHIRO, SALON, THERAPY])
      expect(heard(b, text)).toMatchObject({ priority: 'URGENT', safety: HEALTH_SAFETY.heart });
  });

  it.each([
    'i think my dad is having a stroke',
    'her face is drooping on one side',
    'one side of his face is drooping',
    'my wife is slurring her words',
    "his speech is slurred and he can't lift his right arm",
    'i suddenly cannot lift my left arm',
  ])('"%s" is a stroke: URGENT with the stroke line', (text) => {
    expect(heard(SALON, text)).toMatchObject({ priority: 'URGENT', safety: HEALTH_SAFETY.stroke });
  });

  it.each([
    "i can't catch my breath",
    "she's having trouble breathing",
    "i'm short of breath and dizzy",
    'my mum just fainted in the waiting room',
    "i feel like i'm going to pass out",
    "i cut my hand and it won't stop bleeding",
    "there's blood everywhere, my son cut his leg on the glass",
    'my throat is closing up, i think it was the peanuts',
    "my tongue's swelling",
    'i took too many of my sleeping pills',
  ])('"%s" is URGENT for any business', (text) => {
    expect(escalated(CHIRO, text)).toBe('URGENT');
    expect(escalated(HVAC, text)).toBe('URGENT');
  });

  it('a pet in trouble hears the emergency vet, not the emergency number', () => {
    expect(heard(VET, "my dog can't catch her breath")).toMatchObject({ priority: 'URGENT', safety: SAFETY.animal });
  });

  it.each([
    "my arm's been a bit stiff since the gym",
    "my tooth's been a bit sensitive",
    "the cat's due for her shots",
    'I had chest X-rays last year, should I bring them?',
    'my chest of drawers fell on my foot last month',
    "no chest pain or anything, it's just a stiff neck",
    "i'm doing cardiac rehab after my heart attack",
    'i had chest pains two years ago, all fine now, just want an adjustment',
    'my left arm tingles when i sleep on it and my neck is sore',
    "my shoulder is sore and i can't lift my arm above my head",
    'i get a bit short of breath when i climb stairs',
    'i nearly fainted when i saw the price',
    'one side of my face is still numb after the filling',
    'my gums bleed a bit when i brush',
    'a lot of blood tests lately, so I need a morning slot',
    'the pressure in my lower back is awful',
  ])('"%s" stays calm', (text) => {
    for (const b of [CHIRO, DENTAL, VET]) expect(escalated(b, text)).toBeUndefined();
  });
});

describe('a caller in crisis', () => {
  it.each([
    "I need to talk to someone today. I don't really see the point in anything anymore and I've been thinking about ending it.",
    "i don't want to be here anymore",
    "i've been thinking of ending it",
    "i can't keep myself safe",
    "i've been thinking about hurting myself",
    "i've been having suicidal thoughts",
    'i want to kill myself',
    'my son said he wants to end his life',
    'everyone would be better off without me',
    "i don't want to live anymore",
  ])('"%s" is URGENT with the crisis line, at any business', (text) => {
    for (const b of [THERAPY, SALON, HVAC])
      expect(heard(b, text)).toMatchObject({ priority: 'URGENT', safety: HEALTH_SAFETY.crisis });
  });

  it.each([
    'this job is killing me',
    "i'm dying to get my hair done",
    'my phone died, sorry',
    'i could kill for a blowout',
    "we're thinking about ending it with our current salon",
    'my contract with you guys, i am thinking of ending it',
    "i'm not suicidal, i just want to talk to someone about stress",
    "i'd never hurt myself, but i'm really anxious",
    'do you run suicide prevention training for workplaces?',
    "i don't want to be here for the session on friday, can we move it",
    "i don't want to live with my parents anymore",
  ])('"%s" is no crisis', (text) => {
    expect(escalated(THERAPY, text)).toBeUndefined();
    expect(escalated(SALON, text)).toBeUndefined();
  });

  it('the crisis line is the one of the business country, and none is made up where it is not known', () => {
    const line = HEALTH_SAFETY.crisis;
    expect(withCrisisLine(line, 'US')).toContain('crisis line at 988');
    expect(withCrisisLine(line, 'CA')).toContain('988');
    expect(withCrisisLine(line, 'AU')).toContain('crisis line at 13 11 14');
    expect(withCrisisLine(line, 'GB')).toContain('116 123');
    expect(withCrisisLine(line, 'IE')).toContain('116 123');
    expect(withCrisisLine(line, 'NZ')).toContain('1737');
    const de = withCrisisLine(line, 'DE');
    expect(de).not.toMatch(/988|crisis line/);
    expect(de).toMatch(/call 911 right now\.$/);
    expect(withCrisisLine(SAFETY.gas, 'AU')).toBe(SAFETY.gas);
  });
});

describe('sight suddenly lost, and new flashes or floaters', () => {
  it.each([
    "Hi, since this morning I've been seeing flashes of light in my right eye, and now it's like there's a dark curtain coming down over part of my vision. Can I get an appointment sometime this week?",
    "there's a shadow across the vision in my left eye",
    'i suddenly lost the sight in my right eye',
    "i can't see out of my left eye since this morning",
  ])('"%s" is URGENT (care today) at any business', (text) => {
    for (const b of [OPTOM, SALON])
      expect(heard(b, text)).toMatchObject({ priority: 'URGENT', safety: HEALTH_SAFETY.vision });
  });

  it.each([
    "i've been seeing flashes of light in my eye since yesterday",
    "i've got a shower of new floaters",
    "there's a load of new floaters in my vision",
  ])('"%s" is HIGH: seen today, not 911', (text) => {
    for (const b of [OPTOM, SALON])
      expect(heard(b, text)).toMatchObject({ priority: 'HIGH', safety: HEALTH_SAFETY.flashes });
  });

  it('an eye care business hears "I keep seeing flashes" without the word eye; a garage does not', () => {
    expect(escalated(OPTOM, 'i keep seeing flashes')).toBe('HIGH');
    expect(escalated(profile('Quick Lube', ['Oil Change'], 'auto'), 'i keep seeing flashing lights on the dash')).toBe(
      undefined,
    );
  });

  it.each([
    "i've had floaters for years, they're not new",
    'i lost a contact lens and now i cannot see out of my left eye',
    'can i book an eye exam, my vision is a bit blurry when i read',
    'no flashes or curtains, i just need new glasses',
    'the shade over the window in the waiting room is broken',
  ])('"%s" stays calm', (text) => {
    expect(escalated(OPTOM, text)).toBeUndefined();
  });
});

describe('a chipped tooth that does not hurt is a check-up', () => {
  it.each([
    'i chipped a tooth, it doesnt hurt or anything',
    'someone just needs to look at the chipped tooth',
    "i cracked a tooth, it doesn't hurt though",
  ])('"%s" is not escalated', (text) => {
    expect(escalated(DENTAL, text)).toBeUndefined();
  });

  it.each(['I cracked a tooth', 'i chipped my tooth and it really hurts', 'i broke my front tooth'])(
    '"%s" is still HIGH',
    (text) => expect(escalated(DENTAL, text)).toBe('HIGH'),
  );
});

describe('denials in Spanish, of the shapes English denies', () => {
  it.each([
    'no hay humo ni fuego, solo huele raro',
    'no hay humo',
    'no hay fuego',
    'ni humo ni fuego',
    'no sale humo del enchufe',
    'tampoco hay humo',
    'no veo humo ni llamas, pero el calentador hace ruido',
    'no creo que haya una fuga de gas',
    'no creo que sea una fuga de gas',
    'no es una emergencia',
    'no es grave, el calentador hace un ruido raro',
    'el detector de humo está pitando',
  ])('"%s" is not escalated', (text) => {
    expect(escalated(HVAC, text, 'es')).toBeUndefined();
    expect(escalated(ELECTRIC, text, 'es')).toBeUndefined();
  });

  it.each([
    'hay humo en la cocina',
    'no, hay humo en la cocina',
    'veo humo saliendo del enchufe',
    'hay un incendio en el garaje',
    'no es una emergencia, pero huele a gas',
    'no hay luz y sale humo del panel',
  ])('"%s" is still URGENT', (text) => {
    expect(escalated(HVAC, text, 'es')).toBe('URGENT');
  });

  it.each([
    ['tengo dolor en el pecho y el brazo izquierdo dormido', 'chest pain'],
    ['creo que mi papá está teniendo un derrame, tiene la cara caída', 'stroke signs'],
    ['me falta el aire', 'trouble breathing'],
    ['ya no quiero vivir', 'suicidal thoughts'],
    ['he estado pensando en quitarme la vida', 'suicidal thoughts'],
    ['veo una cortina negra sobre la vista', 'sudden vision loss'],
  ])('"%s" is heard in Spanish (%s)', (text, label) => {
    expect(heard(SALON, text, 'es')).toMatchObject({ priority: 'URGENT', label });
  });
});

describe('what the caller hears', () => {
  const start = (business: BusinessProfile, at: string) => {
    const fake = createFakePorts(business);
    const convo = createConversation({ business, callerPhone: '+15125550172', now: fixedClock(at), deps: fake.ports });
    convo.greet();
    return { say: async (text: string) => (await convo.handle({ text })).text, world: fake.world };
  };

  it('chest pressure at a chiropractor: the emergency number, an alert, and no adjustment offered', async () => {
    const t = start(CHIRO, '2026-04-14T16:10:00Z');
    const said = await t.say(
      "can I get in for an adjustment today? I've had this pressure in my chest and my left arm feels numb",
    );
    expect(said).toMatch(/^Chest pain or pressure like that can be a heart attack: please hang up and call 911/);
    expect(said).not.toMatch(/\d:\d\d|Which works better/);
    expect(t.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
    expect(t.world.appointments).toEqual([]);
  });

  it('a caller in crisis after hours: the emergency number and an alert, never just a message', async () => {
    const t = start(THERAPY, '2026-04-12T02:30:00Z');
    const said = await t.say("I don't really see the point anymore and I've been thinking about ending it.");
    expect(said).toContain('call 911 right now');
    expect(said).toMatch(/urgent alert/);
    expect(t.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
  });

  it('a curtain over the sight at an optometrist is escalated, not booked for later in the week', async () => {
    const t = start(OPTOM, '2026-02-17T17:30:00Z');
    const said = await t.say(
      "I've been seeing flashes of light in my right eye, and now there's a dark curtain over part of my vision. Can I get an appointment this week?",
    );
    expect(said).toContain('nearest emergency room');
    expect(t.world.escalations[0]).toMatchObject({ priority: 'URGENT' });
  });
});
