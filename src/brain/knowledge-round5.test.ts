// Invariant: a question whose answer is in the business's FAQ or settings is answered, however it is
// put: two questions in one breath with no punctuation ("do I need a referral and what should I
// wear"), a second that depends on the first ("…and if not, how much is…"), a question after a
// statement ("book that please. And what do I need to bring?"), a follow-up that names its own
// subject ("can I claim it on my private health?"), and a question about what was just told ("she had a
// hip replacement… is that something you do?"). Prices are said in the business's currency (£55 in
// Manchester, never $55). The hours answer what the settings know exactly: the latest a service can
// start on a day, the first day open after a holiday, whether "the bank holiday" is open.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './knowledge.js';
import { createSettingsAnswers, sayPrice } from './settings-answers.js';
import type { BusinessProfile, KnowledgeItem, ServiceInfo } from './types.js';

const WEEK = {
  mon: [['09:00', '17:30']],
  tue: [['09:00', '17:30']],
  wed: [['09:00', '19:00']],
  thu: [['09:00', '17:30']],
  fri: [['09:00', '16:00']],
} as const;

function business(
  timezone: string,
  services: ServiceInfo[],
  knowledge: KnowledgeItem[],
  more: Partial<BusinessProfile> = {},
): BusinessProfile {
  return {
    name: 'Test Practice',
    timezone,
    hours: WEEK as unknown as BusinessProfile['hours'],
    services,
    knowledge,
    ...more,
  };
}

const dentist = business(
  'Europe/London',
  [
    { name: 'NHS Check-up', durationMin: 30 },
    { name: 'Private Check-up', durationMin: 30, priceCents: 5500, synonyms: ['examination'] },
    { name: 'Hygienist Appointment', durationMin: 30, priceCents: 6550, synonyms: ['scale and polish'] },
  ],
  [
    { q: 'Are you taking on new NHS patients?', a: 'We take new NHS patients for children under 18 only.' },
    { q: 'Is there parking?', a: 'There is a free car park behind the practice.' },
  ],
);
const chiro = business(
  'America/Chicago',
  [
    { name: 'Adjustment', durationMin: 20 },
    { name: 'New Patient Exam', durationMin: 45, synonyms: ['first visit'] },
  ],
  [
    { q: 'Do I need a referral?', a: 'No referral is needed to see a chiropractor.' },
    { q: 'What should I wear?', a: 'Wear comfortable, loose clothing you can move in.' },
    { q: 'Do you take checks?', a: 'We accept cash, cards and personal checks.' },
  ],
);
const optician = business(
  'Europe/London',
  [
    { name: 'Eye Test', durationMin: 30, synonyms: ['sight test'] },
    { name: 'Contact Lens Check', durationMin: 20, synonyms: ['lens check'] },
  ],
  [
    { q: 'How much is an eye test?', a: 'A standard eye test is £25.' },
    {
      q: 'Do you do contact lens check-ups on Saturdays?',
      a: 'Contact lens check-ups are available Monday to Saturday.',
    },
  ],
);
const physio = business(
  'Australia/Melbourne',
  [{ name: 'Follow-up Treatment', durationMin: 30, priceCents: 9500, synonyms: ['follow-up'] }],
  [
    { q: 'Can I claim on my private health insurance?', a: "Yes, we're registered with all major health funds." },
    {
      q: 'Do you do rehab after surgery?',
      a: 'Yes, we see patients after hip and knee replacements. Please bring any discharge letter from the hospital.',
    },
  ],
);
const accountant = business(
  'America/New_York',
  [{ name: 'Individual Tax Return', durationMin: 60, synonyms: ['taxes'] }],
  [{ q: 'What do I need to bring?', a: 'Please bring your W-2s, 1099s and last year’s return.' }],
);

// Tuesday 2026-03-03, 12:40 in London (07:40 in Chicago, 23:40 in Melbourne)
const NOW = new Date('2026-03-03T12:40:00Z');
const ask = (b: BusinessProfile, q: string, previous?: string) => createKnowledgeBase(b).answer(q, NOW, 'en', previous);

describe('two questions in one turn are both answered', () => {
  it.each([
    [
      "hi um i've never been to a chiropractor before do i need a referral and what should i wear",
      chiro,
      ['referral', 'loose'],
    ],
    ['do i need a referral and um what should i wear', chiro, ['referral', 'loose']],
    ['hiya how much is an eye test and um do you do contact lens checks on a saturday', optician, ['£25', 'Saturday']],
    ['Are you taking on NHS patients, and if not how much is a private check-up?', dentist, ['under 18', '£55']],
    ['are you taking nhs patients and if not, how much is a scale and polish', dentist, ['under 18', '£65.50']],
    ['is there parking and what do you charge for an examination', dentist, ['car park', '£55']],
    ['how long is a follow-up, and can I claim it on my private health?', physio, ['30 minutes', 'health funds']],
  ] as const)('"%s"', (q, b, wants) => {
    const a = ask(b, q);
    expect(a?.confident).toBe(true);
    for (const w of wants) expect(a?.text).toContain(w);
  });

  it('reads the question after a statement on its own, not with the question before it', () => {
    const a = ask(accountant, 'Yes, book that please. And what do I need to bring?', "What's your first opening?");
    expect(a?.text).toContain('W-2s');
  });

  it('answers a question about what the caller just told ("is that something you do?")', () => {
    const told =
      "hello i'm ringing for my mum she had a hip replacement three weeks ago and the hospital said she needs physio um is that something you do";
    const a = ask(physio, told);
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain('hip and knee');
    // one or two words in common with a long story are not enough
    expect(ask(physio, 'my mum had a fall at the hospital car park, is that something you do')?.confident).toBe(false);
  });

  it('answers an either-or question by the half it can, without "not sure" about the other', () => {
    const groomer = business(
      'America/New_York',
      [{ name: 'Full Groom', durationMin: 90 }],
      [{ q: 'Do you come to the house?', a: 'Yes, our grooming van comes right to your driveway.' }],
    );
    for (const q of [
      'hi um quick question do you guys like come to the house or do i have to bring him in cause he gets real carsick',
      'Do you come to the house, or do I need to bring her in?',
    ]) {
      const a = ask(groomer, q);
      expect(a?.confident).toBe(true);
      expect(a?.text).toBe('Yes, our grooming van comes right to your driveway.');
    }
  });

  it('reads "checks" as a way to pay only where one is taken or written', () => {
    expect(ask(chiro, 'do you take checks?')?.text).toContain('personal checks');
    expect(ask(optician, 'do you do contact lens checks on saturdays?')?.text).toContain('Monday to Saturday');
  });
});

describe('prices in the currency of the business', () => {
  it.each([
    ['GB', 5500, '£55'],
    ['IE', 4000, '€40'],
    ['NL', 2750, '€27.50'],
    ['AU', 9500, '$95'],
    ['US', 14950, '$149.50'],
    ['CA', 8000, '$80'],
    ['IN', 50000, '₹500'],
    ['JP', 550000, '¥5,500'],
    ['ZA', 35000, 'R 350'],
  ] as const)('%s says %s cents as %s', (country, cents, said) => {
    expect(sayPrice(cents, country).replace(/\u00a0/g, ' ')).toBe(said);
  });

  it('says a UK service price in pounds, from the settings and from the derived facts', () => {
    const settings = createSettingsAnswers(dentist);
    expect(settings.answer('how much is a private check-up?', NOW)?.text).toBe('A private check-up is £55.');
    expect(settings.answer('do you do scale and polish?', NOW)?.text).toContain('£65.50');
    expect(createKnowledgeBase(dentist).passages('hygienist appointment cost').join(' ')).toContain('£65.50');
  });

  it('finds a price an entry gives in pounds or euros as a price', () => {
    const b = business(
      'Europe/London',
      [{ name: 'Eye Test', durationMin: 30 }],
      [
        { q: 'Eye tests', a: 'Eye tests are £25 for adults.' },
        { q: 'Frames', a: 'Designer frames from €90.' },
      ],
    );
    for (const [q, entry] of [
      ['how much is an eye test?', 'Eye tests are £25 for adults.'],
      ['what do frames cost?', 'Designer frames from €90.'],
    ]) {
      const a = ask(b, q);
      expect(a?.confident).toBe(true);
      expect(a?.text).toBe(entry);
    }
  });

  it("takes the profile's country over the time zone's", () => {
    const b = { ...dentist, country: 'IE' };
    expect(createSettingsAnswers(b).answer('how much is a private check-up?', NOW)?.text).toContain('€55');
  });
});

const salon = business(
  'Europe/Dublin',
  [
    { name: 'Full Colour', durationMin: 120, synonyms: ['colour'] },
    { name: 'Cut and Blow Dry', durationMin: 60, synonyms: ['haircut'] },
  ],
  [],
  {
    hours: {
      tue: [['09:00', '18:00']],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '20:00']],
      fri: [['09:00', '20:00']],
      sat: [['09:00', '17:00']],
    },
    holidays: ['2026-12-31', '2027-01-01', '2026-03-17'],
  },
);
const studio = business('Europe/Madrid', [{ name: 'Family Shoot', durationMin: 90 }], [], {
  hours: {
    fri: [
      ['10:00', '14:00'],
      ['16:30', '20:30'],
    ],
    sat: [['10:00', '14:00']],
  },
});
// Monday 2026-11-30, 11:00 in Dublin
const NOV30 = new Date('2026-11-30T11:00:00Z');
// Wednesday 2026-12-30, 10:00 in Dublin
const DEC30 = new Date('2026-12-30T10:00:00Z');
const hours = (b: BusinessProfile, q: string, now: Date, previous?: string) =>
  createKnowledgeBase(b).answer(q, now, 'en', previous)?.text;

describe('the latest a service can start, from the hours', () => {
  it.each([
    ["what's the latest I could start a full colour on Saturday?", 'the latest a full colour can start is 3 PM'],
    ['how late can I come in for a haircut on Thursday', 'the latest a cut and blow dry can start is 7 PM'],
    [
      "what's your last appointment for a colour on Friday?",
      'we close at 8 PM, so the latest a full colour can start is 6 PM',
    ],
  ])('"%s"', (q, want) => {
    expect(hours(salon, q, NOV30)).toContain(want);
  });

  it('takes the day and the service said before ("the latest you can do that day")', () => {
    const before = 'Hi there, could I get a full colour on Saturday at 4?';
    expect(hours(salon, "What's the latest I could start it that day then?", NOV30, before)).toBe(
      'On Saturday, December 5 we close at 5 PM, so the latest a full colour can start is 3 PM.',
    );
    expect(hours(salon, "what's the latest you can do on Thursday?", NOV30, before)).toContain('6 PM');
  });

  it('gives each day of the week when no day is named, and says a closed day is closed', () => {
    expect(hours(salon, "what's the latest a full colour can start?", NOV30)).toBe(
      'The latest a full colour can start is 4 PM on Tuesday to Wednesday, 6 PM on Thursday to Friday and 3 PM on Saturday.',
    );
    expect(hours(salon, "what's the latest I can get a colour on Monday?", NOV30)).toContain('closed on Mondays');
  });

  it('uses the last opening of a split day, and the only service when none is said', () => {
    expect(hours(studio, "what's the latest you can start on Friday?", NOV30)).toContain(
      'we close at 8:30 PM, so the latest a family shoot can start is 7 PM',
    );
  });
});

describe('the first day open after a holiday, and the bank holiday', () => {
  it.each([
    ["What's the first day you're open in the new year then?", DEC30, 'Saturday, January 2'],
    ['when are you back open after new year?', DEC30, 'Saturday, January 2'],
    ['when do you open again after Christmas?', NOV30, 'Saturday, December 26'],
    ["what's your first day back after the holidays?", DEC30, 'Saturday, January 2'],
  ] as const)('"%s"', (q, now, day) => {
    expect(hours(salon, q, now)).toContain(`The first day we're open is ${day}`);
  });

  it('answers "the bank holiday" with the next holiday the business lists', () => {
    // Tuesday 2026-03-10 in Dublin; St Patrick's Day (the 17th) is a listed holiday
    const now = new Date('2026-03-10T10:00:00Z');
    expect(hours(salon, 'are you open on the bank holiday?', now)).toBe(
      "We're closed on Tuesday, March 17 for a holiday.",
    );
  });

  it('answers the day the question names, not a fallback said after it', () => {
    const cardiff = business('Europe/London', [{ name: 'Skin Fade', durationMin: 40 }], [], {
      hours: { ...WEEK, mon: [['09:00', '18:00']] } as unknown as BusinessProfile['hours'],
      holidays: ['2026-08-31'],
    });
    const now = new Date('2026-08-27T11:30:00Z');
    const q = 'Alright, are you open on the bank holiday Monday? After a skin fade. If not, Tuesday at 10 will do';
    expect(hours(cardiff, q, now)).toBe("We're closed on Monday, August 31 for a holiday.");
  });
});
