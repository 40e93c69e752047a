// Invariant: a plan to die said without the words for it ("all my pills out on the table and I think tonight is
// it"), a person down who does not answer ("fell off the ladder… on the ground and not really answering me") and
// electricity felt from a tap or a shower ("a wee tingle when I touch the kitchen tap") are URGENT at any business;
// "he's not answering his phone", "tonight is the night, we're celebrating" and "all my meds are ready for pickup?"
// stay calm. Damage to property the caller says is held ("I've already shut the main off, nothing's leaking now",
// "we're all ok, bundled up", "it's only in the basement and nobody's hurt") is HIGH with no safety script; water by
// a light and damage still under way ("everyone's okay, but rain is pouring in") stay URGENT.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile, Industry } from '../types.js';
import { createNlu } from './index.js';

const profile = (name: string, services: string[], industry: Industry = 'other') =>
  ({
    name,
    industry,
    timezone: 'America/Chicago',
    hours: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']] },
    services: services.map((s) => ({ name: s, durationMin: 30 })),
    escalationNumber: '+15125550100',
  }) satisfies BusinessProfile;

const COUNSELLING = profile('Alberta Street Counseling', ['Therapy Session']);
const TREES = profile('Hill Country Tree & Lawn', ['Tree Trimming', 'Lawn Care']);
const SPARKY = profile('Waikato Sparky Services', ['Electrical Fault Finding'], 'electrical');
const PLUMBER = profile('Flow Plumbing', ['Leak Repair'], 'plumbing');
const SALON = profile('Glow Hair Studio', ['Blowout'], 'salon');

const NOW = new Date('2026-04-14T16:10:00Z');
const heard = (b: BusinessProfile, text: string) => createNlu(b).understand(text, NOW).emergency;

describe('danger said in other words is heard', () => {
  it.each([
    [
      COUNSELLING,
      "hi im a client of dr ames. i need to cancel tuesday. i've got all my pills out on the table and i think tonight is it",
      'suicidal thoughts',
    ],
    [COUNSELLING, "I'm going to take all of my pills tonight", 'suicidal thoughts'],
    [COUNSELLING, 'I wrote a note for my family', 'suicidal thoughts'],
    [
      TREES,
      "one of your guys just fell off the ladder!! he's on the ground and not really answering me",
      'someone trapped or injured',
    ],
    [SALON, "my mum collapsed in the chair and she won't wake up", 'someone trapped or injured'],
    [
      SPARKY,
      'I get a wee tingle when I touch the kitchen tap, and the shower mixer too since yesterday',
      'electric shock',
    ],
    [PLUMBER, 'the shower gives me a little shock every time', 'electric shock'],
    [
      COUNSELLING,
      "it's my mum, she's fallen in the kitchen and she can't get up, and she hit her head on the counter. There's quite a bit of blood.",
      'someone trapped or injured',
    ],
    [SALON, "our Jack Russell's after eating slug pellets out of the garden", 'swallowed poison'],
  ] as const)('%#: "%s"', (business, text, label) => {
    expect(heard(business, text)).toMatchObject({ priority: 'URGENT', label });
  });

  it.each([
    [TREES, "I called Mike twice and he's not answering his phone"],
    [SALON, "tonight is the night, we're celebrating, can I get a blowout?"],
    [COUNSELLING, 'are all my meds ready for pickup?'],
    [SALON, 'today is it, the last day of the promo?'],
    [PLUMBER, 'my husband fell off the ladder last year, now he wants a quote'],
    [PLUMBER, "I fell behind on the bills and can't get up to date"],
    [SALON, "I'm after eating my lunch, can I book a cut?"],
  ] as const)('calm: "%s"', (business, text) => {
    expect(heard(business, text)?.priority ?? 'none').not.toBe('URGENT');
  });
});

const HVAC = profile('North Star Furnace', ['Furnace Repair'], 'hvac');

describe('trouble the caller has held is HIGH, not URGENT', () => {
  it.each([
    [
      PLUMBER,
      "A pipe under the kitchen sink split overnight. I've already shut the main water off, nothing's leaking now.",
    ],
    [HVAC, "Our furnace quit overnight and the house is down to 54. We're all ok, bundled up, no weird smells."],
    [
      PLUMBER,
      "Dirty water comes up out of the floor drain in our basement. It's only in the basement and nobody's hurt.",
    ],
  ] as const)('%#: "%s"', (business, text) => {
    // in January, when no heat is URGENT unless the caller says everyone is fine
    const hit = createNlu(business).understand(text, new Date('2027-01-22T12:50:00Z')).emergency;
    expect(hit?.priority).toBe('HIGH');
    expect(hit?.safety).toBeUndefined();
  });

  it.each([
    [PLUMBER, "There's a little drip coming through the light fitting in the kitchen ceiling, we're all fine"],
    [PLUMBER, "A pipe burst in the basement, everyone's okay but water is pouring in everywhere"],
  ] as const)('still URGENT: "%s"', (business, text) => {
    expect(heard(business, text)?.priority).toBe('URGENT');
  });
});
