// Invariant (round 8, questions inside long and chatty turns): the FAQ answers a question however a caller words
// its subject ("borrow a car" is the courtesy car, "some vets come to your house?" the house calls, "she's in a
// wheelchair" the access), a "Do you do that?" of what was said just before it, and a follow-up on a later turn of
// a saved chat; a yes that says the name and number again books; one couples booking is the party's; "I was really
// looking forward to it… will I be charged?" is a question, not a goodbye; a booking put off ("I'll call the vet
// this afternoon and get back to you", "I'll just book again when I'm home") books nothing and ends politely.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/index.js';
import { createConversation } from './conversation.js';
import { createKnowledgeBase } from './knowledge.js';
import { createFakePorts } from './test-support/fake-ports.js';
import { openNineToFive } from './test-support/businesses.js';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

// Tuesday 2026-05-12, 09:00 in Denver
const TUE = '2026-05-12T15:00:00Z';
const CALLER = '+17205550116';
const open = openNineToFive;

const GARAGE: BusinessProfile = open('Leith Walk Motors', 'Europe/London', {
  services: [{ name: 'MOT', durationMin: 60, priceCents: 5485 }],
  knowledge: [
    { q: 'Do you have a courtesy car?', a: 'Yes, we have two courtesy cars at £15 a day.' },
    { q: 'Can I wait while the MOT is done?', a: 'Yes, you are welcome to wait in our lounge.' },
  ],
});
const VET: BusinessProfile = open('Peachtree Paws', 'America/New_York', {
  services: [{ name: 'Wellness Exam', durationMin: 30, priceCents: 6500 }],
  knowledge: [
    { q: 'Do you do house calls?', a: 'Yes, Dr. Hale does house calls on Tuesdays. There is an $85 travel fee.' },
    { q: 'Do you see cats?', a: 'Yes, we see cats and dogs.' },
  ],
});
const FARRIER: BusinessProfile = open('Bluegrass Hoof Care', 'America/New_York', {
  services: [{ name: 'Shoe Reset', durationMin: 45, priceCents: 6000 }],
  knowledge: [
    { q: 'Do you charge for travel?', a: 'Outside Fayette County there is a $25 farm-call fee.' },
    { q: 'Does someone need to be there?', a: 'Yes, someone must hold the horse.' },
  ],
});
const PLUMBER: BusinessProfile = open('Cascade Plumbing', 'America/Los_Angeles', {
  services: [{ name: 'Drain Cleaning', durationMin: 60, priceCents: 19900 }],
  knowledge: [{ q: 'How much is a service call?', a: 'A standard service call is $129.' }],
});
const CLINIC: BusinessProfile = open('Bayside Foot Clinic', 'Australia/Melbourne', {
  services: [{ name: 'General Podiatry', durationMin: 30, priceCents: 8500 }],
  knowledge: [
    { q: 'Is there wheelchair access?', a: "Yes - we're on the ground floor with a ramp at the front door." },
    { q: 'What are your hours?', a: 'Weekdays 9 to 5.' },
  ],
});
const TUTORS: BusinessProfile = open('Kitsilano Learning Hub', 'America/Vancouver', {
  services: [{ name: 'Math Tutoring', durationMin: 60, priceCents: 7000 }],
  knowledge: [{ q: 'Is the first session a trial?', a: 'Yes, the first session is half price ($35).' }],
});
const SPA: BusinessProfile = open('Stillwater Day Spa', 'America/Denver', {
  services: [
    { name: 'Couples Massage', durationMin: 60, priceCents: 26000 },
    { name: 'Deep Tissue Massage', durationMin: 60, priceCents: 12000 },
  ],
  staff: [{ name: 'Keira' }, { name: 'Marcus' }],
  knowledge: [
    { q: 'Do you do anything for anniversaries or birthdays?', a: 'Our Celebration add-on is $35 for two.' },
    {
      q: 'What is your cancellation policy?',
      a: "Cancellations with at least 24 hours' notice are free; with less notice we charge 50% of the price.",
    },
  ],
});
const KENNEL: BusinessProfile = open('Signal Hill Pet Resort', 'America/St_Johns', {
  services: [{ name: 'Boarding Tour', durationMin: 30, priceCents: 0 }],
  knowledge: [
    {
      q: 'What vaccines does my dog need for boarding?',
      a: 'Dogs must be up to date on rabies and Bordetella (kennel cough), given at least 7 days before the stay.',
    },
    { q: 'How much is boarding?', a: 'Boarding is $45 a night.' },
  ],
});

const answerOf = (business: BusinessProfile, question: string) =>
  createKnowledgeBase(business).answer(question, new Date(TUE));

describe("a subject in the caller's own words meets the owner's entry", () => {
  it.each([
    [
      'courtesy car',
      GARAGE,
      "I'm a nurse and need a car for my shifts, so is there any way to borrow a car while mine's in with you?",
      '£15',
    ],
    ['call-out', PLUMBER, 'Oh wait, how much is the call-out? Landlord will want to know', '$129'],
    ['travel charge', FARRIER, "Is there a travel charge? We're over in Woodford County", '$25'],
    ['wheelchair', CLINIC, "She's in a wheelchair these days - will she be able to get in okay?", 'ramp'],
    ['trial', TUTORS, 'oh also before i forget, is the first one like a trial? hes a teenager lol', '$35'],
    ['anniversaries', SPA, 'And do you do anything special for anniversaries?', '$35'],
  ])('%s: "%s"', (_subject, business, question, said) => {
    const a = answerOf(business, question);
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain(said);
  });

  it('"Do you do that?" asks about what was said just before it, after a long story', () => {
    const a = answerOf(
      VET,
      'Hi, so I have kind of an odd question. My cat Pudding is 14 and she HATES the carrier, last time she got so ' +
        'stressed my husband almost had to pull over. Poor thing. Anyway my neighbor said some vets come to your ' +
        'house? Do you do that?',
    );
    expect(a).toMatchObject({ confident: true });
    expect(a?.text).toContain('$85');
  });

  it('a follow-up after a long story is read with the question the story ended on', () => {
    const story =
      'Hi, so I have kind of an odd question. My cat hates the carrier, last time she peed in it on the way over. ' +
      'Anyway my neighbor said some vets come to your house? Do you do that?';
    const a = createKnowledgeBase(VET).answer("Oh that's great. How much extra is it?", new Date(TUE), 'en', story);
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain('$85');
  });

  it('keeps unrelated questions unsure', () => {
    expect(answerOf(GARAGE, 'can I borrow your phone charger?')?.confident).not.toBe(true);
    expect(answerOf(TUTORS, 'do you do exam prep for the provincial finals?')?.confident).not.toBe(true);
  });
});

describe('a follow-up on a later turn of a saved chat', () => {
  it('"how far ahead does he need to get it?" is read with the vaccines asked about a turn before', async () => {
    const { ports } = createFakePorts(KENNEL);
    const start = createConversation({ business: KENNEL, now: fixedClock(TUE), deps: ports });
    start.greet();
    expect(
      (
        await start.handle({
          text: "He's a Newfoundland, never been boarded. What shots does he need to stay with you?",
        })
      ).text,
    ).toMatch(/rabies/);
    const resumed = createConversation({
      business: KENNEL,
      now: fixedClock(TUE),
      deps: ports,
      resume: start.snapshot(),
    });
    const reply = await resumed.handle({
      text: "Oh my, I'm not sure he's had the kennel cough one. How far ahead does he need to get it?",
    });
    expect(reply.text).toMatch(/7 days before the stay/);
  });
});

describe('the read-back, the party and the goodbye', () => {
  it('a yes that says the name and number again books', async () => {
    const c = talkTo(SPA, TUE, CALLER);
    await c.say('Could I book a deep tissue massage this Friday at 3pm?');
    expect(await c.say("It's Jenna Park, 720-555-0116.")).toMatch(/Shall I book it/);
    expect(await c.say("Yes, 3pm Friday is perfect - please book it! It's Jenna Park, 720-555-0116.")).toMatch(
      /You're all set/,
    );
    expect(c.world.appointments).toHaveLength(1);
  });

  it('another name said with the yes is read back first', async () => {
    const c = talkTo(SPA, TUE, CALLER);
    await c.say('Could I book a deep tissue massage this Friday at 3pm?');
    await c.say('Jenna Park');
    expect(await c.say("Yes please book it. It's Morgan Lee, 720-555-0199.")).toMatch(/Morgan Lee.*Shall I book it/);
    expect(c.world.appointments).toHaveLength(0);
  });

  it('"my husband and I… a couples massage together" is one booking', async () => {
    const c = talkTo(SPA, TUE, CALLER);
    await c.say('could my husband and I book a couples massage together this Saturday around 3pm?');
    await c.say('Jenna Park');
    expect(await c.say('yes please')).toMatch(/You're all set.*Is there anything else/);
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Couples Massage']);
  });

  it('"I was really looking forward to it… will I be charged for cancelling?" is answered, then a put-off ends', async () => {
    const c = talkTo(SPA, TUE, CALLER, {
      existing: [
        {
          service: 'Deep Tissue Massage',
          start: '2026-05-16T14:00',
          customerName: 'Jordan Ellis',
          customerPhone: CALLER,
        },
      ],
    });
    await c.say('I have to cancel my massage on Saturday');
    expect(await c.say('yes please cancel it')).toMatch(/is cancelled/);
    expect(
      await c.say("I'm so sorry. I was really looking forward to it too. will I get charged for cancelling?"),
    ).toMatch(/24 hours' notice/);
    expect(await c.say("I'll just book again when I'm home. thank you for being so nice about it!")).toMatch(
      /Have a great day/,
    );
    expect(c.world.appointments.filter((a) => a.status !== 'cancelled')).toHaveLength(0);
  });

  it('"I\'ll call the vet this afternoon and get back to you" books nothing', async () => {
    const c = talkTo(KENNEL, TUE, CALLER);
    await c.say('I would like to book a boarding tour');
    expect(
      await c.say("Ok I'll call the vet this afternoon and then get back to you about booking. Thank you so much!"),
    ).toMatch(/haven't booked anything/);
    expect(c.world.appointments).toHaveLength(0);
  });
});

describe('a first visit and a visit for any job (round 8)', () => {
  const CHIRO: BusinessProfile = open('Bow River Chiropractic', 'America/Edmonton', {
    services: [
      { name: 'New Patient Visit', durationMin: 60, synonyms: ['initial consultation'] },
      { name: 'Adjustment', durationMin: 20 },
      { name: 'Massage Therapy', durationMin: 60 },
    ],
  });
  const PLUMBING: BusinessProfile = open('Cascade Plumbing', 'America/Los_Angeles', {
    services: [
      { name: 'Service Call', durationMin: 60 },
      { name: 'Drain Cleaning', durationMin: 90 },
    ],
  });

  it('"never been to a chiropractor before" is the new patient visit', async () => {
    const c = talkTo(CHIRO, TUE, CALLER);
    expect(await c.say('my lower back is killing me. never been to a chiropractor before')).toMatch(
      /new patient visit/i,
    );
  });

  it('a job described with a wish to book is the service call', async () => {
    const c = talkTo(PLUMBING, TUE, CALLER);
    expect(
      await c.say('the kitchen faucet has been dripping for three weeks, my landlord says I can just book someone'),
    ).toMatch(/service call/i);
  });

  it('a business with no visit for any job still asks which service', async () => {
    const c = talkTo(CHIRO, TUE, CALLER);
    expect(await c.say("I'd like to book an appointment please")).toMatch(/What would you like to book/);
  });
});

describe('moves, checks and names in a chatty call (round 8)', () => {
  const PHYSIO: BusinessProfile = open('Norwood Physiotherapy', 'Australia/Adelaide', {
    services: [
      { name: 'Standard Consultation', durationMin: 30 },
      { name: 'Hydrotherapy', durationMin: 45 },
    ],
    staff: [{ name: 'Megan' }, { name: 'Tom' }],
    knowledge: [{ q: 'Do I need a referral?', a: 'No referral is needed.' }],
  });
  // Tuesday 2026-05-12, 10:00 in Adelaide
  const NOW = '2026-05-12T00:30:00Z';
  const MARGARET = '+61881234567';

  it('"I was hoping to move it. Could I do Friday instead?" moves the appointment told of, then says it back', async () => {
    const c = talkTo(PHYSIO, NOW, MARGARET, {
      existing: [
        {
          service: 'Standard Consultation',
          start: '2026-05-14T10:00',
          customerName: 'Margaret Dunstan',
          customerPhone: MARGARET,
        },
      ],
    });
    await c.say(
      "This is Margaret Dunstan. I have an appointment with Megan on Thursday, but my daughter can't drive me on Thursday now",
    );
    expect(await c.say("So I was hoping to move it. Could I do Friday instead? The same time, 10 o'clock")).toMatch(
      /move your standard consultation .*Friday, May 15 at 10 AM\?/i,
    );
    expect(await c.say('Yes please change it')).toMatch(/now on Friday, May 15 at 10 AM/);
    expect(await c.say("So that's Friday the 15th at 10 o'clock now, right?")).toMatch(
      /^Yes, your standard consultation is booked for Friday, May 15 at 10 AM\. Is there anything else/,
    );
    expect(c.world.appointments.filter((a) => a.status === 'booked').map((a) => a.start.slice(0, 16))).toEqual([
      '2026-05-15T10:00',
    ]);
  });

  it('a day said back that is not the one booked is no check of it', async () => {
    const c = talkTo(PHYSIO, NOW, MARGARET);
    await c.say('a standard consultation on Friday at 10 please');
    await c.say('Margaret Dunstan');
    await c.say('yes');
    expect(await c.say("so that's Monday at 10, right?")).not.toMatch(/^Yes, your standard consultation/);
  });

  it('"do I need a letter from the doctor for it?" is answered while a booking waits, not missed', async () => {
    const c = talkTo(PHYSIO, NOW, MARGARET);
    await c.say("I'd like to book hydrotherapy");
    const reply = await c.say('Do I need a letter from the doctor for it?');
    expect(reply).toMatch(/No referral is needed/);
    expect(reply).not.toMatch(/didn't catch/);
  });

  it('a name put right in the same breath is the one booked', async () => {
    const c = talkTo(PHYSIO, NOW, MARGARET);
    await c.say('a standard consultation on Friday at 10 please');
    expect(await c.say('Dazza. Darren Pike sorry lol. 0491 570 156')).toMatch(/for Darren Pike\b.*Shall I book it/);
  });

  it('"I\'m honestly grieving lol" names nobody', async () => {
    const c = talkTo(PHYSIO, NOW, MARGARET);
    expect(
      await c.say("my old physio was amazing, I'm honestly grieving lol. anyway a standard consultation friday at 10?"),
    ).toMatch(/May I have your name/);
  });
});

describe('the service and the name a caller means (round 8)', () => {
  const DRIVING: BusinessProfile = open('Northern Quarter Driving School', 'Europe/London', {
    services: [
      { name: 'Manual Lesson (2 hr)', durationMin: 120, synonyms: ['driving lesson', 'manual lesson'] },
      { name: 'Automatic Lesson (2 hr)', durationMin: 120, synonyms: ['automatic lesson', 'lesson in an automatic'] },
    ],
  });
  const GROOMER: BusinessProfile = open('Suds & Scissors', 'America/Chicago', {
    services: [{ name: 'Full Groom', durationMin: 90 }],
  });
  const LOCKSMITH: BusinessProfile = {
    name: 'Liffey Lock & Key',
    timezone: 'Europe/Dublin',
    hours: { mon: [['09:00', '17:00']] },
    escalationNumber: '+35318675309',
    services: [{ name: 'Lock Change', durationMin: 60 }],
  };

  it('"a driving lesson but in an automatic" is the automatic lesson; "a driving lesson" the manual one', async () => {
    expect(
      await talkTo(DRIVING, TUE, CALLER).say('i want to book a driving lesson but in an automatic please'),
    ).toMatch(/automatic lesson/i);
    expect(await talkTo(DRIVING, TUE, CALLER).say('i want to book a driving lesson')).toMatch(/manual lesson/i);
  });

  it('"…and the dog\'s name is Maple" books under the owner\'s name', async () => {
    const c = talkTo(GROOMER, TUE, CALLER);
    await c.say('a full groom on Friday at 11 please');
    expect(await c.say("Jess Moreau, 512-555-0164 - and the dog's name is Maple")).toMatch(/for Jess Moreau/);
  });

  it('"ok please send someone" after the alert keeps the alert, it books nothing', async () => {
    // Sunday 2026-05-17, 22:00 in Dublin: closed
    const c = talkTo(LOCKSMITH, '2026-05-17T21:00:00Z', CALLER);
    expect(await c.say("I'm locked out of my house with my baby, can anyone come out now??")).toMatch(/urgent alert/);
    await c.say('Aoife Brennan');
    const reply = await c.say("ok please send someone, I'll wait by the door");
    expect(reply).toMatch(/has your alert/);
    expect(reply).not.toMatch(/What would you like to book/);
    expect(c.world.appointments).toHaveLength(0);
  });
});

describe('two bookings in one call, one changed and one kept (round 8)', () => {
  const GARAGE2: BusinessProfile = open('Westgate Garage', 'Europe/London', {
    services: [{ name: 'MOT', durationMin: 45 }],
  });
  const CLINIC2: BusinessProfile = open('Riverbend Physiotherapy', 'America/Denver', {
    services: [{ name: 'Physio Follow-up', durationMin: 30 }],
  });

  it('"could you do my wife\'s straight after mine?" is right after the booking just made', async () => {
    const c = talkTo(GARAGE2, TUE, CALLER);
    await c.say('I need an MOT for my Golf - could you do Friday at 9am?');
    await c.say('Gary Barnes');
    await c.say('yes');
    expect(
      await c.say(
        "Oh actually, one more thing - my wife's Fiesta is due its MOT as well. Could you do it straight after mine? Put it under her name, Claire Barnes.",
      ),
    ).toMatch(/Friday, May 15 at 9:45 AM.*for Claire Barnes/);
    await c.say('yes please');
    expect(await c.say('Brilliant, cheers. Ta-ra!')).toMatch(/Have a great day/);
  });

  it('"move my physio on Friday the 22nd to the following Friday… keep my Monday appointment" moves the 22nd', async () => {
    const c = talkTo(CLINIC2, TUE, CALLER, {
      existing: [
        { service: 'Physio Follow-up', start: '2026-05-18T10:00', customerName: 'Jordan Lee', customerPhone: CALLER },
        { service: 'Physio Follow-up', start: '2026-05-22T10:00', customerName: 'Jordan Lee', customerPhone: CALLER },
      ],
    });
    await c.say(
      'Hi, I need to move my physio on Friday the 22nd to the following Friday, the 29th, same time. Keep my Monday appointment as it is though.',
    );
    expect(await c.say('Jordan Lee')).toMatch(/from Friday, May 22 at 10 AM to Friday, May 29 at 10 AM\?/);
  });

  it('"cancel the Thursday one, not Monday. I\'m still coming Monday" offers to cancel Thursday\'s', async () => {
    const c = talkTo(CLINIC2, TUE, CALLER, {
      existing: [
        { service: 'Physio Follow-up', start: '2026-05-18T17:00', customerName: 'Jordan Lee', customerPhone: CALLER },
        { service: 'Physio Follow-up', start: '2026-05-14T17:00', customerName: 'Jordan Lee', customerPhone: CALLER },
      ],
    });
    expect(
      await c.say(
        "I need to cancel one of my sessions - the Thursday one please, not Monday. I'm still coming Monday.",
      ),
    ).toMatch(/Thursday, May 14 at 5 PM\. Would you like me to cancel it/);
  });
});
