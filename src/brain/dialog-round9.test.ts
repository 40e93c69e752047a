// Invariant (round 9): a question at the end of a long story that points back to it ("how much to get them done at my
// place?" after "my front brakes are grinding… needs pads and rotors") is answered from the owner's entry on that
// subject; asking to be called back with a price is a lead for the team, and the lead says what the price is for.
// Staff are asked for however the caller names them (a title and surname, "can I get him" after the name), and one
// who does not work here is said so; an appointment described in the words that ask to move it is not where it goes;
// "straight after your lunch, whatever the first one is" is the first opening after the break; a season's greeting
// ends the call; a day further ahead than the business books is said so; abbreviations are said in capitals.
import { describe, expect, it } from 'vitest';
import { aboutIt, createKnowledgeBase } from './knowledge.js';
import { createNlu } from './nlu/index.js';
import { openNineToFive } from './test-support/businesses.js';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

// Tuesday 2026-05-12, 09:00 in Brisbane
const TUE = '2026-05-11T23:00:00Z';
const MECHANIC = openNineToFive('Spanner Mobile Mechanics', 'Australia/Brisbane', {
  services: [
    { name: 'Logbook Service', durationMin: 120, priceCents: 24900, synonyms: ['car service', 'service'] },
    { name: 'Battery Replacement', durationMin: 45, priceCents: 22000 },
  ],
  knowledge: [
    {
      q: 'Can you do brakes?',
      a: 'Yes, we do pads, rotors and brake fluid at your home or work. Brake jobs are quoted once we know the make, model and year; a mechanic calls you back with a price the same day.',
    },
    { q: 'What areas do you cover?', a: 'Brisbane metro from Redcliffe to Logan.' },
  ],
});
const STORY =
  "g'day, my front brakes are grinding pretty bad on my 2017 mazda 3 sedan, pretty sure it needs pads and rotors. " +
  'how much to get them done at my place?';

describe('a question that points back to the story before it', () => {
  it('is answered from the entry on what the story is about', () => {
    const a = createKnowledgeBase(MECHANIC).answer(STORY, new Date(TUE));
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain('Brake jobs are quoted');
  });

  it('a call back with a price asked for after the answer is a lead that says what for', async () => {
    const { say, world } = talkTo(MECHANIC, TUE, '+61491570157');
    expect(await say(STORY)).toContain('Brake jobs are quoted');
    await say("yeah righto, can someone give me a call with a price? I'm in Carindale");
    expect(await say('Deepak Raman, 0491 570 157')).toMatch(/address/);
    await say('14 Banksia Street, Carindale 4152');
    expect(world.messages).toEqual([]);
    expect(world.leads).toEqual([
      expect.objectContaining({ name: 'Deepak Raman', need: expect.stringContaining('pads and rotors') }),
    ]);
    expect(world.appointments).toEqual([]);
  });
});

const VETS = openNineToFive('Ponsonby Vets', 'Pacific/Auckland', {
  services: [{ name: 'Consultation', durationMin: 20 }],
  staff: [{ name: 'Dr Aroha Ngata' }, { name: 'Dr James Whitfield' }, { name: 'Callum Reid' }],
});

describe('the staff member asked for', () => {
  const staffOf = (text: string) => createNlu(VETS).understand(text, new Date(TUE)).staff;
  it.each([
    ['can I book my cat in with Dr Ngata?', 'Dr Aroha Ngata'],
    ['with dr. whitfield please', 'Dr James Whitfield'],
    ['No, I asked for Dr Ngata. Has she got anything after 3?', 'Dr Aroha Ngata'],
    ["Callum did our fence last month and said he'd come back. Can I get him Monday?", 'Callum Reid'],
    ['Could Callum come give me a quote?', 'Callum Reid'],
  ])('"%s" is %s', (text, who) => {
    expect(staffOf(text)).toBe(who);
  });

  it('"dr" alone names nobody, and someone who does not work here is said so', async () => {
    expect(staffOf('I need a dr appointment tomorrow')).toBeUndefined();
    const { say } = talkTo(VETS, TUE, '+6421555014');
    const reply = await say('Hello, I want to take an appointment with Dr. Mehta for tomorrow morning.');
    expect(reply).toContain("We don't have a Dr. Mehta here");
    expect(reply).toMatch(/Dr Aroha Ngata, Dr James Whitfield or Callum Reid/);
  });
});

const PHYSIO = openNineToFive('Bondi Physio', 'Australia/Sydney', {
  services: [{ name: 'Physio Consultation', durationMin: 45 }],
});

describe('moving an appointment described as it is', () => {
  it('"my physio on Tuesday at 10, I need to move it" asks where to, not "from Tuesday at 10 to Tuesday at 10"', async () => {
    const { say } = talkTo(PHYSIO, TUE, '+61491570101', {
      existing: [
        {
          service: 'Physio Consultation',
          start: '2026-05-19T10:00',
          customerName: 'Rachel Nguyen',
          customerPhone: '+61491570101',
        },
      ],
    });
    const reply = await say(
      "Hi, it's Rachel Nguyen. I've got a physio appointment on Tuesday at 10 and I need to move it.",
    );
    expect(reply).toMatch(/What day and time would you like instead\?/);
    expect(reply).not.toMatch(/to Tuesday, May 19 at 10 AM/);
  });
});

const VET_WITH_LUNCH: BusinessProfile = {
  ...openNineToFive('Subiaco Vets', 'Australia/Perth', { services: [{ name: 'Vaccination', durationMin: 15 }] }),
  hours: {
    wed: [
      ['08:00', '12:30'],
      ['13:30', '18:00'],
    ],
  },
};

describe('the first one after a break', () => {
  it('"straight after your lunch then, whatever the first one is" is 1:30, not the first offer', async () => {
    // Tuesday 2026-05-12, 09:00 in Perth
    const { say } = talkTo(VET_WITH_LUNCH, '2026-05-12T01:00:00Z', '+61491570157');
    await say('Could I bring my dog in tomorrow at 12:30 for his booster?');
    const reply = await say('Straight after your lunch then, whatever the first one is');
    expect(reply).toMatch(/Wednesday, May 13 (?:at|I have) 1:30 PM/);
    expect(reply).not.toMatch(/AM|noon|12:/);
  });
});

const GARAGE = {
  ...openNineToFive('Headingley Motors', 'Europe/London', {
    services: [{ name: 'MOT', durationMin: 60 }],
    holidays: ['2026-12-25', '2026-12-26', '2026-12-28'],
    maxDaysAhead: 60,
  }),
};

describe('around the holidays', () => {
  // Tuesday 2026-12-22, 11:00 in London
  const DEC22 = '2026-12-22T11:00:00Z';
  it('"back open" is read after the day asked for before; an abbreviation is said as one', async () => {
    const { say } = talkTo(GARAGE, DEC22, '+447700900412');
    await say('Can I bring the car in for its MOT the day after Boxing Day?');
    expect(await say("When's the first day you're back open then?")).toContain(
      "The first day we're open is Tuesday, December 29",
    );
    expect(await say('the Tuesday at 9 please')).toBeTruthy();
    expect(await say('Sarah Whitworth')).toMatch(/an MOT on Tuesday, December 29 at 9 AM/);
  });

  it('"No, that\'s all, ta. Merry Christmas!" ends the call', async () => {
    const { say, convo } = talkTo(GARAGE, DEC22, '+447700900412');
    await say('MOT on Tuesday the 29th at 9 please', 'Sarah Whitworth', 'yes');
    const bye = await convo.handle({ text: "No, that's all, ta. Merry Christmas!" });
    expect(bye.done).toBe(true);
  });

  it('a day further ahead than the business books is said so', async () => {
    const { say, world } = talkTo(GARAGE, DEC22, '+447700900412', { now: new Date(DEC22) });
    const reply = await say('Can I book an MOT on the 29th of March 2027 at 11?');
    expect(reply).toMatch(/can't book as far ahead as Monday, March 29 yet: bookings for that day open on/);
    expect(world.appointments).toEqual([]);
  });
});

describe("the caller's own booking, said first", () => {
  const intentsOf = (text: string) => createNlu(PHYSIO).understand(text, new Date(TUE)).intents;
  it.each([
    ["Hi there, this is Daniel Okafor. I've got a cleaning booked tomorrow at nine", ['check']],
    ["Hi, it's Claire Dubois. You're coming to tune my piano on Monday morning", ['check']],
    ["I've got a check-up coming up with you but I can't remember the date. Can you tell me when it is?", ['check']],
    ['Could we move it a week later, same time?', ['reschedule']],
    ["I've got a haircut booked tomorrow, can I add a beard trim", ['book']],
  ])('"%s"', (text, intents) => {
    expect(intentsOf(text).slice(0, 1)).toEqual(intents);
  });

  it('"I have a physio booked Tuesday at 10" is told back, then "move it to Thursday at 3:30" moves it', async () => {
    const { say, world } = talkTo(PHYSIO, TUE, '+61491570101', {
      existing: [
        {
          service: 'Physio Consultation',
          start: '2026-05-19T10:00',
          customerName: 'Rachel Nguyen',
          customerPhone: '+61491570101',
        },
      ],
    });
    expect(await say("Hi, it's Rachel Nguyen. I've got a physio consultation booked Tuesday at 10")).toMatch(
      /You have a physio consultation on Tuesday, May 19 at 10 AM/,
    );
    expect(await say('Any chance we could move it to Thursday at 3:30?')).toMatch(
      /move your physio consultation from Tuesday, May 19 at 10 AM to Thursday, May 14 at 3:30 PM/,
    );
    await say('yes');
    expect(world.appointments.filter((a) => a.status === 'booked').map((a) => a.start)).toEqual([
      expect.stringMatching(/^2026-05-14T15:30/),
    ]);
  });
});

describe('an emergency in the middle of a booking', () => {
  const DENTIST = openNineToFive('Subiaco Smiles', 'Australia/Perth', {
    services: [{ name: 'Check-up & Clean', durationMin: 45 }],
    escalationNumber: '+61491570111',
    knowledge: [
      {
        q: 'What do I do if a tooth is knocked out?',
        a: "Pick it up by the crown, don't scrub it, keep it in milk or back in the socket, and come in straight away.",
      },
      { q: 'Do you do tooth whitening?', a: 'Yes, take-home whitening kits are $350.' },
    ],
  });

  it("is met with the owner's advice for it, and what the caller tells after the alert goes with it", async () => {
    const { say, world } = talkTo(DENTIST, '2026-05-12T01:00:00Z', '+61491570192');
    await say("Hi, I'd like to book a check-up and clean for myself");
    const alert = await say(
      "Sometime next week? Oh god, my son's just run in from footy, he's knocked his front tooth clean out. There's blood everywhere",
    );
    expect(alert).toContain('keep it in milk');
    expect(alert).not.toContain('whitening');
    await say('Kylie Brennan');
    expect(await say("He's 12. I've got the tooth here, it's his adult tooth")).toContain(
      "I've added that for the team",
    );
    expect(world.leads.at(-1)?.need).toContain("I've got the tooth here");
  });

  it('a pet that ate chocolate at a vet is an emergency, however many words between', () => {
    const vet = openNineToFive('Ponsonby Vets', 'Pacific/Auckland', {
      services: [{ name: 'Vaccination', durationMin: 15 }],
    });
    const u = createNlu(vet).understand("She's eaten most of a block of dark chocolate", new Date(TUE));
    expect(u.emergency?.priority).toBe('URGENT');
  });
});

describe('a question of "that" after the turn tells what it is', () => {
  it('"one of the keys has started sticking… how much to fix that?" is the key repair, not the tuning being moved', () => {
    const tuner = openNineToFive('Mont-Royal Piano', 'America/Toronto', {
      services: [{ name: 'Piano Tuning', durationMin: 90, priceCents: 16000 }],
      knowledge: [{ q: 'How much does it cost to fix a sticking key?', a: 'Minor key repairs are $25 per key.' }],
    });
    const q = aboutIt(
      "Also, one of the keys has started sticking, the middle C. How much would it be to fix that while he's here?",
      'Piano Tuning',
    );
    expect(createKnowledgeBase(tuner).answer(q, new Date(TUE))?.text).toContain('$25');
    expect(aboutIt('Hang on, before we pick a time, how much is it?', 'Full Groom')).toContain('(full groom)');
  });
});

describe('terse and typed callers', () => {
  const nlu = createNlu(
    openNineToFive('Riccarton Dental', 'Pacific/Auckland', {
      services: [
        { name: 'Hygiene Clean', durationMin: 45, synonyms: ['clean', 'cleaning', 'teeth cleaning'] },
        { name: 'Check-up', durationMin: 30 },
      ],
    }),
  );
  const read = (text: string) => nlu.understand(text, new Date(TUE));
  it.each([
    ['need 2 cxl my appt', 'cancel'],
    ['hey its mike cant do thurs lesson can we do fri same time instead thx', 'reschedule'],
  ])('"%s" is a %s', (text, intent) => {
    expect(read(text).intents[0]).toBe(intent);
  });

  it('reads typed words and heard-as hours', () => {
    expect(read('teeth clening nxt mon?').service?.service.name).toBe('Hygiene Clean');
    expect(read('hair cut thrusday earliest aft 3 pls').when).toMatchObject({ after: '15:00', earliest: true });
    expect(read('tues aft').when?.partOfDay).toBe('afternoon');
    expect(read('mon then. morn').when?.partOfDay).toBe('morning');
    expect(read('adjustment wednesday at won o clock').when?.time).toBe('13:00');
    expect(read('can i get a clean thursday for thirty').when?.time).toBe('16:30');
    expect(read('1st one').pick).toBe(0);
    expect(read('earlier 1').pick).toBe(0);
  });

  it('answers "hw much", "wat time sat?" and takes "sound cheers" as goodbye', async () => {
    const TUTORS = openNineToFive('Bow River Tutoring', 'America/Edmonton', {
      services: [
        { name: 'Math Tutoring', durationMin: 60, priceCents: 6000 },
        { name: 'English Tutoring', durationMin: 60, priceCents: 6000 },
      ],
    });
    const { say, convo } = talkTo(TUTORS, TUE, '+14035550186');
    expect(await say('hw much tutoring')).toContain('Math tutoring and English tutoring are each $60.');
    expect(await say('wat time sat?')).toMatch(/Saturday 9 AM to 5 PM/);
    expect((await convo.handle({ text: 'sound cheers' })).done).toBe(true);
  });
});

describe('several errands in one call', () => {
  const GARAGE_UK = openNineToFive('Chorlton Motors', 'Europe/London', {
    services: [
      { name: 'MOT', durationMin: 60, priceCents: 5485 },
      { name: 'Full Service', durationMin: 180 },
    ],
  });

  it('"for its MOT" names nobody; "scrap that… Wednesday morning instead" moves the booking just made', async () => {
    expect(createNlu(GARAGE_UK).understand('can I book my Corsa in for its MOT?', new Date(TUE)).name).toBeUndefined();
    const { say, world } = talkTo(GARAGE_UK, TUE, '+447700900456');
    await say('Can I book my Corsa in for its MOT on Thursday at 10?');
    await say('Gary Holt');
    await say('Yes please');
    expect(await say('Actually sorry, scrap that, could you do Friday morning instead?')).toMatch(/On Friday, May 15/);
    await say('the first one');
    await say('yes');
    const booked = world.appointments.filter((a) => a.status === 'booked');
    expect(booked).toHaveLength(1);
    expect(booked[0].start).toMatch(/^2026-05-15T09:00/);
  });

  it('the service just asked about is the one booked when the caller asks someone to come', async () => {
    const HVAC = openNineToFive('Hill Country Air', 'America/Chicago', {
      services: [
        { name: 'Diagnostic Visit', durationMin: 60, priceCents: 8900 },
        { name: 'AC Tune-Up', durationMin: 60, priceCents: 8900 },
      ],
    });
    const { say } = talkTo(HVAC, TUE, '+15125550193');
    await say("Hey, how much do y'all charge for an AC tune-up?");
    await say('Alright. Can you come out Friday at 10?');
    expect(await say('Travis Hale')).not.toMatch(/diagnostic/i);
  });

  it('a choice of size answered inside a price question ("for a big guy like him") is that size', async () => {
    const GROOMER = openNineToFive('Rose City Grooming', 'America/Los_Angeles', {
      services: [
        { name: 'Full Groom (Small Dog)', durationMin: 90, priceCents: 7500, synonyms: ['little dog groom'] },
        { name: 'Full Groom (Large Dog)', durationMin: 120, priceCents: 11000, synonyms: ['big dog groom'] },
      ],
    });
    const { say } = talkTo(GROOMER, TUE, '+15035550164');
    await say("Hi, I'd like to book a full groom for my golden retriever");
    expect(await say('How much is that for a big guy like him?')).toMatch(
      /\$110\. What day and time would you like for your full groom \(large dog\)\?/,
    );
  });

  it('a phone shop is no visit, and "I will bring it to your shop" asks no address', async () => {
    const SHOP = openNineToFive('FixIt Mobile Care', 'Asia/Kolkata', {
      services: [{ name: 'Battery Replacement', durationMin: 60, priceCents: 90000 }],
      knowledge: [{ q: 'Will I lose my data?', a: "No, a battery repair doesn't touch your data." }],
    });
    const { say } = talkTo(SHOP, TUE, '+919820501277');
    await say('Can I drop my phone for a battery replacement tomorrow at 11?');
    expect(await say('Rahul Deshmukh')).toMatch(/^Just to confirm/);
    expect(await say('Will my photos and all be safe?')).toContain("doesn't touch your data");
  });
});

describe('booking for someone else', () => {
  const SPA = openNineToFive('Kelburn Massage', 'Pacific/Auckland', {
    services: [
      { name: 'Relaxation Massage', durationMin: 60, synonyms: ['massage'] },
      { name: 'Long Relaxation Massage', durationMin: 90 },
    ],
  });
  const read = (text: string) => createNlu(SPA).understand(text, new Date(TUE));

  it('"her name\'s Aroha Taylor. I\'m Ben, her husband" books Aroha', () => {
    expect(read("Her name's Aroha Taylor. I'm Ben, her husband").name).toBe('Aroha Taylor');
    expect(read("Thursday at 10:30 is great for Mum (Maria Russo), please book it. I'm Daniel Russo").name).toBe(
      'Maria Russo',
    );
    expect(read("I'm Ben. Her name is Aroha Taylor").name).toBe('Aroha Taylor');
  });

  it('a length said picks the service of that length ("the hour-long relaxation one")', () => {
    expect(read('just the hour-long relaxation one').service?.service.name).toBe('Relaxation Massage');
    expect(read('a 90 minute massage').service?.service.name).toBe('Long Relaxation Massage');
  });

  it('"my name\'s Karen Walsh" after "his name\'s Tyler Brooks" keeps the booking Tyler\'s', async () => {
    const CLINIC = openNineToFive('Bow Valley Health', 'America/Edmonton', {
      services: [{ name: 'Pre-Employment Medical', durationMin: 60 }],
    });
    const { say } = talkTo(CLINIC, TUE, '+14035550158');
    await say('I need to book a pre-employment medical for a new hire');
    await say("His name's Tyler Brooks. Thursday at 10");
    expect(await say("My name's Karen Walsh, and you can reach me at 403-555-0158")).toMatch(/for Tyler Brooks/);
  });
});

describe('work the owner prices after a visit', () => {
  const SPARKS = openNineToFive('Liffey Electrical', 'Europe/Dublin', {
    services: [
      { name: 'Fault Finding', durationMin: 60, priceCents: 9500 },
      { name: 'EV Charger Installation', durationMin: 240, priceCents: 99500 },
    ],
    knowledge: [
      {
        q: 'Can you give me a price for a rewire over the phone?',
        a: 'Every rewire is different, so we price them after a free site visit from one of our electricians.',
      },
    ],
  });

  it('a need told with no question is met with what the owner wrote about it, and a look asked for is a lead', async () => {
    const { say, world } = talkTo(SPARKS, TUE, '+353875550143');
    expect(await say("Hi, we're buying a 1950s semi and the survey says it needs a full rewire")).toContain(
      'Every rewire is different',
    );
    await say('Grand. Can someone come out and have a look at it so?');
    await say('Siobhan Kelly');
    await say('22 Millmount Avenue, Drumcondra');
    expect(world.appointments).toEqual([]);
    expect(world.leads).toEqual([
      expect.objectContaining({ name: 'Siobhan Kelly', need: expect.stringMatching(/rewire/) }),
    ]);
    // a price of what was just priced is not said twice
    expect(await say('do you do EV chargers? What would one of them cost?')).toMatch(/^[^€]*€995[^€]*$/);
  });

  it('"What would that run us?" after a deck described is the owner\'s entry on decks', () => {
    const GARDENS = openNineToFive('Greenline Gardens', 'Australia/Brisbane', {
      services: [{ name: 'Lawn Mowing', durationMin: 60, priceCents: 6000 }],
      knowledge: [{ q: 'Do you build decks?', a: 'Yes, decks are quoted after a free on-site measure and quote.' }],
    });
    const a = createKnowledgeBase(GARDENS).answer(
      "Also, we're thinking about a new hardwood deck out the back, roughly five by four metres. What would that run us?",
      new Date(TUE),
    );
    expect(a).toMatchObject({ confident: true, text: expect.stringContaining('measure') });
  });
});

describe('thanks before anything was chosen', () => {
  it('"saturday?… wat time u open till… k ta" ends the call', async () => {
    const TYRES = openNineToFive('Kwik Tread', 'Pacific/Auckland', {
      services: [
        { name: 'Tyre Fitting', durationMin: 45 },
        { name: 'Wheel Alignment', durationMin: 60 },
      ],
    });
    const { say, convo } = talkTo(TYRES, TUE, '+6421555013');
    await say('saturday?');
    expect(await say('wat time u open till')).toMatch(/Saturday 9 AM to 5 PM/);
    expect((await convo.handle({ text: 'k ta' })).done).toBe(true);
  });
});

describe('a question while booking', () => {
  it('"Does he need to bring his own guitar?" keeps the trial lesson being booked', async () => {
    const MUSIC = openNineToFive('Harmony Lane Music', 'Australia/Adelaide', {
      services: [
        { name: 'Trial Lesson', durationMin: 30, priceCents: 3500, synonyms: ['trial'] },
        { name: 'Guitar Lesson', durationMin: 30, priceCents: 4500, synonyms: ['guitar'] },
      ],
      knowledge: [{ q: 'Do students need their own guitar?', a: 'Not for the trial: we have guitars to borrow.' }],
    });
    const { say } = talkTo(MUSIC, TUE, '+61491570159');
    await say('Can I book a trial lesson for my son Thursday at 4?');
    expect(await say('Does he need to bring his own guitar?')).toContain('guitars to borrow');
    expect(await say('Kylie Tran')).toMatch(/a trial lesson on Thursday/);
  });
});

describe('an opening that tells nothing of a need', () => {
  it("one word of an entry's question in a story that needs nothing is no question of it", async () => {
    const GARDENS = openNineToFive('Greenline Gardens', 'Australia/Brisbane', {
      services: [{ name: 'Lawn Mowing', durationMin: 60 }],
      knowledge: [{ q: 'Do you build decks?', a: 'Yes, decks are quoted after a free on-site measure and quote.' }],
    });
    const { say } = talkTo(GARDENS, TUE, '+61491570188');
    expect(await say('Hi, I was round at your open day last week and I left my umbrella on the deck')).not.toContain(
      'quoted',
    );
  });
});
