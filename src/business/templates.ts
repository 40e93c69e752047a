import type { EmergencyKeyword, WeeklyHours } from '../db/index.js';

/** A starting point for a business of one industry: what onboarding pre-fills. */
export interface IndustryTemplate {
  industry: 'plumbing' | 'hvac' | 'electrical' | 'auto' | 'dental' | 'salon';
  label: string;
  homeService: boolean;
  greeting: string;
  hours: WeeklyHours;
  services: { name: string; durationMin: number; bufferMin: number; priceCents?: number; synonyms: string[] }[];
  emergencyKeywords: EmergencyKeyword[];
  knowledge: { question: string; body: string }[];
}

const weekdays = (open: string, close: string): WeeklyHours =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [[open, close]]]));

const U = 'URGENT' as const;
const H = 'HIGH' as const;
const kw = (priority: EmergencyKeyword['priority'], ...phrases: string[]) =>
  phrases.map((phrase) => ({ phrase, priority }));

/** The industry templates served by `GET /api/templates`. */
export const TEMPLATES: readonly IndustryTemplate[] = [
  {
    industry: 'plumbing',
    label: 'Plumbing',
    homeService: true,
    greeting: 'Thanks for calling {business}, this is the virtual receptionist. How can I help you today?',
    hours: { ...weekdays('08:00', '17:00'), sat: [['09:00', '13:00']] },
    services: [
      {
        name: 'Drain Cleaning',
        durationMin: 60,
        bufferMin: 30,
        priceCents: 14900,
        synonyms: ['clogged drain', 'slow drain', 'drain clog', 'unclog', 'backed up sink'],
      },
      {
        name: 'Leak Repair',
        durationMin: 90,
        bufferMin: 30,
        priceCents: 17500,
        synonyms: ['leak', 'leaking pipe', 'dripping faucet', 'leaky faucet'],
      },
      {
        name: 'Water Heater Service',
        durationMin: 120,
        bufferMin: 30,
        priceCents: 22500,
        synonyms: ['water heater', 'hot water heater', 'no hot water', 'tankless'],
      },
      {
        name: 'Toilet Repair',
        durationMin: 60,
        bufferMin: 30,
        priceCents: 12500,
        synonyms: ['toilet', 'running toilet', 'clogged toilet'],
      },
      {
        name: 'Plumbing Inspection',
        durationMin: 60,
        bufferMin: 15,
        priceCents: 9900,
        synonyms: ['inspection', 'estimate', 'quote', 'camera inspection'],
      },
    ],
    emergencyKeywords: [
      ...kw(
        U,
        'burst pipe',
        'pipe burst',
        'flooding',
        'flooded',
        'water everywhere',
        'sewage backup',
        'sewer backup',
        'gas smell',
        'smell gas',
      ),
      ...kw(H, 'no water', 'overflowing toilet', 'water heater leaking', 'frozen pipe'),
    ],
    knowledge: [
      {
        question: 'Do you charge for estimates?',
        body: 'Estimates are free for jobs over $500; a standard service call is $89.',
      },
      { question: 'Are you licensed and insured?', body: 'Yes, all our plumbers are licensed and fully insured.' },
    ],
  },
  {
    industry: 'hvac',
    label: 'Heating & air conditioning',
    homeService: true,
    greeting: 'Thank you for calling {business}. How can I help with your heating or cooling today?',
    hours: { ...weekdays('07:30', '18:00'), sat: [['08:00', '14:00']] },
    services: [
      {
        name: 'AC Repair',
        durationMin: 90,
        bufferMin: 30,
        priceCents: 15900,
        synonyms: ['air conditioning', 'ac not cooling', 'a/c', 'air conditioner', 'cooling'],
      },
      {
        name: 'Furnace Repair',
        durationMin: 90,
        bufferMin: 30,
        priceCents: 15900,
        synonyms: ['furnace', 'heater', 'heating', 'no heat', 'heat not working'],
      },
      {
        name: 'Maintenance Tune-Up',
        durationMin: 60,
        bufferMin: 15,
        priceCents: 8900,
        synonyms: ['tune up', 'tune-up', 'maintenance', 'checkup', 'seasonal service'],
      },
      {
        name: 'New System Estimate',
        durationMin: 60,
        bufferMin: 30,
        synonyms: ['estimate', 'quote', 'replacement', 'new unit', 'installation'],
      },
      {
        name: 'Duct Cleaning',
        durationMin: 180,
        bufferMin: 30,
        priceCents: 39900,
        synonyms: ['ducts', 'air ducts', 'vents'],
      },
    ],
    emergencyKeywords: [
      ...kw(U, 'gas smell', 'smell gas', 'carbon monoxide', 'co alarm', 'co detector', 'smoke coming from'),
      ...kw(H, 'no heat', 'furnace out', 'heat is out', 'no air conditioning', 'ac out'),
    ],
    knowledge: [
      {
        question: 'Do you offer maintenance plans?',
        body: 'Yes, our Comfort Club plan includes two tune-ups a year and priority service.',
      },
    ],
  },
  {
    industry: 'electrical',
    label: 'Electrical',
    homeService: true,
    greeting: 'Thanks for calling {business}. What electrical work can we help you with?',
    hours: weekdays('08:00', '17:00'),
    services: [
      {
        name: 'Outlet Repair',
        durationMin: 60,
        bufferMin: 30,
        priceCents: 12900,
        synonyms: ['outlet', 'plug', 'socket', 'gfci'],
      },
      {
        name: 'Panel Upgrade Estimate',
        durationMin: 60,
        bufferMin: 30,
        synonyms: ['panel', 'breaker box', 'electrical panel', 'service upgrade'],
      },
      {
        name: 'Lighting Installation',
        durationMin: 120,
        bufferMin: 30,
        priceCents: 19900,
        synonyms: ['lights', 'light fixture', 'ceiling fan', 'lighting'],
      },
      {
        name: 'EV Charger Installation',
        durationMin: 180,
        bufferMin: 30,
        priceCents: 79900,
        synonyms: ['ev charger', 'car charger', 'tesla charger', 'level 2 charger'],
      },
      {
        name: 'Electrical Troubleshooting',
        durationMin: 90,
        bufferMin: 30,
        priceCents: 14900,
        synonyms: ['troubleshooting', 'breaker keeps tripping', 'power issue', 'flickering lights'],
      },
    ],
    emergencyKeywords: [
      ...kw(
        U,
        'sparking',
        'sparks',
        'burning smell',
        'smoking outlet',
        'smoke from the panel',
        'electrical fire',
        'shock',
        'exposed wires',
        'downed power line',
        'power line down',
      ),
      ...kw(H, 'no power', 'power out', 'lost power'),
    ],
    knowledge: [
      { question: 'Do you pull permits?', body: 'Yes, we pull all required permits for panel and wiring work.' },
    ],
  },
  {
    industry: 'auto',
    label: 'Auto repair',
    homeService: false,
    greeting: 'Thanks for calling {business}. Are you looking to schedule service for your vehicle?',
    hours: { ...weekdays('07:30', '17:30'), sat: [['08:00', '12:00']] },
    services: [
      {
        name: 'Oil Change',
        durationMin: 30,
        bufferMin: 0,
        priceCents: 5999,
        synonyms: ['oil', 'lube', 'oil and filter'],
      },
      {
        name: 'Brake Inspection',
        durationMin: 60,
        bufferMin: 0,
        priceCents: 4999,
        synonyms: ['brakes', 'brake check', 'squeaky brakes', 'brake pads'],
      },
      {
        name: 'Tire Rotation',
        durationMin: 30,
        bufferMin: 0,
        priceCents: 2999,
        synonyms: ['rotate tires', 'tires', 'tire service'],
      },
      {
        name: 'Check Engine Diagnostic',
        durationMin: 60,
        bufferMin: 0,
        priceCents: 9900,
        synonyms: ['check engine light', 'diagnostic', 'engine light', 'diagnosis'],
      },
      {
        name: 'State Inspection',
        durationMin: 45,
        bufferMin: 0,
        priceCents: 3500,
        synonyms: ['inspection', 'safety inspection', 'emissions'],
      },
    ],
    emergencyKeywords: [
      ...kw(H, 'broke down', 'broken down', 'stranded', 'tow', 'towing', 'accident'),
      ...kw(U, 'car fire', 'smoke from the engine'),
    ],
    knowledge: [
      {
        question: 'Do you offer loaner cars?',
        body: 'We offer a free shuttle within 5 miles; loaner cars are available for repairs over one day.',
      },
    ],
  },
  {
    industry: 'dental',
    label: 'Dental practice',
    homeService: false,
    greeting: 'Thank you for calling {business}. How may I help you today?',
    hours: {
      mon: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      tue: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      wed: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      thu: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      fri: [['08:00', '14:00']],
    },
    services: [
      {
        name: 'Cleaning',
        durationMin: 60,
        bufferMin: 10,
        priceCents: 12000,
        synonyms: ['teeth cleaning', 'hygiene', 'checkup', 'check-up', 'exam'],
      },
      {
        name: 'New Patient Exam',
        durationMin: 90,
        bufferMin: 10,
        priceCents: 18000,
        synonyms: ['new patient', 'first visit', 'consultation'],
      },
      { name: 'Filling', durationMin: 60, bufferMin: 10, synonyms: ['cavity', 'filling'] },
      {
        name: 'Teeth Whitening',
        durationMin: 90,
        bufferMin: 10,
        priceCents: 35000,
        synonyms: ['whitening', 'bleaching'],
      },
      {
        name: 'Emergency Visit',
        durationMin: 45,
        bufferMin: 10,
        synonyms: ['toothache', 'broken tooth', 'tooth pain'],
      },
    ],
    emergencyKeywords: [
      ...kw(
        U,
        'severe tooth pain',
        'swelling in my face',
        'face is swollen',
        "bleeding won't stop",
        'knocked out tooth',
        'knocked-out tooth',
      ),
      ...kw(H, 'broken tooth', 'cracked tooth', 'lost a filling', 'toothache', 'abscess'),
    ],
    knowledge: [
      {
        question: 'Do you take insurance?',
        body: 'We accept most PPO dental plans, including Delta Dental, Cigna and Aetna.',
      },
    ],
  },
  {
    industry: 'salon',
    label: 'Hair salon',
    homeService: false,
    greeting: 'Hi, thanks for calling {business}! Would you like to book an appointment?',
    hours: {
      tue: [['09:00', '18:00']],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '20:00']],
      fri: [['09:00', '20:00']],
      sat: [['09:00', '17:00']],
    },
    services: [
      { name: 'Haircut', durationMin: 45, bufferMin: 15, priceCents: 4500, synonyms: ['cut', 'trim', 'hair cut'] },
      {
        name: 'Color',
        durationMin: 120,
        bufferMin: 15,
        priceCents: 12000,
        synonyms: ['dye', 'highlights', 'balayage', 'coloring'],
      },
      { name: 'Blowout', durationMin: 45, bufferMin: 15, priceCents: 4000, synonyms: ['blow dry', 'styling'] },
      { name: 'Beard Trim', durationMin: 20, bufferMin: 10, priceCents: 2000, synonyms: ['beard', 'shave'] },
    ],
    emergencyKeywords: [...kw(H, 'chemical burn', 'scalp is burning', 'allergic reaction')],
    knowledge: [
      {
        question: 'Do you take walk-ins?',
        body: 'Walk-ins are welcome when a stylist is free; booking ahead is recommended on weekends.',
      },
    ],
  },
];

/** The template of an industry, if there is one. */
export const templateFor = (industry: string): IndustryTemplate | undefined =>
  TEMPLATES.find((t) => t.industry === industry);
