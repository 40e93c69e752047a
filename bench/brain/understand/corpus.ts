/**
 * Generated caller turns for the understanding classes (services, emergencies, questions the
 * settings answer, knowledge paraphrases, messages): templates × slot values × phrasing variants,
 * each with what a human receptionist would take from it. Generated, never tuned case by case.
 */
import { describeHours, sayTime } from '../../../src/brain/calendar.js';
import type { BusinessProfile } from '../../../src/brain/types.js';
import { CORPUS_BUSINESSES } from './businesses.js';

/** One generated turn and its expected reading. */
export type CorpusCase =
  | {
      cls: 'service';
      business: BusinessProfile;
      text: string;
      want: string | null | { ask: string[] };
      group?: 'service traps';
    }
  | { cls: 'emergency'; business: BusinessProfile; text: string; now: Date; want: 'URGENT' | 'HIGH' | 'none' }
  | { cls: 'settings' | 'knowledge'; business: BusinessProfile; text: string; now: Date; want: RegExp }
  | {
      cls: 'message';
      business: BusinessProfile;
      text: string;
      want: { name?: string; company?: string; phone: string };
    };

/** Tuesday 2026-03-10 10:00 local (a weekday, open hours), and a January and a July morning. */
export const TUESDAY = (tz: string) => at('2026-03-10T10:00', tz);
const JANUARY = (tz: string) => at('2026-01-13T10:00', tz);
const JULY = (tz: string) => at('2026-07-14T10:00', tz);

function at(local: string, tz: string): Date {
  // local wall-clock → instant, via the offset luxon would give; Intl keeps this file dependency-light
  const guess = new Date(`${local}:00Z`);
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(guess).map((x) => [x.type, x.value]));
  const shown = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}:00Z`);
  return new Date(guess.getTime() - (shown - guess.getTime()));
}

/** Speech-recogniser style: lower case, no punctuation. */
const asr = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.,!?]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const article = (p: string) => (/^[aeiou]/i.test(p) ? 'an' : 'a');
const pick = <T>(xs: T[], i: number): T => xs[i % xs.length];

const SERVICE_CARRIERS = [
  (p: string) => `I need ${article(p)} ${p}`,
  (p: string) => `Hi, um, I'd like to book ${article(p)} ${p} for tomorrow.`,
  (p: string) => `can I get ${article(p)} ${p} please`,
  (p: string) => `Yeah so I was hoping to schedule ${p} sometime next week`,
  (p: string) => p,
  (p: string) => `I'm calling about ${p}, when is your next opening?`,
  (p: string) => `do you have anything friday morning for ${p}`,
];

/** Sentences that name no service of any business, whatever its synonyms. */
export const NO_SERVICE = [
  'I need to book an appointment',
  "Yes, that's right.",
  'four, not three',
  'by the way can you come friday',
  'what time do you close',
  "I'm calling back about my appointment",
  'that works for me',
  'no, the other one',
  'sure, go ahead and book it',
  "it's for my husband",
  'let me check my calendar',
  'can you hold on a second',
  'okay sounds good',
  'is anyone available this afternoon',
  'my number is 312 555 0142',
];

function serviceCases(b: BusinessProfile): CorpusCase[] {
  const out: CorpusCase[] = [];
  const owners = new Map<string, Set<string>>();
  for (const s of b.services)
    for (const p of [s.name, ...(s.synonyms ?? [])]) {
      const k = p.toLowerCase();
      owners.set(k, (owners.get(k) ?? new Set()).add(s.name));
    }
  let i = 0;
  for (const s of b.services) {
    for (const phrase of [s.name, ...(s.synonyms ?? [])]) {
      const names = [...owners.get(phrase.toLowerCase())!];
      const want = names.length > 1 ? { ask: names.sort() } : s.name;
      for (const carrier of SERVICE_CARRIERS) {
        const text = carrier(phrase.toLowerCase());
        out.push({ cls: 'service', business: b, text: i++ % 2 ? asr(text) : text, want });
      }
    }
  }
  for (const t of NO_SERVICE) out.push({ cls: 'service', business: b, text: t, want: null, group: 'service traps' });
  const tokensOf = (p: string) =>
    p
      .toLowerCase()
      .replace(/\b([a-z])\/([a-z])\b/g, '$1$2')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((w) => w.replace(/s$/, ''));
  const phraseTokens = new Set(b.services.flatMap((s) => [s.name, ...(s.synonyms ?? [])].flatMap(tokensOf)));
  // everyday words that contain a service word inside them never name that service
  for (const w of EVERYDAY_WORDS) {
    if (w.split(' ').some((x) => phraseTokens.has(x.replace(/s$/, '')))) continue;
    out.push({
      cls: 'service',
      business: b,
      text: pick([`I have a question about the ${w}`, `the ${w} is fine thanks`, `it's about the ${w}`], i++),
      want: null,
      group: 'service traps',
    });
  }
  // a longer phrase of one service beats a one-word phrase of another ("a tune-up for my AC")
  const long = b.services.flatMap((s) =>
    [s.name, ...(s.synonyms ?? [])].filter((p) => tokensOf(p).length >= 2).map((p) => [s, p] as const),
  );
  const short = b.services.flatMap((s) =>
    (s.synonyms ?? []).filter((p) => tokensOf(p).length === 1 && p.length > 2).map((p) => [s, p] as const),
  );
  let n = 0;
  for (const [s1, p1] of long)
    for (const [s2, p2] of short) {
      if (s1 === s2 || n++ % 3) continue;
      if (tokensOf(p1).some((t) => tokensOf(p2).includes(t))) continue;
      const glue = (p: string) => tokensOf(p).join('');
      if (
        [s1.name, ...(s1.synonyms ?? [])].some((p) => glue(p) === glue(p2)) ||
        [s2.name, ...(s2.synonyms ?? [])].some((p) => tokensOf(p).length >= 2 && glue(p) === glue(p2))
      )
        continue;
      out.push({
        cls: 'service',
        business: b,
        text: `${p1.toLowerCase()} for my ${p2.toLowerCase()}`,
        want: s1.name,
        group: 'service traps',
      });
    }
  // one word shared by two service names, and no service's own phrase: ask which
  const byWord = new Map<string, string[]>();
  for (const s of b.services)
    for (const t of new Set(tokensOf(s.name))) byWord.set(t, [...(byWord.get(t) ?? []), s.name]);
  const fullPhrases = new Set(
    b.services.flatMap((s) => [s.name, ...(s.synonyms ?? [])]).map((p) => tokensOf(p).join(' ')),
  );
  for (const [w, names] of byWord) {
    if (names.length < 2 || fullPhrases.has(w) || GENERIC_WORDS.has(w)) continue;
    out.push({
      cls: 'service',
      business: b,
      text: `I need some ${w} work done`,
      want: { ask: names.sort() },
      group: 'service traps',
    });
    out.push({
      cls: 'service',
      business: b,
      text: `can you help with ${w}`,
      want: { ask: names.sort() },
      group: 'service traps',
    });
  }
  return out;
}

/** Common words, some of which hide a short service word inside them ("furnace" holds "ac"). */
export const EVERYDAY_WORDS = [
  'furnace',
  'space',
  'place',
  'attic',
  'facebook',
  'cutlery',
  'react',
  'lacquer',
  'tacos',
  'oilcloth',
  'toilet paper',
  'brakeman',
  'painting',
  'outline',
  'plugin',
  'panelist',
  'spark plug',
  'cleaner',
  'tireless',
  'colorado',
  'bleachers',
  'fireplace',
  'window',
  'garage door',
  'mailbox',
  'invoice',
  'receipt',
  'parking lot',
  'weather',
  'schedule',
];
const GENERIC_WORDS = new Set(['repair', 'service', 'installation', 'estimate', 'or', 'and', 'new', 'check']);

/** Everyday words for industry emergencies, with the least priority each must get. */
export const EMERGENCIES: Record<string, Array<[string, 'URGENT' | 'HIGH', 'winter' | 'summer' | 'any']>> = {
  hvac: [
    ["our furnace quit last night and the house is ice cold, we've got a newborn", 'URGENT', 'winter'],
    ["the heater stopped working and it's below zero outside", 'URGENT', 'winter'],
    ['no heat at all since this morning, my mother is 90', 'URGENT', 'winter'],
    ["the heat went out and it's freezing in here", 'URGENT', 'winter'],
    ["furnace won't turn on and we have little kids", 'URGENT', 'winter'],
    ['our furnace is not working', 'HIGH', 'winter'],
    ["the air conditioner died, it's over 100 degrees and my grandpa lives with us", 'URGENT', 'summer'],
    ["ac stopped blowing cold air and it's a heat wave, my baby is overheating", 'URGENT', 'summer'],
    ['the AC is broken and it is really hot in here', 'HIGH', 'summer'],
    ['it smells like gas near the furnace', 'URGENT', 'any'],
    ['the carbon monoxide detector keeps beeping', 'URGENT', 'any'],
    ['our co alarm went off', 'URGENT', 'any'],
    ['there is smoke coming out of the vents', 'URGENT', 'any'],
  ],
  plumbing: [
    ['a pipe burst under the kitchen sink and water is spraying everywhere', 'URGENT', 'any'],
    ['the basement is flooding', 'URGENT', 'any'],
    ['water is pouring through the ceiling', 'URGENT', 'any'],
    ['sewage is coming up through the shower drain', 'URGENT', 'any'],
    ['the sewer backed up into the basement', 'URGENT', 'any'],
    ['we have no water in the whole house', 'HIGH', 'any'],
    ['nothing comes out of the taps', 'HIGH', 'any'],
    ['the toilet is overflowing and will not stop', 'HIGH', 'any'],
    ['I smell gas by the water heater', 'URGENT', 'any'],
    ['my water heater is leaking all over the garage floor', 'HIGH', 'any'],
  ],
  electrical: [
    ['the outlet in the bedroom is throwing sparks', 'URGENT', 'any'],
    ['there is a burning smell coming from the panel', 'URGENT', 'any'],
    ['some wires are exposed and hanging from the ceiling', 'URGENT', 'any'],
    ['my son got shocked by the light switch', 'URGENT', 'any'],
    ['the breaker box is smoking', 'URGENT', 'any'],
    ['the power is out and my dad is on an oxygen machine', 'URGENT', 'any'],
    ['we lost power in half the house', 'HIGH', 'any'],
    ['a power line is down in our yard', 'URGENT', 'any'],
    ['the outlet is melting', 'URGENT', 'any'],
  ],
  dental: [
    ['my son fell and knocked his front tooth out', 'URGENT', 'any'],
    ["my gum has been bleeding for an hour and it won't stop", 'URGENT', 'any'],
    ['my whole cheek is swollen and it is spreading to my eye', 'URGENT', 'any'],
    ['my face is swollen on one side', 'HIGH', 'any'],
    ['I have a terrible toothache, I can not sleep', 'HIGH', 'any'],
    ['I broke a tooth eating', 'HIGH', 'any'],
    ['my jaw is swollen and I have a fever', 'HIGH', 'any'],
  ],
  auto: [
    ['my brakes just went out on the highway', 'URGENT', 'any'],
    ["I'm stranded on the interstate, the car died", 'URGENT', 'any'],
    ['my car broke down on the side of the freeway', 'URGENT', 'any'],
    ['the brake pedal goes all the way to the floor', 'URGENT', 'any'],
    ["my car won't start and I'm stuck in a parking lot", 'HIGH', 'any'],
    ['smoke is coming from under the hood', 'URGENT', 'any'],
    ['the engine is overheating, steam everywhere', 'HIGH', 'any'],
    ['I was just in an accident', 'URGENT', 'any'],
  ],
  salon: [
    ['my scalp is burning from the bleach you put on yesterday', 'HIGH', 'any'],
    ["I'm having an allergic reaction to the hair dye, my face is swelling up", 'URGENT', 'any'],
  ],
  vet: [
    ['my dog got hit by a car', 'URGENT', 'any'],
    ['my cat is not breathing right', 'URGENT', 'any'],
    ['the dog ate a whole bar of chocolate', 'URGENT', 'any'],
    ['my puppy is having a seizure', 'URGENT', 'any'],
    ['I think my dog ate rat poison', 'URGENT', 'any'],
    ["my dog's belly is bloated and he keeps trying to throw up", 'URGENT', 'any'],
    ['my cat has been throwing up all day', 'HIGH', 'any'],
  ],
};

/** Emergencies every business must hear, whatever it does. */
export const UNIVERSAL: string[] = [
  'someone fell off a ladder and is hurt badly',
  'my neighbor is trapped under a fallen tree',
  'there is a child locked in a hot car in your parking lot',
  "a dog is stuck in a car out front and it's boiling outside",
  'my husband is having a severe allergic reaction, his throat is closing',
  'there is a fire in the building',
  'smoke is filling up the hallway',
  'I smell gas in the house',
  'somebody collapsed in your waiting room and is not breathing',
];

/** Requests that are plainly routine: never an emergency. */
export const ROUTINE: string[] = [
  'just a routine checkup, nothing urgent',
  'no rush at all, whenever you have an opening',
  "it's not an emergency, I'd just like to get on the schedule",
  "there's no leak or anything, just want it looked at",
  "I don't smell gas or anything like that",
  'nothing is broken, I want a regular maintenance visit',
  'the smoke detector needs a new battery, can someone help next week',
  'I need a quote for next month',
  "it's working fine, just due for service",
  'can I book something for my annual visit',
];

const INDUSTRY_OF = (b: BusinessProfile) => (/veterin|animal|pet\b/i.test(b.name) ? 'vet' : (b.industry ?? 'other'));

function emergencyCases(b: BusinessProfile): CorpusCase[] {
  const out: CorpusCase[] = [];
  const tz = b.timezone;
  for (const [text, want, season] of EMERGENCIES[INDUSTRY_OF(b)] ?? []) {
    const now = season === 'winter' ? JANUARY(tz) : season === 'summer' ? JULY(tz) : TUESDAY(tz);
    out.push(
      { cls: 'emergency', business: b, text, now, want },
      { cls: 'emergency', business: b, text: asr(`um ${text}`), now, want },
    );
  }
  for (const text of UNIVERSAL)
    out.push({ cls: 'emergency', business: b, text: asr(text), now: JULY(tz), want: 'URGENT' });
  for (const text of ROUTINE) {
    out.push(
      { cls: 'emergency', business: b, text, now: JANUARY(tz), want: 'none' },
      { cls: 'emergency', business: b, text: asr(text), now: JULY(tz), want: 'none' },
    );
  }
  return out;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function settingsCases(b: BusinessProfile): CorpusCase[] {
  const out: CorpusCase[] = [];
  const now = TUESDAY(b.timezone);
  const add = (text: string, want: RegExp) =>
    out.push(
      { cls: 'settings', business: b, text, now, want },
      { cls: 'settings', business: b, text: asr(text), now, want },
    );
  DAYS.forEach((day, i) => {
    const spans = b.hours[KEYS[i]] ?? [];
    const closes = spans.length ? new RegExp(esc(sayTime(spans[spans.length - 1][1])), 'i') : /closed/i;
    const opens = spans.length ? new RegExp(esc(sayTime(spans[0][0])), 'i') : /closed/i;
    add(
      pick([`What time do you close on ${day}?`, `how late are you open on ${day}`, `when do you close ${day}s`], i),
      closes,
    );
    add(
      pick(
        [`What time do you open on ${day}?`, `when do you guys open ${day} morning`, `${day}, what time do you open?`],
        i,
      ),
      opens,
    );
    add(
      pick([`Are you open on ${day}?`, `are you guys open ${day}s`, `what are your hours on ${day}?`], i),
      spans.length ? closes : /closed/i,
    );
  });
  // Tuesday 10:00: open on every corpus business
  const tue = b.hours.tue ?? [];
  const nowWant = tue.length ? /open/i : /closed/i;
  for (const q of ['Are you open right now?', 'are you still open', 'are you open today?', 'Is the office open today'])
    add(q, nowWant);
  const christmasClosed = b.holidays?.includes('2026-12-25');
  for (const q of ['Are you open on Christmas?', 'are you open on december 25th'])
    add(q, christmasClosed ? /closed/i : /open/i);
  for (const q of [
    "What's your address?",
    'Where are you located?',
    'Where is your office?',
    'where are you guys at',
    'How do I find you?',
  ]) {
    add(q, b.address ? new RegExp(esc(b.address.split(',')[0]), 'i') : /come to you|serve/i);
  }
  for (const q of ['What services do you offer?', 'what kind of work do you do', 'What do you guys do?']) {
    add(q, new RegExp(esc(b.services[0].name), 'i'));
  }
  b.services.forEach((s, i) => {
    const n = s.name.toLowerCase();
    add(
      pick(
        [
          `How long does ${article(n)} ${n} take?`,
          `how much time should I plan for the ${n}`,
          `how long is ${article(n)} ${n}`,
        ],
        i,
      ),
      new RegExp(`${s.durationMin} minutes|${durationWords(s.durationMin)}`, 'i'),
    );
    if (s.priceCents !== undefined) {
      const dollars = `\\$${Math.floor(s.priceCents / 100)}`;
      add(
        pick(
          [
            `How much is ${article(n)} ${n}?`,
            `what do you charge for ${article(n)} ${n}`,
            `what's the price of ${article(n)} ${n}`,
          ],
          i,
        ),
        new RegExp(dollars),
      );
    }
    const syn = (s.synonyms ?? []).find((x) => x.split(' ').length === 1 && x.length > 3);
    if (syn) add(`Do you do ${syn}?`, new RegExp(`yes|${esc(s.name)}`, 'i'));
  });
  return out;
}

function durationWords(min: number): string {
  if (min % 60 === 0) return min === 60 ? 'an hour|1 hour|one hour' : `${min / 60} hours`;
  if (min === 90) return 'an hour and a half|1.5 hours';
  return `${min} min`;
}

/** Knowledge entries asked in other words than the entry's own. */
const PARAPHRASES: Record<string, Array<[string, RegExp]>> = {
  plumbing: [
    ['Is there a charge for an estimate?', /estimates are free/i],
    ['are your plumbers licensed', /licensed/i],
    ['do you guys carry insurance', /insured/i],
  ],
  hvac: [
    ['Do you have a maintenance plan?', /comfort club/i],
    ['do you offer any service plans', /comfort club/i],
  ],
  electrical: [
    ['will you get the permit for me', /permits/i],
    ['do you handle permits', /permits/i],
  ],
  auto: [
    ['can I get a loaner while it is in the shop', /loaner/i],
    ['do you have loaner vehicles', /loaner/i],
    ['is there a shuttle', /shuttle/i],
  ],
  dental: [
    ['do you accept delta dental', /delta dental/i],
    ['what insurance do you take', /PPO/i],
    ['is my insurance accepted', /PPO/i],
  ],
  salon: [
    ['can I just walk in', /walk-ins are welcome/i],
    ['do I need an appointment or can I walk in', /walk-ins/i],
  ],
  vet: [
    ['Where can I park?', /free lot/i],
    ['is parking available', /free lot/i],
    ['do you treat rabbits', /rabbits/i],
  ],
  other: [],
};

function knowledgeCases(b: BusinessProfile): CorpusCase[] {
  const now = TUESDAY(b.timezone);
  const key = INDUSTRY_OF(b);
  const extra: Array<[string, RegExp]> = /piano/i.test(b.name)
    ? [
        ['Where is your shop?', /come to you/i],
        ['where is your office', /come to you/i],
      ]
    : /landscap/i.test(b.name)
      ? [
          ['do you take the clippings with you', /green waste/i],
          ['will you haul away the yard waste', /green waste/i],
        ]
      : [];
  return [...(PARAPHRASES[key] ?? []), ...extra].flatMap(([text, want]) => [
    { cls: 'knowledge' as const, business: b, text, now, want },
    { cls: 'knowledge' as const, business: b, text: asr(`um ${text}`), now, want },
  ]);
}

const PEOPLE = [
  ['Dana', undefined],
  ['Marcus Reed', undefined],
  ['Priya Shah', undefined],
  ['Tom', undefined],
  ['Elena Garcia', undefined],
  ['Kwame Mensah', undefined],
] as const;
export const COMPANIES = ['Acme Supply', 'Northside Property Management', 'Blue River Insurance', undefined];
const NUMBERS: Array<[string, string]> = [
  ['212 555 0177', '+12125550177'],
  ['(415) 555-0123', '+14155550123'],
  ['three one two five five five zero one four two', '+13125550142'],
  ['seven one eight, five five five, oh one six six', '+17185550166'],
  ['646-555-0199', '+16465550199'],
];
export const MESSAGE_TEMPLATES: Array<(n: string, c: string | undefined, num: string) => string> = [
  (n, c, num) => `This is ${n}${c ? ` from ${c}` : ''}, please call me back at ${num}.`,
  (n, c, num) => `Hi, it's ${n}${c ? ` with ${c}` : ''}. Can someone call me back at ${num} about the invoice?`,
  (n, c, num) => `My name is ${n}${c ? `, I'm calling from ${c}` : ''}, you can reach me at ${num}.`,
  (n, c, num) => `hey this is ${n}${c ? ` over at ${c}` : ''}, call me back on ${num} when you get a chance`,
  (n, c, num) => `${n} here${c ? ` from ${c}` : ''}, my number is ${num}`,
  (n, c, num) => `Yeah, calling back about the quote. This is ${n}${c ? ` from ${c}` : ''}, best number is ${num}.`,
];

function messageCases(b: BusinessProfile, seed: number): CorpusCase[] {
  const out: CorpusCase[] = [];
  MESSAGE_TEMPLATES.forEach((tpl, i) => {
    for (let k = 0; k < 4; k++) {
      const [name] = pick([...PEOPLE], seed + i + k);
      const company = pick(COMPANIES, seed + i * 3 + k);
      const [spoken, e164] = pick(NUMBERS, seed + i + 2 * k);
      const text = tpl(name, company, spoken);
      out.push({
        cls: 'message',
        business: b,
        text: k % 2 ? asr(text) : text,
        want: { name, ...(company ? { company } : {}), phone: e164 },
      });
    }
  });
  for (const [spoken, e164] of NUMBERS.slice(0, 3)) {
    out.push({
      cls: 'message',
      business: b,
      text: `Calling back about the estimate, my number is ${spoken}`,
      want: { phone: e164 },
    });
    out.push({
      cls: 'message',
      business: b,
      text: asr(`Hi, just calling to say I'll be late, call me back at ${spoken}`),
      want: { phone: e164 },
    });
  }
  return out;
}

/** The whole corpus, deterministic. */
export function generateCorpus(businesses: BusinessProfile[] = CORPUS_BUSINESSES): CorpusCase[] {
  return businesses.flatMap((b, i) => [
    ...serviceCases(b),
    ...emergencyCases(b),
    ...settingsCases(b),
    ...knowledgeCases(b),
    ...messageCases(b, i),
  ]);
}

export { describeHours };
