// Invariant: a returning caller who only checks a booking ("just checking I'm still on for my cleaning
// Thursday?", "calling to confirm my oil change tomorrow at nine") hears the booking on file, and nothing new
// is booked. A caller who asks for a time right after a booking of theirs ("I've got a cut with Marco tomorrow
// at two, can I add a beard trim right after?", "a kids' cut for my lad straight after mine") gets the moment it
// ends, found under the number they call from; a chat, or a number without that booking, is not looked up.
// Of two bookings, the one meant is told by its service with the other kept ("the filling on Friday, keep the
// cleaning"), by the weekday of one further off, or by whom it is for ("just Anika's").
import { describe, expect, it } from 'vitest';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+14035550166';
const DENTAL: BusinessProfile = {
  name: 'Bow River Dental',
  timezone: 'America/Edmonton',
  industry: 'dental',
  hours: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '17:00']],
  },
  escalationNumber: '+14035550100',
  services: [
    { name: 'Cleaning', durationMin: 60 },
    { name: 'Oil Change', durationMin: 30 },
  ],
};
// Monday 2027-01-11, 10:00 in Edmonton
const MON = '2027-01-11T17:00:00Z';

describe('checking a booking is not booking one', () => {
  it.each([
    ["Hi there, just checking I'm still on for my cleaning Thursday morning?", 'Cleaning', '2027-01-14T09:00'],
    ['Hi, just calling to confirm my oil change tomorrow at nine.', 'Oil Change', '2027-01-12T09:00'],
    ['Am I still booked in for Thursday?', 'Cleaning', '2027-01-14T09:00'],
  ])('"%s" hears the booking on file', async (line, service, start) => {
    const c = talkTo(DENTAL, MON, CALLER, {
      existing: [{ service, start, customerName: 'Owen Marsh', customerPhone: CALLER }],
    });
    const reply = await c.say(line);
    expect(reply).toMatch(/9 AM/);
    expect(reply).not.toMatch(/which works better|I have \d/i);
    expect(c.world.appointments).toHaveLength(1);
  });
});

const BARBER: BusinessProfile = {
  name: 'Kemal Barbers',
  timezone: 'America/Toronto',
  hours: DENTAL.hours,
  escalationNumber: '+14165550100',
  services: [
    { name: 'Haircut', durationMin: 45 },
    { name: 'Beard Trim', durationMin: 15 },
    { name: 'Kids Cut', durationMin: 30 },
  ],
  staff: [
    { name: 'Marco', services: ['Haircut', 'Beard Trim', 'Kids Cut'] },
    { name: 'Gemma', services: ['Haircut', 'Beard Trim', 'Kids Cut'] },
  ],
};
const ANDRE = '+14165550192';
// Wednesday 2027-03-10, 10:00 in Toronto
const WED = '2027-03-10T15:00:00Z';
const HIS = [{ service: 'Haircut', start: '2027-03-11T14:00', customerName: 'Andre Brown', customerPhone: ANDRE }];

describe('a booking right after one the caller has', () => {
  it.each([
    [
      "Yo, it's Andre. I've got a cut with Marco tomorrow at two. Can I add a beard trim onto that, right after?",
      'Beard Trim',
    ],
    ["It's Andre, I'm in tomorrow at 2. Could my lad get a kids' cut straight after mine?", 'Kids Cut'],
  ])('"%s" is booked when theirs ends', async (line, service) => {
    const c = talkTo(BARBER, WED, ANDRE, { existing: HIS });
    expect(await c.say(line)).toMatch(/2:45 PM/);
    await c.say('yes');
    const added = c.world.appointments.find((a) => a.serviceName === service);
    expect(added?.start).toMatch(/^2027-03-11T14:45/);
  });

  it('another number is not looked up: the time said is the wish', async () => {
    const c = talkTo(BARBER, WED, '+14165550111', { existing: HIS });
    const reply = await c.say("I've got a cut tomorrow at two. Can I add a beard trim right after?");
    expect(reply).not.toMatch(/2:45 PM is open/);
  });
});

describe('which of two bookings the caller means', () => {
  const FAMILY = '+17135550145';
  it('"The filling on Friday. Keep the cleaning, please." cancels the filling a week on', async () => {
    const c = talkTo(DENTAL, MON, FAMILY, {
      existing: [
        { service: 'Cleaning', start: '2027-01-19T09:00', customerName: 'Farah Siddiqui', customerPhone: FAMILY },
        { service: 'Oil Change', start: '2027-01-22T15:00', customerName: 'Farah Siddiqui', customerPhone: FAMILY },
      ],
    });
    expect(await c.say("Hi, it's Farah Siddiqui. I need to cancel my appointment, please.")).toMatch(/Which one/);
    expect(await c.say('The oil change on Friday. Keep the cleaning, please.')).toMatch(/January 22/);
    await c.say('yes');
    expect(c.world.appointments.map((a) => a.status)).toEqual(['booked', 'cancelled']);
  });

  it("\"Yes, just Anika's.\" cancels the daughter's and keeps the mother's", async () => {
    const c = talkTo(DENTAL, MON, FAMILY, {
      existing: [
        { service: 'Cleaning', start: '2027-01-14T16:00', customerName: 'Priya Nair', customerPhone: FAMILY },
        { service: 'Cleaning', start: '2027-01-14T16:45', customerName: 'Anika Nair', customerPhone: FAMILY },
      ],
    });
    await c.say("Hi, it's Priya Nair, I need to cancel one of our cleanings on Thursday");
    expect(await c.say("Yes, just Anika's.")).toMatch(/4:45 PM/);
    await c.say('yes');
    expect(c.world.appointments.find((a) => a.customerName === 'Anika Nair')?.status).toBe('cancelled');
    expect(c.world.appointments.find((a) => a.customerName === 'Priya Nair')?.status).toBe('booked');
  });
});

describe("a time in the caller's own zone", () => {
  it("is booked in the business's clock and read back with the caller's beside it", async () => {
    const TAX: BusinessProfile = {
      ...DENTAL,
      name: 'Rocky Mountain Tax',
      timezone: 'America/Denver',
      industry: 'other',
    };
    // Monday 2027-02-22, 09:00 in Denver
    const c = talkTo(TAX, '2027-02-22T16:00:00Z', '+12125550165');
    expect(await c.say("A cleaning this Wednesday at 3 o'clock my time, I'm in New York.")).toMatch(
      /1 PM \(3 PM your time\) is open/,
    );
    expect(await c.say('Benjamin Adler')).toMatch(/1 PM \(3 PM your time\)/);
    await c.say('yes');
    expect(c.world.appointments[0].start).toMatch(/^2027-02-24T13:00/);
  });
});

describe('what days the business works', () => {
  it('"what days do you do grooming?" names the open days', async () => {
    const GROOMER: BusinessProfile = {
      ...DENTAL,
      name: 'Tails on Wheels',
      hours: { tue: [['08:00', '17:00']], thu: [['08:00', '17:00']], sat: [['09:00', '15:00']] },
      services: [{ name: 'Mobile Groom', durationMin: 90, synonyms: ['grooming'] }],
    };
    const reply = await talkTo(GROOMER, MON, CALLER).say('Hi, what days do you do grooming?');
    expect(reply).toMatch(/Tuesday.*Thursday.*Saturday/);
    expect(reply).not.toMatch(/Yes, we do/);
  });

  it('"sorry i meant 4 not 5!!" at the read-back moves the time to 4', async () => {
    const c = talkTo(DENTAL, MON, CALLER);
    expect(await c.say('book me in for a cleaning fri at 2 pls. its destiny')).toMatch(/2 PM/);
    expect(await c.say('sorry i meant 4 not 2!!')).toMatch(/Friday, January 15 at 4 PM/);
  });
});

describe('the offer nearest a time', () => {
  it('"whatever\'s closest to six is fine" takes the offer nearest 6', async () => {
    const NAILS: BusinessProfile = {
      ...DENTAL,
      hours: { thu: [['10:00', '20:00']] },
      services: [{ name: 'Pedicure', durationMin: 75 }],
    };
    const c = talkTo(NAILS, MON, CALLER, { existing: [{ service: 'Pedicure', start: '2027-01-14T17:30' }] });
    expect(await c.say('a pedicure Thursday at 6')).toMatch(/I have .*(4:15 PM|6:45 PM)/);
    await c.say("Whatever's closest to six is fine.");
    expect(await c.say('Dana Reed')).toMatch(/Thursday, January 14 at (4:15|6:45) PM/);
  });
});

describe('a price asked in the same breath as a booking', () => {
  const REPAIR: BusinessProfile = {
    ...DENTAL,
    name: 'Fix-It Phones',
    timezone: 'Europe/London',
    hours: { sat: [['09:00', '17:00']] },
    services: [
      { name: 'Screen Replacement', durationMin: 60 },
      { name: 'Battery Replacement', durationMin: 45 },
    ],
    knowledge: [
      { q: 'How much is an iPhone 13 screen?', a: 'An iPhone 13 screen replacement is £119 including fitting.' },
      {
        q: 'How much is a Samsung Galaxy S22 screen?',
        a: 'A Galaxy S22 screen replacement is £159 including fitting.',
      },
    ],
  };
  it.each([
    "Dropped my iPhone 13 and the screen's smashed. How much to fix it and can I bring it in Saturday around 11?",
    "My iPhone 13 screen's cracked. Could I bring it in Saturday at 11? And what's that run?",
  ])('"%s" is answered and the time looked for', async (line) => {
    const c = talkTo(REPAIR, MON, '+447700900214');
    const reply = await c.say(line);
    expect(reply).toMatch(/£119/);
    expect(reply).not.toMatch(/£159/);
    expect(reply).toMatch(/Saturday, January 16/);
  });
});

describe('a day corrected, the time kept', () => {
  it('"No, sorry — I mean Wednesday, later this morning. It\'s past midnight" keeps 10 AM on the Wednesday', async () => {
    // Wednesday 2027-01-13, 00:40 in Edmonton
    const c = talkTo(DENTAL, '2027-01-13T07:40:00Z', CALLER, {
      existing: [{ service: 'Cleaning', start: '2027-01-13T08:00' }],
    });
    expect(await c.say('just booking my cleaning while i remember — tomorrow morning at 10?')).toMatch(
      /Thursday, January 14 at 10 AM/,
    );
    expect(
      await c.say(
        "No, sorry — I mean Wednesday, later this morning. It's past midnight, I just haven't gone to bed yet!",
      ),
    ).toMatch(/Wednesday, January 13 at 10 AM/);
  });

  it('"a service with a day and a time beside a question" is booked: "need shots for my cat. ur closed fri n sat rite? so mon the 3rd, 9ish?"', async () => {
    const VET: BusinessProfile = {
      ...DENTAL,
      services: [{ name: 'Vaccination', durationMin: 20, synonyms: ['shots'] }],
    };
    const reply = await talkTo(VET, MON, CALLER).say(
      'hi need shots for my cat. ur closed fri n sat rite? so mon the 18th, 9ish?',
    );
    expect(reply).toMatch(/Monday, January 18 at 9 AM is open/);
  });
});

describe('moving a service of their own, by its name', () => {
  const SPA: BusinessProfile = {
    ...DENTAL,
    services: [
      { name: 'Relaxation Massage', durationMin: 60 },
      { name: 'Sports Massage', durationMin: 60 },
      { name: 'Private Session', durationMin: 55 },
    ],
  };
  it.each([
    'Kia ora, I need to move my massage please.',
    'Could I push my private session on Wednesday to the following Wednesday, same time?',
    'can we cancel our massage',
  ])('"%s" on the chat asks for the number the booking is under, and offers nothing new', async (line) => {
    const c = talkTo(SPA, MON, undefined as unknown as string);
    const reply = await c.say(line);
    expect(reply).toMatch(/phone number the appointment is under/);
    expect(reply).not.toMatch(/Would that be|Which works better|is open/);
  });
});

describe('a staff member asked for a service they do not do', () => {
  it('"balayage with Marco on Saturday at 10" says Marco does not, and books it with the one who does', async () => {
    const SALON: BusinessProfile = {
      ...DENTAL,
      hours: { sat: [['09:00', '17:00']] },
      services: [
        { name: "Women's Haircut", durationMin: 60 },
        { name: 'Highlights & Balayage', durationMin: 180 },
      ],
      staff: [
        { name: 'Marco', services: ["Women's Haircut"] },
        { name: 'Lena', services: ["Women's Haircut", 'Highlights & Balayage'] },
      ],
    };
    const c = talkTo(SALON, MON, CALLER);
    const reply = await c.say('Hi, I want to book balayage with Marco on Saturday at 10.');
    expect(reply).toMatch(
      /Marco doesn't do highlights & balayage, but Lena does\. Saturday, January 16 at 10 AM is open/,
    );
    await c.say('Sofia Marchetti');
    await c.say('yes');
    expect(c.world.appointments[0]).toMatchObject({ serviceName: 'Highlights & Balayage' });
  });
});

describe('a weekday after the day talked about', () => {
  it('"then the Tuesday right after" a holiday Monday is the day after it, not next week\'s from today', async () => {
    const PT: BusinessProfile = {
      ...DENTAL,
      holidays: ['2027-02-15'],
      services: [{ name: 'Follow-up', durationMin: 30 }],
    };
    // Friday 2027-02-05, 09:00 in Edmonton
    const c = talkTo(PT, '2027-02-05T16:00:00Z', CALLER);
    expect(await c.say('a follow-up visit ten days from today')).toMatch(/closed on Monday, February 15/);
    await c.say(
      "Oh, of course, it's the holiday. Then the Tuesday right after, first thing in the morning if you can.",
    );
    await c.say('Walter Pruitt');
    expect(await c.say('yes')).toMatch(/Tuesday, February 16 at 8 AM/);
  });
});

describe('messages and quotes', () => {
  const ELECTRIC: BusinessProfile = {
    ...DENTAL,
    industry: 'electrical',
    services: [{ name: 'EV Charger Install', durationMin: 180 }],
  };
  it('"I just want it emailed to me, nobody needs to come out" takes the request for the quote, and books nothing', async () => {
    const c = talkTo(ELECTRIC, MON, CALLER);
    const first = await c.say(
      "i'm looking to get a quote for putting in a e v charger in my garage but i just want it emailed to me for now nobody needs to come out",
    );
    expect(first).not.toMatch(/What day and time/);
    await c.say('Siobhan Murphy');
    await c.say('siobhan dot murphy at outlook dot com');
    await c.say("no that's everything thank you");
    expect(c.world.messages.length + c.world.leads.length).toBeGreaterThan(0);
    expect(c.world.appointments).toHaveLength(0);
  });

  it('"have her call me on my cell instead, it\'s …" after a message is passed on goes with the message', async () => {
    const c = talkTo(ELECTRIC, MON, CALLER);
    await c.say("I'm calling for Linda, she said she'd call me back but I haven't heard anything");
    await c.say("Marcus O'Neal");
    const reply = await c.say(
      "can you have her call me on my cell instead it's seven seven three five five five zero one six eight",
    );
    expect(reply).toMatch(/added that/);
    expect(reply).not.toMatch(/upcoming appointment/);
    expect(c.world.leads.some((l) => l.phone === '+17735550168')).toBe(true);
  });
});

describe('answers at the read-back and among offers', () => {
  it('"This number\'s fine." to a read-back that names the number books it', async () => {
    const c = talkTo(DENTAL, MON, CALLER);
    await c.say('a cleaning Thursday at 10');
    expect(await c.say('Owen Marsh')).toMatch(/we'll reach you at/);
    expect(await c.say("This number's fine.")).toMatch(/You're all set/);
  });

  it('"Oh, you open at ten? Okay, ten then." among offers takes 10', async () => {
    const SHOP: BusinessProfile = { ...DENTAL, hours: { fri: [['10:00', '18:00']] } };
    const c = talkTo(SHOP, MON, CALLER);
    expect(await c.say('a cleaning Friday at nine?')).toMatch(/10 AM/);
    expect(await c.say('Oh, you open at ten? Okay, ten then.')).toMatch(/name/);
  });

  it('"make it a bath and tidy instead" after a full groom for a small dog is the small dog\'s bath', async () => {
    const GROOM: BusinessProfile = {
      ...DENTAL,
      services: [
        { name: 'Full Groom - Small Dog', durationMin: 90 },
        { name: 'Full Groom - Large Dog', durationMin: 120 },
        { name: 'Bath & Tidy - Small Dog', durationMin: 45 },
        { name: 'Bath & Tidy - Large Dog', durationMin: 60 },
      ],
    };
    const c = talkTo(GROOM, MON, CALLER);
    await c.say("a full groom for my cavoodle, she's about eight kilos, Wednesday at nine");
    const reply = await c.say('Actually, can we just make it a bath and tidy instead, at nine?');
    expect(reply).not.toMatch(/Would that be/);
    await c.say('Chloe Bennett');
    expect(await c.say('yes')).toMatch(/bath & tidy - small dog/);
  });
});

describe('where the work is done', () => {
  const PC: BusinessProfile = {
    ...DENTAL,
    name: 'Bow Valley PC Repair',
    industry: 'other',
    services: [{ name: 'Virus & Malware Removal', durationMin: 60 }],
  };
  it('"Can I bring it in tomorrow around 10?" asks no address, and a malware removal is no junk removal', async () => {
    const c = talkTo(PC, MON, CALLER);
    await c.say("My laptop keeps getting pop-ups saying it's infected. Can I bring it in tomorrow around 10?");
    expect(await c.say('Aaron Whitfield')).toMatch(/Just to confirm/);
  });
  it('a plumber asked to "come by" still asks where', async () => {
    const PLUMBER: BusinessProfile = {
      ...DENTAL,
      industry: 'plumbing',
      services: [{ name: 'Drain Cleaning', durationMin: 60 }],
    };
    const c = talkTo(PLUMBER, MON, CALLER);
    await c.say('can someone come by tomorrow at 10 to clean out a slow drain?');
    expect(await c.say('Aaron Whitfield')).toMatch(/address/);
  });
});

describe('sooner than a booking of their own', () => {
  it('"I have a cleaning on Friday. Is there anything earlier this week?" looks at the caller\'s booking', async () => {
    const c = talkTo(DENTAL, MON, CALLER, {
      existing: [{ service: 'Cleaning', start: '2027-01-15T14:30', customerName: 'Owen Marsh', customerPhone: CALLER }],
    });
    const reply = await c.say("Hi, it's Owen Marsh. I have a cleaning on Friday. Is there anything earlier this week?");
    expect(reply).not.toMatch(/^I can do Friday, January 15 at 2:30 PM/);
    expect(c.world.appointments).toHaveLength(1);
  });
});

describe('returning callers on the phone, round 6', () => {
  const HIS = [{ service: 'Cleaning', start: '2027-01-15T10:00', customerName: 'Devon Price', customerPhone: CALLER }];
  it('"same time next week" of a booking said with its own time moves it a week on', async () => {
    const c = talkTo(DENTAL, MON, CALLER, { existing: HIS });
    await c.say(
      "Hey, it's Devon Price. I got a cleaning Friday at ten, but something came up. Can you move it to the same time next week?",
    );
    const reply = c.said.slice(-1)[0];
    expect(reply).toMatch(/Friday, January 22 at 10 AM/);
  });

  it('"That\'s it, thank you!" to the move read back is a yes', async () => {
    const c = talkTo(DENTAL, MON, CALLER, { existing: HIS });
    expect(await c.say("Hi, it's Devon Price. Could I move my cleaning on Friday to 2 the same day?")).toMatch(
      /Just to confirm/,
    );
    expect(await c.say("That's it, thank you!")).toMatch(/Done/);
  });

  it('"I\'m booked Friday at ten… is there anything earlier?" looks for earlier than the booking, and books nothing new', async () => {
    const c = talkTo(DENTAL, MON, CALLER, { existing: HIS });
    const reply = await c.say(
      "Hi, it's Devon Price. I'm booked Friday at ten but my tooth hurts. Is there anything earlier? Tomorrow morning would be ideal.",
    );
    expect(reply).not.toMatch(/What would you like to book/);
    expect(c.world.appointments).toHaveLength(1);
  });

  it('"stuck behind a wreck, gonna be fifteen minutes late" is no emergency', async () => {
    const c = talkTo(DENTAL, MON, CALLER, { existing: HIS });
    const reply = await c.say(
      "Hey, it's Devon. I've got the ten o'clock, but I'm stuck behind a wreck on 85 and I'm gonna be fifteen minutes late.",
    );
    expect(reply).not.toMatch(/911|urgent/i);
    expect(c.world.escalations).toHaveLength(0);
  });

  it('a cancellation, then "put me in Thursday instead", books the same service again', async () => {
    const c = talkTo(DENTAL, MON, CALLER, { existing: HIS });
    await c.say("Hi, it's Devon Price, I need to cancel my cleaning on Friday.");
    expect(await c.say('Just cancel it, please.')).toMatch(/cancelled/);
    const reply = await c.say('Actually, can you put me in Thursday instead, first thing in the morning?');
    expect(reply).not.toMatch(/What would you like to book/);
    expect(reply).toMatch(/Thursday, January 14/);
  });
});

describe('a booking for someone else', () => {
  const BARBER: BusinessProfile = {
    ...DENTAL,
    hours: { sat: [['09:00', '17:00']] },
    services: [
      { name: "Men's Cut", durationMin: 30 },
      { name: 'Kids Cut (12 & under)', durationMin: 30 },
      { name: 'Beard Trim', durationMin: 15 },
    ],
  };
  it.each([
    [
      "Hi, it's Siobhan Carter, could I book my lad a kids' cut Saturday at 10?",
      'son',
      'Alfie Carter',
      'Kids Cut (12 & under)',
    ],
    [
      "Can I bring my little guy in for a trim Saturday at 9:30? He's 6.",
      'son',
      'Noah MacDonald',
      'Kids Cut (12 & under)',
    ],
    ["Hi, it's Jen, can I book a men's cut for my husband Saturday at 11?", 'husband', 'Tom Baker', "Men's Cut"],
  ])('"%s" asks the %s\'s name and books it under it', async (line, relative, name, service) => {
    const c = talkTo(BARBER, MON, CALLER);
    expect(await c.say(line)).toMatch(
      new RegExp(`What name should the booking be under, your name or your ${relative}'s\\?`),
    );
    expect(await c.say(name)).toMatch(new RegExp(`for ${name}`));
    await c.say('yes');
    expect(c.world.appointments[0]).toMatchObject({ serviceName: service, customerName: name });
  });

  it("the caller's own booking is under the caller's name", async () => {
    const c = talkTo(BARBER, MON, CALLER);
    expect(await c.say("Hi, it's Dana Reed, can I book a men's cut Saturday at 11?")).toMatch(/for Dana Reed/);
  });
});
