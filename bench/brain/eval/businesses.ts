/** The corpus's businesses: the six industry templates as onboarding fills them, and two invented ones. */
import { TEMPLATES } from '../../../src/business/templates.js';
import type { BusinessProfile, Industry } from '../../../src/brain/types.js';
import type { EvalBusiness } from './types.js';

const ZONES: Record<string, [string, string, string]> = {
  plumbing: ['Flow Plumbing', 'America/Denver', '720'],
  hvac: ['Polar Air HVAC', 'America/Chicago', '312'],
  electrical: ['Bright Spark Electric', 'America/New_York', '212'],
  auto: ['Corner Auto Care', 'America/Los_Angeles', '213'],
  dental: ['Bright Smile Dental', 'America/Phoenix', '602'],
  salon: ['Bella Hair Studio', 'America/New_York', '617'],
};

const fromTemplates: EvalBusiness[] = TEMPLATES.map((t) => {
  const [name, timezone, area] = ZONES[t.industry];
  const profile: BusinessProfile = {
    name,
    timezone,
    industry: t.industry as Industry,
    hours: t.hours as BusinessProfile['hours'],
    services: t.services.map((s) => ({
      name: s.name,
      durationMin: s.durationMin,
      synonyms: s.synonyms,
      ...(s.priceCents ? { priceCents: s.priceCents } : {}),
    })),
    emergencyKeywords: t.emergencyKeywords.map((k) => ({ term: k.phrase, priority: k.priority })),
    escalationNumber: `+1${area}5550100`,
    knowledge: t.knowledge.map((k) => ({ q: k.question, a: k.body })),
  };
  return { key: t.industry, profile, area };
});

const groomer: EvalBusiness = {
  key: 'groomer',
  area: '503',
  profile: {
    name: 'Pawfect Grooming',
    timezone: 'America/Los_Angeles',
    industry: 'other',
    hours: {
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
      sat: [['09:00', '15:00']],
    },
    services: [
      { name: 'Full Groom', durationMin: 90, synonyms: ['full grooming', 'groom', 'grooming'] },
      { name: 'Bath and Brush', durationMin: 45, synonyms: ['bath', 'wash', 'brush out'] },
      { name: 'Nail Clipping', durationMin: 20, synonyms: ['nail trim', 'nails', 'claws'] },
    ],
    staff: [{ name: 'Jess' }, { name: 'Omar' }],
    escalationNumber: '+15035550100',
  },
};

const massage: EvalBusiness = {
  key: 'massage',
  area: '206',
  profile: {
    name: 'Kneaded Relief Massage',
    timezone: 'America/Los_Angeles',
    industry: 'other',
    hours: {
      mon: [['10:00', '19:00']],
      tue: [['10:00', '19:00']],
      wed: [['10:00', '19:00']],
      thu: [['10:00', '20:00']],
      fri: [['10:00', '20:00']],
      sat: [['10:00', '16:00']],
    },
    services: [
      { name: 'Swedish Massage', durationMin: 60, synonyms: ['relaxation massage', 'swedish'] },
      { name: 'Deep Tissue Massage', durationMin: 60, synonyms: ['deep tissue', 'sports massage'] },
      { name: 'Hot Stone Massage', durationMin: 90, synonyms: ['hot stone', 'hot stones'] },
      { name: 'Couples Massage', durationMin: 90, synonyms: ['couples', 'massage for two'] },
    ],
    staff: [{ name: 'Lena Park' }, { name: 'Marco Diaz' }],
    escalationNumber: '+12065550100',
  },
};

/** All businesses of the corpus. */
export const BUSINESSES: EvalBusiness[] = [...fromTemplates, groomer, massage];
