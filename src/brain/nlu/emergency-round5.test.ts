// Invariant: a chipped tooth that doesn't hurt is a check-up, not an urgent one; and a danger denied in Spanish
// ("no hay humo ni fuego", "no creo que haya una fuga") is denied as it is in English, while one said plainly
// ("no, hay humo en la cocina") is still heard.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile, Industry } from '../types.js';
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

const DENTAL = profile('Foothills Family Dental', ['Exam', 'Cleaning'], 'dental');
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
});
