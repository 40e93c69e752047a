/**
 * The businesses the understanding corpus runs over: the six industry templates as onboarding
 * creates them, and invented businesses outside them with their own service names.
 */
import { TEMPLATES } from '../../../src/business/templates.js';
import type { BusinessProfile } from '../../../src/brain/types.js';

const weekdays = (open: string, close: string) =>
  ({
    mon: [[open, close]],
    tue: [[open, close]],
    wed: [[open, close]],
    thu: [[open, close]],
    fri: [[open, close]],
  }) as BusinessProfile['hours'];

/** The six templates as business profiles (their own emergency keywords included, as onboarding sets them). */
export const TEMPLATE_BUSINESSES: BusinessProfile[] = TEMPLATES.map((t) => ({
  name: `${t.label} Co`,
  timezone: 'America/Chicago',
  industry: t.industry,
  hours: t.hours as BusinessProfile['hours'],
  holidays: ['2026-12-25'],
  address: '400 Lake Street, Chicago, IL 60601',
  services: t.services.map((s) => ({
    name: s.name,
    durationMin: s.durationMin,
    synonyms: s.synonyms,
    ...(s.priceCents !== undefined ? { priceCents: s.priceCents } : {}),
  })),
  emergencyKeywords: t.emergencyKeywords.map((k) => ({ term: k.phrase, priority: k.priority })),
  knowledge: t.knowledge.map((k) => ({ q: k.question, a: k.body })),
  escalationNumber: '+13125550100',
}));

/** Businesses no template describes, with service names of their own. */
export const INVENTED_BUSINESSES: BusinessProfile[] = [
  {
    name: 'Paws and Claws Veterinary Clinic',
    timezone: 'America/Denver',
    industry: 'other',
    hours: { ...weekdays('08:00', '18:00'), sat: [['09:00', '13:00']] },
    holidays: ['2026-12-25'],
    address: '88 Birch Avenue, Denver, CO 80203',
    services: [
      { name: 'Wellness Exam', durationMin: 30, priceCents: 6500, synonyms: ['checkup', 'annual exam', 'physical'] },
      {
        name: 'Vaccinations',
        durationMin: 20,
        priceCents: 4000,
        synonyms: ['shots', 'vaccine', 'rabies shot', 'booster'],
      },
      { name: 'Dental Cleaning', durationMin: 90, priceCents: 30000, synonyms: ['teeth cleaning', 'pet dental'] },
      { name: 'Spay or Neuter', durationMin: 120, synonyms: ['spay', 'neuter', 'fixed'] },
      { name: 'Nail Trim', durationMin: 15, priceCents: 2000, synonyms: ['nails', 'claw trim'] },
    ],
    knowledge: [
      { q: 'Do you see exotic pets?', a: 'We see cats, dogs, rabbits and small mammals, but not reptiles or birds.' },
      { q: 'Is there parking?', a: 'There is a free lot right next to the clinic.' },
    ],
    escalationNumber: '+17205550100',
  },
  {
    name: 'Harmony Piano Service',
    timezone: 'America/New_York',
    industry: 'other',
    hours: { ...weekdays('09:00', '17:00') },
    holidays: ['2026-12-25'],
    services: [
      { name: 'Piano Tuning', durationMin: 90, priceCents: 15000, synonyms: ['tune', 'tuning', 'tune my piano'] },
      { name: 'Pitch Raise', durationMin: 120, priceCents: 22000, synonyms: ['pitch correction', 'way out of tune'] },
      { name: 'Action Regulation', durationMin: 180, synonyms: ['regulation', 'sticky keys', 'keys sticking'] },
      { name: 'Appraisal', durationMin: 60, priceCents: 12000, synonyms: ['valuation', 'appraise'] },
    ],
    knowledge: [{ q: 'Where are you located?', a: 'We come to you: we serve Manhattan, Brooklyn and Queens.' }],
  },
  {
    name: 'Evergreen Landscaping',
    timezone: 'America/Los_Angeles',
    industry: 'other',
    hours: { ...weekdays('07:00', '16:00'), sat: [['08:00', '12:00']] },
    address: '12 Cedar Road, Portland, OR 97201',
    services: [
      { name: 'Lawn Mowing', durationMin: 60, priceCents: 5500, synonyms: ['mow', 'grass cutting', 'cut the grass'] },
      { name: 'Hedge Trimming', durationMin: 90, synonyms: ['hedges', 'bushes', 'shrubs'] },
      { name: 'Sprinkler Repair', durationMin: 60, synonyms: ['irrigation', 'sprinklers', 'sprinkler head'] },
      { name: 'Tree Removal Estimate', durationMin: 45, synonyms: ['tree removal', 'cut down a tree', 'stump'] },
      { name: 'Tree Trimming', durationMin: 120, synonyms: ['prune', 'pruning'] },
    ],
    knowledge: [{ q: 'Do you haul away the clippings?', a: 'Yes, green waste removal is included in every visit.' }],
  },
];

/** Every business of the corpus. */
export const CORPUS_BUSINESSES: BusinessProfile[] = [...TEMPLATE_BUSINESSES, ...INVENTED_BUSINESSES];
