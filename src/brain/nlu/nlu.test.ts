// Invariant: each caller utterance is read as the meaning a human receptionist would take from it.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu, speakPhone, type Understanding } from './index.js';
import { createServiceMatcher } from './services.js';

// Tuesday 2026-03-10, 09:15 in Chicago (CDT, two days after the DST change)
const NOW = new Date('2026-03-10T14:15:00Z');

const salon: BusinessProfile = {
  name: 'Bella Hair Studio',
  timezone: 'America/Chicago',
  industry: 'salon',
  hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] },
  services: [
    { name: 'Haircut', durationMin: 45, synonyms: ['trim', 'cut'] },
    { name: 'Color', durationMin: 120, synonyms: ['dye', 'highlights'] },
    { name: 'Blowout', durationMin: 30 },
  ],
};
const auto: BusinessProfile = {
  ...salon,
  name: 'Sam Auto',
  industry: 'auto',
  services: [
    { name: 'Brake inspection', durationMin: 60, synonyms: ['brake check'] },
    { name: 'Oil change', durationMin: 30, synonyms: ['lube'] },
    { name: 'Tire rotation', durationMin: 45 },
  ],
};
const plumbing: BusinessProfile = {
  ...salon,
  name: 'Flow Plumbing',
  industry: 'plumbing',
  services: [
    { name: 'Drain cleaning', durationMin: 60, synonyms: ['clogged drain', 'unclog'] },
    { name: 'Water heater repair', durationMin: 120, synonyms: ['hot water'] },
  ],
  emergencyKeywords: ['frozen pipe', { term: 'gas line', priority: 'URGENT' }],
};
const hvac: BusinessProfile = {
  ...salon,
  industry: 'hvac',
  services: [{ name: 'Furnace tune-up', durationMin: 60, synonyms: ['furnace maintenance'] }],
};
const electrical: BusinessProfile = {
  ...salon,
  industry: 'electrical',
  services: [{ name: 'Outlet repair', durationMin: 60 }],
};
const dental: BusinessProfile = {
  ...salon,
  industry: 'dental',
  services: [
    { name: 'Cleaning', durationMin: 60, synonyms: ['teeth cleaning', 'hygiene'] },
    { name: 'Exam', durationMin: 30, synonyms: ['checkup', 'check-up'] },
  ],
};

const nlus = {
  salon: createNlu(salon),
  auto: createNlu(auto),
  plumbing: createNlu(plumbing),
  hvac: createNlu(hvac),
  electrical: createNlu(electrical),
  dental: createNlu(dental),
};
type Biz = keyof typeof nlus;
const read = (text: string, biz: Biz = 'salon', now = NOW): Understanding => nlus[biz].understand(text, now);

describe('dates and times in the business time zone', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['tomorrow at 3', { date: '2026-03-11', time: '15:00' }],
    ['Tomorrow at three', { date: '2026-03-11', time: '15:00' }],
    ['Monday morning', { date: '2026-03-16', partOfDay: 'morning' }],
    ['next Tuesday', { date: '2026-03-17' }],
    ['next Thursday', { date: '2026-03-19' }],
    ['next Monday', { date: '2026-03-16' }],
    ['thursday', { date: '2026-03-12' }],
    ['this Tuesday', { date: '2026-03-10' }],
    ['on Friday', { date: '2026-03-13' }],
    ['wednesday', { date: '2026-03-11' }],
    ['thursday afternoon', { date: '2026-03-12', partOfDay: 'afternoon' }],
    ['saturday at 10', { date: '2026-03-14', time: '10:00' }],
    ['friday like 2', { date: '2026-03-13', time: '14:00' }],
    ['tomorrow maybe 3', { date: '2026-03-11', time: '15:00' }],
    ['monday, um, 10', { date: '2026-03-16', time: '10:00' }],
    ['friday, like, 2 people', { date: '2026-03-13' }],
    ['sunday evening', { date: '2026-03-15', partOfDay: 'evening' }],
    ['the 18th', { date: '2026-03-18' }],
    ['on the eighteenth', { date: '2026-03-18' }],
    ['the 5th', { date: '2026-04-05' }],
    ['the twenty first', { date: '2026-03-21' }],
    ['March 20th', { date: '2026-03-20' }],
    ['april 2', { date: '2026-04-02' }],
    ['the 3rd of April', { date: '2026-04-03' }],
    ['February 1st', { date: '2027-02-01' }],
    ['3/18', { date: '2026-03-18' }],
    ['2026-03-25 at 9', { date: '2026-03-25', time: '09:00' }],
    ['today', { date: '2026-03-10' }],
    ['this afternoon', { date: '2026-03-10', partOfDay: 'afternoon' }],
    ['tonight at 7', { date: '2026-03-10', time: '19:00' }],
    ['day after tomorrow', { date: '2026-03-12' }],
    ['in 3 days', { date: '2026-03-13' }],
    ['in two weeks', { date: '2026-03-24' }],
    ['a week from today', { date: '2026-03-17' }],
    ['noon', { time: '12:00' }],
    ['at midday', { time: '12:00' }],
    ['half past two', { time: '14:30' }],
    ['quarter past ten', { time: '10:15' }],
    ['quarter to four', { time: '15:45' }],
    ['3:30 pm', { time: '15:30' }],
    ['3:30', { time: '15:30' }],
    ['10:45', { time: '10:45' }],
    ['9am', { time: '09:00' }],
    ['9 a.m.', { time: '09:00' }],
    ['7 p.m.', { time: '19:00' }],
    ['12 pm', { time: '12:00' }],
    ['three thirty', { time: '15:30' }],
    ['ten fifteen', { time: '10:15' }],
    ["two o'clock", { time: '14:00' }],
    ['at 8', { time: '08:00' }],
    ['at 11', { time: '11:00' }],
    ['at 1', { time: '13:00' }],
    ['at 6', { time: '18:00' }],
    ['8 tonight', { date: '2026-03-10', time: '20:00' }],
    ['3 in the morning', { time: '03:00' }],
    ['after 4', { after: '16:00' }],
    ['after 4pm on thursday', { date: '2026-03-12', after: '16:00' }],
    ['before noon', { before: '12:00' }],
    ['anytime before 2', { before: '14:00' }],
    ['no later than 5', { before: '17:00' }],
    ['earliest you have', { earliest: true }],
    ['as soon as possible', { earliest: true }],
    ['first available', { earliest: true }],
    ['whenever you have', { earliest: true }],
    ["it doesn't matter", { earliest: true }],
    ['any time after 3', { after: '15:00' }],
    ['end of the week', { range: { from: '2026-03-12', to: '2026-03-14' } }],
    ['next week', { range: { from: '2026-03-16', to: '2026-03-22' } }],
    ['early next week', { range: { from: '2026-03-16', to: '2026-03-18' } }],
    ['this weekend', { range: { from: '2026-03-14', to: '2026-03-15' } }],
    ['this week', { range: { from: '2026-03-10', to: '2026-03-15' } }],
    ['Tuesday, I mean Wednesday', { date: '2026-03-11' }],
    ['at 3, no wait, 4', { time: '16:00' }],
    ['Three works', { time: '15:00' }],
    ['how about 4', { time: '16:00' }],
    ['friday morning around 10', { date: '2026-03-13', time: '10:00' }],
    ['um, uh, tomorrow like around noon', { date: '2026-03-11', time: '12:00' }],
    ['around 2ish', { time: '14:00' }],
    ['late morning on thursday', { date: '2026-03-12', partOfDay: 'morning', after: '10:00' }],
    ['early afternoon', { partOfDay: 'afternoon', before: '14:00' }],
    ['anything on the 20th around lunch', { date: '2026-03-20', time: '12:00' }],
    ['between 2 and 4 tomorrow', { date: '2026-03-11', after: '14:00', before: '16:00' }],
    ['between 10am and 1pm', { after: '10:00', before: '13:00' }],
    ['3 or 4 tomorrow', { date: '2026-03-11', after: '15:00', before: '17:00' }],
    ['after lunch', { partOfDay: 'afternoon' }],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(read(text).when).toEqual(want);
  });

  it('reads the date in the business zone, not UTC', () => {
    // 23:30 in Chicago on Tuesday is already Wednesday in UTC
    const late = new Date('2026-03-11T04:30:00Z');
    expect(read('tomorrow', 'salon', late).when).toEqual({ date: '2026-03-11' });
  });

  it('has no time wish in ordinary talk', () => {
    for (const t of ['I need a haircut', 'yes please', 'my name is Maria', 'the second one', 'thanks so much']) {
      expect(read(t).when, t).toBeUndefined();
    }
  });
});

describe('services by name, synonym or misspelling', () => {
  const cases: Array<[string, Biz, string | undefined]> = [
    ["I'd like to book a haircut", 'salon', 'Haircut'],
    ['just a trim please', 'salon', 'Haircut'],
    ['a hair cut', 'salon', 'Haircut'],
    ['haircutt', 'salon', 'Haircut'],
    ['can I get highlights', 'salon', 'Color'],
    ['I want to dye my hair', 'salon', 'Color'],
    ['colour', 'salon', 'Color'],
    ['a blow out', 'salon', 'Blowout'],
    ['blowdry', 'salon', undefined],
    ['brake inspection', 'auto', 'Brake inspection'],
    ['my brakes are squeaking, can you check the brakes', 'auto', 'Brake inspection'],
    ['brake inspecton', 'auto', 'Brake inspection'],
    ['oil change', 'auto', 'Oil change'],
    ['I need an oil chnage', 'auto', 'Oil change'],
    ['rotate my tires', 'auto', 'Tire rotation'],
    ['tire rotaton', 'auto', 'Tire rotation'],
    ['my drain is clogged', 'plumbing', 'Drain cleaning'],
    ['clogged drain', 'plumbing', 'Drain cleaning'],
    ['no hot water', 'plumbing', 'Water heater repair'],
    ['water heater', 'plumbing', 'Water heater repair'],
    ['a teeth cleaning', 'dental', 'Cleaning'],
    ['a check-up', 'dental', 'Exam'],
    ['a checkup', 'dental', 'Exam'],
    ['furnace maintenance', 'hvac', 'Furnace tune-up'],
    ['I need an appointment', 'salon', undefined],
    ['the water is cold', 'plumbing', undefined],
    ['what are your hours', 'salon', undefined],
    ['hello', 'auto', undefined],
  ];
  it.each(cases)('%s (%s)', (text, biz, want) => {
    expect(read(text, biz).service?.service.name).toBe(want);
  });
});

describe('names', () => {
  const cases: Array<[string, string | undefined, string?]> = [
    ["it's Maria Lopez", 'Maria Lopez'],
    ['This is Dana from Acme', 'Dana', 'Acme'],
    ['my name is John Smith', 'John Smith'],
    ["My name's Priya", 'Priya'],
    ["I'm Sam", 'Sam'],
    ['hi, this is Carlos, I need a haircut', 'Carlos'],
    ['name is Lee Wong', 'Lee Wong'],
    ['you can put it under Jordan', 'Jordan'],
    ['call me Alex', 'Alex'],
    ["this is Mary Ellen O'Brien", "Mary Ellen O'Brien"],
    ['this is Tom with Smith Properties', 'Tom', 'Smith Properties'],
    ["I'm calling about my appointment", undefined],
    ["it's urgent", undefined],
    ["I'm looking for a haircut", undefined],
    ['this is an emergency', undefined],
    ["it's flooding", undefined],
    ["I'm not sure", undefined],
    ["it's about my car", undefined],
    ['I am wondering about prices', undefined],
    ["I'm a new patient", undefined],
    ["my car won't start and I'm stuck in a parking lot", undefined],
    ["I'm locked out of my house", undefined],
    ["it's dripping under the sink", undefined],
    ["hi I'm Maria and I need a haircut", 'Maria'],
    ["hey it's Dana Reed from Acme", 'Dana Reed', 'Acme'],
    ['im Lee i need a cleaning', 'Lee'],
  ];
  it.each(cases)('%s', (text, name, company) => {
    const u = read(text);
    expect(u.name).toBe(name);
    if (company) expect(u.company).toBe(company);
  });

  it.each([
    ['Maria Lopez', 'Maria Lopez'],
    ['sam', 'Sam'],
    ["it's Dana", 'Dana'],
    ['yes please', undefined],
    ['tomorrow', undefined],
    ['I want a haircut today', undefined],
  ])('a bare answer to "your name?": %s', (text, want) => {
    expect(nlus.salon.bareName(text)).toBe(want);
  });
});

describe('phone numbers spoken and written', () => {
  const cases: Array<[string, string | undefined]> = [
    ['(312) 555-0142', '+13125550142'],
    ['312-555-0142', '+13125550142'],
    ['312.555.0142', '+13125550142'],
    ['+1 312 555 0142', '+13125550142'],
    ['my number is 3125550142', '+13125550142'],
    ['three one two five five five zero one four two', '+13125550142'],
    ['three one two, five five five, oh one four two', '+13125550142'],
    ['it is 312 five five five oh one four two', '+13125550142'],
    ['three one two double five five oh one four two', '+13125550142'],
    ['six four six, five five five, oh one forty two', '+16465550142'],
    ['one 312 555 0199', '+13125550199'],
    ['call me back at 415 555 0123 please', '+14155550123'],
    ['you can reach me at seven two zero, so, five five five, zero one four four', '+17205550144'],
    ['three one two uh five five five um oh one four two', '+13125550142'],
    ['two two one two five five five zero one eight eight', '+12125550188'],
    ['555 0142', undefined],
    ['twelve', undefined],
    ['the 18th at 3', undefined],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(read(text).phone).toBe(want);
  });

  it('reads and says numbers as callers of a business abroad do', () => {
    const london = createNlu({ ...salon, timezone: 'Europe/London', country: 'GB' });
    const sydney = createNlu({ ...salon, timezone: 'Australia/Sydney', country: 'AU' });
    expect(london.understand('oh two oh, seven nine four six, oh oh one eight', NOW).phone).toBe('+442079460018');
    expect(sydney.understand("it's oh four one two, three four five, six seven eight", NOW).phone).toBe('+61412345678');
    // read back as the caller writes it at home; a number from abroad keeps its country code
    expect(speakPhone('+442079460018', 'GB')).toBe('020 7946 0018');
    expect(speakPhone('+61412345678', 'AU')).toBe('0412 345 678');
    expect(speakPhone('+61412345678', 'US')).toBe('+61 412 345 678');
    expect(speakPhone('+13125550142', 'GB')).toBe('+1 312 555 0142');
    expect(speakPhone('+13125550142')).toBe('312-555-0142');
  });

  it.each(['use this number', "the one I'm calling from", 'same number'])('"%s" means the caller ID', (text) => {
    expect(read(text).sameNumber).toBe(true);
  });
});

describe('emails', () => {
  const cases: Array<[string, string | undefined]> = [
    ['maria@example.com', 'maria@example.com'],
    ['my email is Maria.Lopez@Example.com', 'maria.lopez@example.com'],
    ['maria at example dot com', 'maria@example.com'],
    ['it is maria dot lopez at gmail dot com', 'maria.lopez@gmail.com'],
    ['sam underscore lee at yahoo dot com', 'sam_lee@yahoo.com'],
    ['j o e at acme dot co dot uk', 'joe@acme.co.uk'],
    ['email is dana at acme dot io thanks', 'dana@acme.io'],
    ['my email is sam dot chen like, at gmail dot com', 'sam.chen@gmail.com'],
    ['it is maria um dot lopez uh at gmail dot com', 'maria.lopez@gmail.com'],
    ['meet me at noon', undefined],
    ['I am at home', undefined],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(read(text).email).toBe(want);
  });
});

describe('addresses', () => {
  const cases: Array<[string, string | undefined]> = [
    ['123 Main Street', '123 Main Street'],
    ["I'm at 42 Oak Ave, Springfield", '42 Oak Ave, Springfield'],
    ['the address is 7 North Elm Road apt 4', '7 North Elm Road, Apt 4'],
    ['1600 Pennsylvania Avenue', '1600 Pennsylvania Avenue'],
    ['we are at 88 Lake Shore Drive, Chicago', '88 Lake Shore Drive, Chicago'],
    // the town after "in", a letter after the number, a direction after the street, a unit said plainly
    ["it's 42 b oak lane in worthington", '42B Oak Lane, Worthington'],
    ["i'm at 1187 fernwood drive in hilliard, i want a price", '1187 Fernwood Drive, Hilliard'],
    ["it's 245 cranston way southeast, unit 12, calgary", '245 Cranston Way Southeast, Unit 12, Calgary'],
    ['from 1550 barrington street unit 1204 over to a house', '1550 Barrington Street, Unit 1204'],
    ['42 e main street', '42 E Main Street'],
    ['123 main street in the morning', '123 Main Street'],
    ['at 3 tomorrow', undefined],
    ['I need 2 haircuts', undefined],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(read(text).address).toBe(want);
  });

  it('keeps an address number out of the time wish', () => {
    expect(read('come to 12 Main Street tomorrow').when).toEqual({ date: '2026-03-11' });
  });
});

describe('yes, no, maybe', () => {
  const cases: Array<[string, string | undefined]> = [
    ['yes', 'yes'],
    ['Yeah', 'yes'],
    ['yep', 'yes'],
    ['sure', 'yes'],
    ["that's right", 'yes'],
    ['correct', 'yes'],
    ['sounds good', 'yes'],
    ['perfect', 'yes'],
    ['ok', 'yes'],
    ['uh, yes please', 'yes'],
    ['that works', 'yes'],
    ['go ahead', 'yes'],
    ['absolutely', 'yes'],
    ['yes, book it', 'yes'],
    ['uh huh', 'yes'],
    ['mm-hmm', 'yes'],
    ["that'd be great", 'yes'],
    ["yes ma'am", 'yes'],
    ['no', 'no'],
    ['nope', 'no'],
    ["that's not right", 'no'],
    ['not quite', 'no'],
    ['no, that is wrong', 'no'],
    ["that doesn't work", 'no'],
    ['no thanks', 'no'],
    ['nah', 'no'],
    ['maybe', 'maybe'],
    ["I'm not sure", 'maybe'],
    ["I don't know", 'maybe'],
    ['let me think', 'maybe'],
    ['tomorrow at 3', undefined],
    ['haircut', undefined],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(read(text).yesNo).toBe(want);
  });
});

describe('greetings that name a part of the day', () => {
  it('"good morning" opening a turn is not a wish for a morning slot', () => {
    expect(read('good morning, do you guys sell gift cards').when).toBeUndefined();
    expect(read('hi, good afternoon, I was wondering about prices').when).toBeUndefined();
    expect(read('good evening, could I come in friday at 3').when?.time).toBe('15:00');
    expect(read('tomorrow morning would be good').when?.partOfDay).toBe('morning');
  });
});

describe('intents', () => {
  const cases: Array<[string, string | undefined, Biz?]> = [
    ["I'd like to book a haircut", 'book'],
    ['can I make an appointment', 'book'],
    ['do you have anything available tomorrow', 'book'],
    ['I need someone to come out and look at my sink', 'book', 'plumbing'],
    ['schedule an oil change', 'book', 'auto'],
    ['I need to reschedule my appointment', 'reschedule'],
    ['can I move like, my appointment to tomorrow', 'reschedule'],
    ["I'd like, um, a haircut", 'book'],
    ['can I move my appointment to Friday', 'reschedule'],
    ['I have to push it back', 'reschedule'],
    ['I need to move my duct cleaning to Friday at 1', 'reschedule'],
    ['can I switch my cleaning over to Monday', 'reschedule'],
    ['push my thursday interior clean to friday like 2', 'reschedule'],
    ['can you bump my cleaning back to next week', 'reschedule'],
    ['I want to cancel my appointment', 'cancel'],
    ["I can't make it tomorrow, please cancel", 'cancel'],
    ['what are your hours', 'question'],
    ['how much is a haircut', 'question'],
    ['do you take walk-ins?', 'question'],
    ['where are you located', 'question'],
    ['do you accept insurance', 'question', 'dental'],
    ['hi there, can I buy a gift card', 'question'],
    ['hey so what time do you close on thursday', 'question'],
    ['hi there I was wondering if you do balayage', 'question'],
    ['yeah hi, quick question, do you take walk-ins', 'question'],
    ['good morning! do you guys sell gift cards', 'question'],
    ['can I talk to a real person', 'human'],
    ['let me speak to the owner', 'human'],
    ['transfer me to someone please', 'human'],
    ['operator', 'human'],
    ["is the owner in? it's about my bill", 'human'],
    ['is Dave there?', 'human'],
    ['hi, is Mike around today?', 'human'],
    ['can I speak to Dave please', 'human'],
    ['I need to talk to whoever does billing', 'human'],
    ['is the manager available?', 'human'],
    ['is anyone there?', 'question'],
    ['is this a real person or a robot?', 'question'],
    ["hi, I can't make it Monday after all, could we do Wednesday instead", 'reschedule'],
    ['cant make it monday, how about tuesday', 'reschedule'],
    ["no, don't cancel it, just move it to Wednesday", 'reschedule'],
    ['can you push me back an hour today', 'reschedule'],
    ['I want to change it to twelve instead', 'reschedule'],
    ['could I come earlier the same day?', 'reschedule'],
    ['I already have my adjustment at eleven, I just want it an hour later', 'reschedule'],
    ["I can't make it tomorrow, please cancel", 'cancel'],
    ["I'm furious, I want the manager to call me back today", 'message'],
    ["no, I don't want to book anything, I want the owner to ring me", 'message'],
    ["what time are y'all coming tomorrow?", 'check'],
    ['when will your technician be here?', 'check'],

    ['is Thursday available?', 'book'],
    ['can I leave a message', 'message'],
    ['please have him call me back', 'message'],
    ['just let them know I called', 'message'],
    ["that's all, thanks, bye", 'goodbye'],
    ['no, that is all', 'goodbye'],
    ['have a great day', 'goodbye'],
    ['I smell gas in my kitchen', 'emergency', 'plumbing'],
    ['there is water everywhere, a pipe burst', 'emergency', 'plumbing'],
    ['my outlet is sparking', 'emergency', 'electrical'],
    ['I knocked out a tooth', 'emergency', 'dental'],
  ];
  it.each(cases)('%s', (text, want, biz) => {
    expect(read(text, biz ?? 'salon').intents[0]).toBe(want);
  });
  it.each([
    'let me talk to my wife and call you back',
    'I need to talk to them first',
    'nice to talk to you',
    'how much does it cost just to sit down and talk to a lawyer the first time?',
    "our fridge quit overnight and my husband's insulin is in there. can someone come today?",
    'your listing may be removed. press one now to speak to a listing specialist.',
  ])('no person asked for: %s', (text) => expect(read(text, 'salon').intents).not.toContain('human'));
});

describe('emergency vocabulary and priority per industry', () => {
  const winter = NOW;
  const july = new Date('2026-07-10T15:00:00Z');
  const cases: Array<[string, Biz, string | undefined, Date?]> = [
    ['I smell gas', 'plumbing', 'URGENT'],
    ['there is a gas smell in the basement', 'hvac', 'URGENT'],
    ['it smells like rotten eggs', 'hvac', 'URGENT'],
    ['our carbon monoxide alarm is going off', 'hvac', 'URGENT'],
    ['a pipe burst in the basement', 'plumbing', 'URGENT'],
    ['a pipe just burst and water is everywhere', 'plumbing', 'URGENT'],
    ['my basement is flooding', 'plumbing', 'URGENT'],
    ['sewage backing up into the tub', 'plumbing', 'URGENT'],
    ['we have no water at all', 'plumbing', 'HIGH'],
    ['toilet is overflowing', 'plumbing', 'HIGH'],
    ['small leak under the sink', 'plumbing', 'NORMAL'],
    ['my pipe is frozen pipe', 'plumbing', 'URGENT'],
    ['something wrong with the gas line', 'plumbing', 'URGENT'],
    ['we have no heat', 'hvac', 'URGENT', winter],
    ['we have no heat', 'hvac', 'HIGH', july],
    ['the furnace stopped', 'hvac', 'URGENT', winter],
    ['the AC is not working', 'hvac', 'HIGH', july],
    ['the AC is not working', 'hvac', 'NORMAL', winter],
    ['an outlet is sparking', 'electrical', 'URGENT'],
    ['there are exposed wires hanging', 'electrical', 'URGENT'],
    ['the panel is buzzing', 'electrical', 'URGENT'],
    ['I smell something burning', 'electrical', 'URGENT'],
    ['half the house lost power', 'electrical', 'HIGH'],
    ['I was in an accident', 'auto', 'URGENT'],
    ['my brakes failed', 'auto', 'URGENT'],
    // stranded on a highway is a safety matter, not only a repair
    ['my car broke down on the highway', 'auto', 'URGENT'],
    ['my car broke down in my driveway', 'auto', 'HIGH'],
    ['engine is overheating', 'auto', 'HIGH'],
    ['I knocked out my tooth', 'dental', 'URGENT'],
    ["the bleeding won't stop", 'dental', 'URGENT'],
    ['I have severe tooth pain', 'dental', 'HIGH'],
    ['my face is swollen', 'dental', 'HIGH'],
    ['I cracked a tooth', 'dental', 'HIGH'],
    ["I don't smell gas or anything", 'plumbing', undefined],
    ['there is no gas smell', 'hvac', undefined],
    ['I need a haircut', 'salon', undefined],
    ['just a routine cleaning', 'dental', undefined],
  ];
  it.each(cases)('%s (%s)', (text, biz, want, at) => {
    expect(read(text, biz, at ?? NOW).emergency?.priority).toBe(want);
  });

  it("a business's own keyword raises but never lowers a priority, and gets its topic's safety line", () => {
    const own = createNlu({
      ...auto,
      emergencyKeywords: [
        { term: 'accident', priority: 'HIGH' },
        { term: 'smell gas', priority: 'URGENT' },
        { term: 'flat tire', priority: 'HIGH' },
      ],
    });
    expect(own.understand('I was in an accident', NOW).emergency?.priority).toBe('URGENT');
    expect(own.understand('I have a flat tire in my driveway', NOW).emergency?.priority).toBe('HIGH');
    expect(own.understand('I smell gas', NOW).emergency?.safety).toMatch(/leave the building/);
    const low = createNlu({ ...plumbing, emergencyKeywords: [{ term: 'gas smell', priority: 'NORMAL' }] });
    expect(low.understand('there is a gas smell', NOW).emergency?.priority).toBe('URGENT');
  });

  it('says the gas safety instruction for a gas smell', () => {
    expect(read('I smell gas', 'hvac').emergency?.safety).toMatch(/leave the building.*911/i);
  });
});

describe('staff requests', () => {
  const withStaff = createNlu({ ...salon, staff: [{ name: 'Ana Ruiz' }, { name: 'Ben Cole' }] });
  it.each([
    ['can I book with Ana', 'Ana Ruiz'],
    ['I want Ben Cole please', 'Ben Cole'],
    ['is Ana free tomorrow', 'Ana Ruiz'],
    ['Hey, is Ana in on Thursday? I want to book a trim with her', 'Ana Ruiz'],
    ['is Ben working Saturday', 'Ben Cole'],
    ['No — I want Ana specifically, please.', 'Ana Ruiz'],
    ['Ben only, please', 'Ben Cole'],
    ['can I ask for Ana', 'Ana Ruiz'],
    ['no, not with Ben', undefined],
    ["this is Ana, I'd like a trim", undefined],
    ['this is Ana in the back office', undefined],
    ['a haircut tomorrow', undefined],
  ])('%s', (text, want) => {
    expect(withStaff.understand(text, NOW).staff).toBe(want);
  });
});

describe('corrections, picks and fillers', () => {
  it.each([
    ['actually make it 11', true],
    ['actually, Thursday instead', true],
    ['can we do 4 instead', true],
    ['sorry, I meant Friday', true],
    ['scratch that, 2pm', true],
    ['yes', false],
    ['tomorrow at 3', false],
  ])('correction: %s', (text, want) => {
    expect(read(text).correction).toBe(want);
  });

  it.each([
    ['anything later?', 'later'],
    ['what about later in the day', 'later'],
    ['something earlier', 'earlier'],
    ['the later one', undefined],
  ])('shift: %s', (text, want) => {
    expect(read(text).shift).toBe(want);
  });

  it('a correction carries the new value', () => {
    expect(read('actually make it 11').when).toEqual({ time: '11:00' });
  });

  it.each([
    ['the first one', 0],
    ['the second one', 1],
    ['the first', 0],
    ['ok the second', 1],
    ['the last', 'last'],
    ['second option please', 1],
    ['the later one', 'last'],
    ['the earlier one', 0],
  ])('pick: %s', (text, want) => {
    expect(read(text).pick).toBe(want);
  });

  it('ignores hesitations around facts', () => {
    const u = read("um, uh, a haircut, like, tomorrow at, uh, 3, it's, um, Maria Lopez");
    expect(u.service?.service.name).toBe('Haircut');
    expect(u.when).toEqual({ date: '2026-03-11', time: '15:00' });
    expect(u.name).toBe('Maria Lopez');
  });

  it('reads several facts at once', () => {
    const u = read("brake inspection Wednesday at 10, I'm Sam", 'auto');
    expect(u.service?.service.name).toBe('Brake inspection');
    expect(u.when).toEqual({ date: '2026-03-11', time: '10:00' });
    expect(u.name).toBe('Sam');
    expect(u.intents[0]).toBeUndefined();
  });
});

describe('longer service names win over a shared synonym', () => {
  const barber = createNlu({
    ...salon,
    services: [
      { name: 'Haircut', durationMin: 45, synonyms: ['trim', 'cut'] },
      { name: 'Beard trim', durationMin: 20, synonyms: ['beard'] },
    ],
  });
  it.each([
    ['beard trim with Marco', 'Beard trim'],
    ['just a trim', 'Haircut'],
    ['my beard needs a tidy', 'Beard trim'],
  ])('%s', (text, want) => {
    expect(barber.understand(text, NOW).service?.service.name).toBe(want);
  });
});

describe("a service for a child, where the business lists a children's kind of it", () => {
  const barber = createServiceMatcher([
    { name: 'Haircut', durationMin: 30 },
    { name: 'Kids Cut', durationMin: 20 },
    { name: 'Beard Trim', durationMin: 15 },
  ]);
  const dentist = createServiceMatcher([
    { name: 'Cleaning', durationMin: 45 },
    { name: "Children's Cleaning", durationMin: 30 },
    { name: 'Filling', durationMin: 60 },
  ]);
  it.each([
    [barber, "a haircut for my son, he's seven", 'Kids Cut'],
    [barber, 'can I get a haircut for a 6-year-old', 'Kids Cut'],
    [dentist, 'my daughter needs a cleaning', "Children's Cleaning"],
    // no children's kind of it, or no child: the service as said
    [barber, 'a beard trim for my son', 'Beard Trim'],
    [barber, 'a haircut please', 'Haircut'],
    [dentist, 'my son needs a filling', 'Filling'],
    [dentist, 'a cleaning for me', 'Cleaning'],
  ])('%#: %s', (m, text, want) => {
    expect(m.match(text)?.service.name).toBe(want);
  });
});
