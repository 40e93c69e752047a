// Invariant: a caller who changes the service at the read-back to a combination the business lists ("can you make
// that a cut and beard?" at a shop with a "Haircut + Beard") gets that one service in place of the first, not the
// first plus another; a service only added ("and a beard trim too") still comes after it. "Appreciate it" after
// "anything else?" ends the call politely instead of "Sorry, I didn't catch that". A caller whose booking is not
// found under the number they call from a second time, or who asks for someone else's ("my wife's appointment"),
// is offered a message for the team plainly, and a yes takes what they asked as the message.
import { describe, expect, it } from 'vitest';
import { createNlu } from './nlu/index.js';
import { weekdays } from './test-support/businesses.js';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+17045550166';
const BARBER: BusinessProfile = {
  name: 'Queen City Fades',
  timezone: 'America/New_York',
  hours: {
    tue: [['09:00', '19:00']],
    wed: [['09:00', '19:00']],
    thu: [['09:00', '19:00']],
    fri: [['09:00', '19:00']],
  },
  escalationNumber: '+17045550100',
  services: [
    { name: 'Haircut', durationMin: 30, synonyms: ['fade'] },
    { name: 'Haircut + Beard', durationMin: 45 },
    { name: 'Beard Trim', durationMin: 20 },
  ],
};
// Tuesday 2027-10-26, 10:30 in Charlotte
const TUE = '2027-10-26T14:30:00Z';

describe('a combination named at the read-back replaces the service held', () => {
  it.each([
    'Oh wait, can you make that a cut and beard?',
    'Actually make it a cut and beard instead',
    'Could I do the haircut and beard one instead?',
  ])('"%s" books the Haircut + Beard alone', async (line) => {
    const c = talkTo(BARBER, TUE, CALLER);
    const readBack = await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER);
    expect(readBack).toMatch(/a haircut on Friday.*4 PM.*Shall I book/i);
    const changed = await c.say(line);
    expect(changed).toMatch(/a haircut \+ beard on Friday/i);
    expect(changed).not.toMatch(/right after/i);
    await c.say('Yes');
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Haircut + Beard']);
  });

  it('a beard trim added at the read-back comes after the haircut', async () => {
    const c = talkTo(BARBER, TUE, CALLER);
    await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER);
    expect(await c.say('and a beard trim too please')).toMatch(/haircut.*then a beard trim right after/i);
  });

  it('"Appreciate it." after "anything else?" says goodbye', async () => {
    const c = talkTo(BARBER, TUE, CALLER);
    await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER, 'Yes');
    const bye = await c.say('Appreciate it.');
    expect(bye).not.toMatch(/didn't catch/i);
    expect(c.convo.done).toBe(true);
  });
});

const DENTAL: BusinessProfile = {
  name: 'Maple Dental',
  timezone: 'America/Chicago',
  industry: 'dental',
  hours: BARBER.hours,
  escalationNumber: '+13125550100',
  services: [{ name: 'Cleaning', durationMin: 60 }],
};
const HUSBAND = '+13125550188';
const WIFE = {
  service: 'Cleaning',
  start: '2027-10-29T10:00',
  customerName: 'Sarah Jones',
  customerPhone: '+13125550142',
};

describe("a booking not found under the caller's number is offered as a message", () => {
  it("a husband cancelling his wife's booking from his own number is offered a message, and a yes takes it", async () => {
    const c = talkTo(DENTAL, TUE, HUSBAND, { existing: [WIFE] });
    const first = await c.say("Hi, I need to cancel my wife's appointment on Friday, her name is Sarah Jones");
    expect(first).toMatch(/can't find that appointment.*take a message/i);
    expect(first).toMatch(/would you like me to do that\?$/i);
    await c.say('Yes please', 'Michael Jones');
    expect(c.world.messages).toHaveLength(1);
    expect(c.world.messages[0].text).toMatch(/Sarah Jones/);
    expect(c.world.appointments.every((a) => a.status === 'booked')).toBe(true);
  });

  it('asked twice for their own booking, the caller hears the message offered the second time', async () => {
    const c = talkTo(DENTAL, TUE, HUSBAND, { existing: [WIFE] });
    expect(await c.say('I need to cancel my appointment on Friday')).toMatch(/tell me that number/i);
    const again = await c.say("Can't you just cancel my Friday appointment?");
    expect(again).toMatch(/take a message.*would you like me to do that\?$/i);
    await c.say('Yes', 'Michael Jones');
    expect(c.world.messages[0].text).toMatch(/cancel my appointment on Friday.*just cancel/i);
  });
});

const GROOMER: BusinessProfile = {
  name: 'Muddy Paws Grooming',
  timezone: 'America/New_York',
  hours: BARBER.hours,
  services: [
    { name: 'Bath and brush', durationMin: 60, priceCents: 5500 },
    { name: 'Full groom', durationMin: 120, priceCents: 8500 },
  ],
};
const CLINIC: BusinessProfile = {
  name: 'Liffey Hearing Centre',
  timezone: 'America/New_York',
  hours: BARBER.hours,
  services: [{ name: 'Hearing test', durationMin: 45 }],
  knowledge: [
    {
      q: 'Is the clinic wheelchair accessible?',
      a: "Yes, there's a step-free entrance and an accessible toilet. Disabled parking bays are on Strand Street.",
    },
  ],
};
const SHOP: BusinessProfile = {
  name: 'Fade Factory',
  timezone: 'America/New_York',
  hours: BARBER.hours,
  services: [{ name: 'Cut', durationMin: 30 }],
  knowledge: [{ q: 'Are you hiring?', a: 'Email your resume to jobs@fadefactory.example.' }],
};
const ROOFER: BusinessProfile = {
  name: 'Hartley Roofing',
  timezone: 'America/New_York',
  hours: BARBER.hours,
  services: [{ name: 'Roof inspection', durationMin: 60 }],
};

describe('calls that are not a booking', () => {
  it('"how much is it?" while a full groom is being booked is the full groom\'s price', async () => {
    const c = talkTo(GROOMER, TUE, CALLER);
    await c.say("Hi! I'd like to book a full groom for my goldendoodle");
    expect(await c.say('Hang on, before we pick a time, how much is it?')).toMatch(/full groom is \$85/i);
    expect(await c.say('And how long does it take?')).toMatch(/full groom takes about 2 hours/i);
  });

  it('a question asked for a relative is answered from the FAQ ("my father uses a wheelchair…")', async () => {
    const c = talkTo(CLINIC, TUE, CALLER);
    expect(await c.say('Hello, my father uses a wheelchair. Would he be able to get into your clinic ok?')).toMatch(
      /step-free/,
    );
    expect(await c.say('Is there anywhere close by to park with a disabled badge?')).toMatch(/Strand Street/);
  });

  it('"yo are yall hiring barbers" hears the FAQ, not a booking', async () => {
    const c = talkTo(SHOP, TUE, CALLER);
    const reply = await c.say('yo are yall hiring barbers');
    expect(reply).toMatch(/jobs@fadefactory/);
    expect(reply).not.toMatch(/what day|which day/i);
  });

  it('a supplier trying to reach a named person leaves a message', async () => {
    const c = talkTo(SHOP, TUE, CALLER);
    await c.say("Hello, this is Rachel Kim from Northway Supply. I'm trying to reach Dr. Osei about an order.");
    expect(c.world.messages).toHaveLength(1);
    expect(c.world.messages[0]).toMatchObject({ name: 'Rachel Kim' });
    expect(c.world.leads.filter((l) => /order/.test(l.need))).toHaveLength(c.world.leads.length);
  });

  it('a service not offered is said so, with what is, and "ok no worries" takes no message', async () => {
    const c = talkTo(SHOP, TUE, CALLER);
    expect(await c.say('do you do eyelash extensions?')).toMatch(
      /don't see eyelash extensions among our services: we offer cut/i,
    );
    await c.say('ok no worries');
    expect(c.world.messages).toHaveLength(0);
  });

  it('a price for work not listed becomes a lead for a call-back with the question in it', async () => {
    const c = talkTo(ROOFER, TUE, CALLER);
    expect(await c.say('How much do you charge to replace a roof? Ranch house, about 1800 sq ft')).toMatch(
      /take a message/,
    );
    await c.say("Just a ballpark is fine, I won't hold you to it", 'Greg Lindqvist');
    // a quote for work at the caller's place: the place is asked for the team
    await c.say('4410 Brandywine Drive, Columbus');
    expect(c.world.messages).toHaveLength(0);
    expect(c.world.leads[0]).toMatchObject({ name: 'Greg Lindqvist', phone: CALLER });
    expect(c.world.leads[0].need).toMatch(/replace a roof.*ballpark/i);
  });

  it('"I\'ll sort it out with my partner and book later" books nothing', async () => {
    const c = talkTo(GROOMER, TUE, CALLER);
    await c.say('how much is a full groom?');
    expect(await c.say("Thanks heaps, I'll sort it out with my partner and book later")).not.toMatch(/what day/i);
  });
});

describe('particular callers who do want to book', () => {
  it('"I need to be done by 11" offers only times that end by 11', async () => {
    const c = talkTo(GROOMER, TUE, CALLER, {
      existing: [
        { service: 'Bath and brush', start: '2027-10-27T09:00' },
        { service: 'Bath and brush', start: '2027-10-27T10:00' },
      ],
    });
    const reply = await c.say("I'd like a bath and brush tomorrow, I need to be done by 11");
    // 9 and 10 are taken; 10:15 onwards would end after 11
    expect(reply).not.toMatch(/10:15|10:30|10:45|11 AM/);
    expect(reply).toMatch(/don't have an opening|no openings|Thursday|Friday/i);
  });

  it('"Any weekday morning… I work afternoons" is offered mornings', async () => {
    const c = talkTo(GROOMER, TUE, CALLER);
    const reply = await c.say(
      'Can I book a bath and brush? Any weekday morning except Mondays, whichever is earliest. I work afternoons.',
    );
    expect(reply).toMatch(/\b(8|9|10|11)(:\d\d)? AM\b/);
    expect(reply).not.toMatch(/PM|noon/);
  });

  it('"a gel mani and a pedi" books the manicure first, not a gel pedicure alone', async () => {
    const NAILS: BusinessProfile = {
      ...GROOMER,
      name: 'Camden Nail Lounge',
      services: [
        { name: 'Gel Manicure', durationMin: 45 },
        { name: 'Classic Pedicure', durationMin: 45 },
        { name: 'Gel Pedicure', durationMin: 60 },
      ],
    };
    const c = talkTo(NAILS, TUE, CALLER);
    expect(await c.say('can I get a gel mani and a pedi on Friday at 2? mani first')).not.toMatch(/gel pedicure on/i);
  });
});

describe('a read-back agreed to by saying the time back', () => {
  const SHOP2: BusinessProfile = {
    ...BARBER,
    staff: [
      { name: 'Dave', services: ['Haircut'] },
      { name: 'Jordan', services: ['Haircut'] },
    ],
  };
  it.each(['Friday at 4 is perfect, thanks', "4 on Friday works, as long as it's not Dave"])(
    '"%s" books it',
    async (line) => {
      const c = talkTo(SHOP2, TUE, CALLER);
      const readBack = await c.say('Can I get a haircut with Jordan Friday at 4?', 'Jamal Wright', CALLER);
      expect(readBack).toMatch(/4 PM with Jordan.*Shall I book/);
      expect(await c.say(line)).toMatch(/you're all set/i);
      expect(c.world.appointments).toHaveLength(1);
    },
  );

  it('a different time said back is a change, not a yes', async () => {
    const c = talkTo(BARBER, TUE, CALLER);
    await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER);
    expect(await c.say('Friday at 5 is better actually')).toMatch(/5 PM.*Shall I book/);
  });
});

describe('a booking asked for with a question beside it', () => {
  const BIKES: BusinessProfile = {
    ...GROOMER,
    name: 'Riccarton Cycle Works',
    services: [
      { name: 'Full bike service', durationMin: 60, priceCents: 8900 },
      { name: 'Puncture repair', durationMin: 15, priceCents: 2500 },
    ],
  };
  it('"can I book my bike in for a full service? … can you fix that while it\'s there" books, and the rest is agreed', async () => {
    const c = talkTo(BIKES, TUE, CALLER);
    const first = await c.say(
      "can I book my bike in for a full service? And there's a slow puncture in the back tyre, can you fix that while it's there",
    );
    expect(first).toMatch(/what day and time would you like for your full bike service/i);
    await c.say('Thursday at 10 please', 'Liam Walsh');
    expect(await c.say('Thursday at 10, sweet, thanks')).toMatch(/puncture repair on Thursday.*Shall I book/i);
    // the 10 o'clock said again at the puncture repair's read-back agrees to the rest of the visit
    expect(await c.say('Thursday at 10, sweet, thanks')).toMatch(/you're all set/i);
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Full bike service', 'Puncture repair']);
  });

  it('"any day except Monday" after a Monday was offered offers no Monday', async () => {
    const c = talkTo(GROOMER, TUE, CALLER);
    expect(await c.say('a bath and brush on Monday please')).toMatch(/Monday/);
    expect(await c.say('actually any weekday except Monday, earliest you have')).not.toMatch(/Monday/);
  });
});

describe('details said with a slip or beside someone else', () => {
  it('"0161 496 0316 - no wait sorry, typo - 0161 496 0361" is the second number', () => {
    const nlu = createNlu({ ...GROOMER, timezone: 'Europe/London', country: 'GB' });
    expect(nlu.understand('Number is 0161 496 0316 - no wait sorry, typo - 0161 496 0361', new Date()).phone).toBe(
      '+441614960361',
    );
  });

  it('"my wife Helen Park has a massage… I\'d like to book myself in" names nobody for the booking', () => {
    const nlu = createNlu(GROOMER);
    const u = nlu.understand(
      "Hi, my wife Helen Park has a massage booked Thursday at 10. I'd like to book myself in right after her",
      new Date(),
    );
    expect(u.name).toBeUndefined();
  });

  it('"How much are full head foils? And a half head?" answers both', async () => {
    const COLOUR: BusinessProfile = {
      ...GROOMER,
      name: 'Fitzroy Colour Lab',
      services: [
        { name: 'Half Head Foils', durationMin: 90, priceCents: 18000 },
        { name: 'Full Head Foils', durationMin: 120, priceCents: 26000 },
      ],
    };
    const reply = await talkTo(COLOUR, TUE, CALLER).say('Hi! How much are full head foils? And a half head?');
    expect(reply).toMatch(/\$260.*\$180/);
  });
});

describe('who does it, changed at the read-back', () => {
  it('"can I switch that to Chloe? Liam\'s a bit too firm" reads back with Chloe', async () => {
    const SPA: BusinessProfile = {
      ...GROOMER,
      name: 'Harbour Massage',
      services: [{ name: 'Deep tissue massage', durationMin: 60 }],
      staff: [
        { name: 'Liam', services: ['Deep tissue massage'] },
        { name: 'Chloe', services: ['Deep tissue massage'] },
      ],
    };
    const c = talkTo(SPA, TUE, CALLER);
    expect(await c.say('Can I book a deep tissue with Liam on Wednesday at 3?', 'Zoe Adams')).toMatch(/with Liam/);
    const changed = await c.say("Actually, sorry, can I switch that to Chloe? Liam's a bit too firm for me.");
    expect(changed).toMatch(/3 PM with Chloe.*Shall I book/);
    expect(changed).not.toMatch(/not sure/);
  });
});

describe('trouble told at the start', () => {
  const DENTIST: BusinessProfile = {
    ...GROOMER,
    name: 'Lakeview Family Dentistry',
    industry: 'dental',
    services: [
      { name: 'Exam and cleaning', durationMin: 60 },
      { name: 'Filling', durationMin: 60 },
    ],
  };
  it('"a tooth that\'s been a bit sensitive for months, no rush" is asked which service, and "whatever you have" takes the first', async () => {
    const c = talkTo(DENTIST, TUE, CALLER);
    const first = await c.say(
      "Hello, I have a tooth that's been a bit sensitive to cold drinks for a few months now. Not painful really, just annoying. No rush at all.",
    );
    expect(first).toMatch(/what would you like to book\? we offer exam and cleaning/i);
    expect(await c.say('Whatever you have is fine, Thursday afternoon')).toMatch(/Thursday/);
    expect(c.said.join(' ')).not.toMatch(/911|didn't catch/i);
  });
});

describe('trouble held, booked urgently', () => {
  const PLUMBING: BusinessProfile = {
    ...GROOMER,
    name: 'Kits Plumbing',
    industry: 'plumbing',
    services: [
      { name: 'Pipe repair', durationMin: 120 },
      { name: 'Drain cleaning', durationMin: 60 },
    ],
  };
  it('a split pipe with the water off is a pipe repair booked soon, and "I need someone today" books on without a false alert', async () => {
    const c = talkTo(PLUMBING, TUE, CALLER);
    const first = await c.say(
      "Morning. A pipe under the kitchen sink split overnight. I've already shut the main water off, nothing's leaking now.",
    );
    expect(first).not.toMatch(/911|what would you like to book/i);
    const next = await c.say("But we've got no water in the house at all so I need someone today if at all possible");
    expect(next).not.toMatch(/has your alert/i);
    expect(next).toMatch(/today|Tuesday/i);
  });
});

describe('a booking and a request for the team in one call', () => {
  it('"need to book my boiler service. Also could someone ring me with a quote for radiators?" books, then passes the request on', async () => {
    const HEATING: BusinessProfile = {
      ...GROOMER,
      name: 'Stockport Heating',
      industry: 'hvac',
      services: [
        { name: 'Annual Boiler Service', durationMin: 60 },
        { name: 'Radiator Replacement', durationMin: 180 },
      ],
    };
    const c = talkTo(HEATING, TUE, CALLER);
    const first = await c.say(
      "Hi, need to book my annual boiler service please. Also while I've got you - could someone ring me with a quote for swapping two old radiators for new ones?",
    );
    expect(first).toMatch(/what day and time would you like/i);
    await c.say('Wednesday at 10', 'Dean Whitworth', '27 Kennerley Road, Stockport');
    const done = await c.say('yes');
    expect(done).toMatch(/you're all set.*passed your message along/i);
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Annual Boiler Service']);
    expect(c.world.leads[0].need).toMatch(/quote for swapping two old radiators/);
  });
});

describe('said on the phone', () => {
  it('"a cut and blow-dry" is the shop\'s Cut & Blow-dry alone, and "six on Thursday" agrees to 6 PM', async () => {
    const HAIR: BusinessProfile = {
      ...GROOMER,
      name: 'Stoke Newington Hair Rooms',
      services: [
        { name: 'Cut & Blow-dry', durationMin: 60 },
        { name: 'Blow-dry', durationMin: 30 },
      ],
    };
    const c = talkTo(HAIR, TUE, CALLER);
    await c.say("I'd like to book a cut and blow-dry for Thursday at 6 PM", 'Siobhan Kearney');
    expect(c.said.at(-1)).toMatch(/a cut & blow-dry on Thursday.*6 PM for Siobhan Kearney[^.]*\. Shall I book/i);
    expect(await c.say('Six on Thursday is perfect, thanks.')).toMatch(/you're all set/i);
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Cut & Blow-dry']);
  });
});

describe("a day said against the caller's own date, in a later turn too", () => {
  const SCHOOL: BusinessProfile = {
    name: 'Leeside Driving School',
    timezone: 'Europe/Dublin',
    hours: weekdays('09:00', '17:00'),
    services: [{ name: 'Pre-Test Lesson', durationMin: 90 }],
    staff: [
      { name: 'Orla', services: ['Pre-Test Lesson'] },
      { name: 'Declan', services: ['Pre-Test Lesson'] },
    ],
  };
  // Thursday 2026-05-14, 19:30 in Cork
  const THU = '2026-05-14T18:30:00Z';

  it('"the Wednesday, Thursday or Friday before the test" searches those days before the test said earlier', async () => {
    const c = talkTo(SCHOOL, THU, '+353865550127');
    const first = await c.say(
      'Hi, my driving test is on Monday the 25th and I want to book a pre-test lesson with Orla the week before',
    );
    expect(first).toMatch(/May 1[89]|May 2[0-2]/);
    const offer = await c.say('The Wednesday, Thursday or Friday before the test, and I need to be finished by 3');
    expect(offer).toMatch(/Wednesday, May 20|Thursday, May 21|Friday, May 22/);
    expect(offer).not.toMatch(/Monday|Tuesday/);
  });

  it('"Friday at 12" said back at the read-back of Friday the 22nd at noon is a yes', async () => {
    const c = talkTo(SCHOOL, THU, '+353865550127');
    await c.say('I want a pre-test lesson with Orla on Friday the 22nd at noon');
    const readBack = await c.say('Eoin Murphy');
    expect(readBack).toMatch(/Friday, May 22 at noon.*Shall I book/i);
    expect(await c.say('Friday at 12 with Orla is perfect, thanks')).toMatch(/booked/i);
    expect(c.world.appointments).toHaveLength(1);
  });
});
