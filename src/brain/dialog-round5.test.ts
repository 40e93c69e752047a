// Invariant: what a fifth round of outside callers asked of the dialog: a new client who wants to "talk to
// someone about" their matter books the business's consultation; "what else do you have?" offers more times;
// "nothing at all on Tuesday?" looks at the whole day; "let me know if someone cancels" is a message.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fixedClock, zoneCountry } from '../lib/index.js';
import { createConversation } from './conversation.js';
import { createFakePorts, type FakeOptions } from './test-support/fake-ports.js';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+12065550129';
const weekdays = {
  mon: [['09:00', '19:00']],
  tue: [['09:00', '19:00']],
  wed: [['09:00', '19:00']],
  thu: [['09:00', '19:00']],
  fri: [['09:00', '17:00']],
} as BusinessProfile['hours'];
// Tuesday 2026-03-10 10:00 in Los Angeles
const TUE = '2026-03-10T17:00:00Z';

const LAW: BusinessProfile = {
  name: 'Dunmore Family Law',
  timezone: 'America/Los_Angeles',
  industry: 'other',
  hours: weekdays,
  escalationNumber: '+12065550100',
  services: [
    { name: 'Free Consultation', durationMin: 30, synonyms: ['consultation', 'consult'] },
    { name: 'Strategy Session', durationMin: 60 },
  ],
};
const TAX: BusinessProfile = {
  ...LAW,
  name: 'Pemberton Tax',
  services: [
    { name: 'New Client Meeting', durationMin: 30, synonyms: ['first meeting', 'intro meeting'] },
    { name: 'Corporate Tax Review', durationMin: 60, synonyms: ['corporate taxes'] },
    { name: 'Bookkeeping Setup', durationMin: 60, synonyms: ['bookkeeping'] },
  ],
};
const SALON: BusinessProfile = {
  ...LAW,
  name: 'Bella Hair',
  services: [{ name: 'Haircut', durationMin: 45 }],
};

function call(business: BusinessProfile, existing: FakeOptions['existing'] = []) {
  return talkTo(business, TUE, CALLER, { existing });
}

describe('talking a matter over is a consultation where the business books them', () => {
  it.each([
    ['law', LAW, 'Hi, I need to talk to someone about custody of my kids.', 'consultation'],
    ['law', LAW, "I'd like to speak with a lawyer about my divorce, Thursday afternoon if you can", 'consultation'],
    [
      'tax',
      TAX,
      'My husband runs a small business and wants to talk to someone about his bookkeeping and corporate taxes.',
      'new client meeting',
    ],
  ] as const)('%s: %s', async (_, business, line, service) => {
    const c = call(business);
    const reply = await c.say(line);
    expect(reply).not.toMatch(/can't connect you|take a message/i);
    expect(c.said.join(' ').toLowerCase()).toContain(service);
    await c.say('Tanya Ruiz');
    expect(c.world.messages).toHaveLength(0);
  });

  it('is still a message where the business has no consultation to book', async () => {
    const c = call(SALON);
    expect(await c.say('I need to talk to someone about a bill I got')).toMatch(/connecting you|message/i);
    expect(c.said.join(' ')).not.toMatch(/haircut/i);
  });
});

// Thursday 12 March: full from 9 AM to 4:30 PM
const FULL_THURSDAY = ['09:00', '09:45', '10:30', '11:15', '12:00', '12:45', '13:30', '14:15', '15:00', '15:45'].map(
  (t) => ({ service: 'Haircut', start: `2026-03-12T${t}` }),
);

describe('when the times offered will not do', () => {
  it.each(['what else do you have?', 'any other times?', 'Hmm, what else have you got'])(
    '"%s" offers other times, not a message',
    async (line) => {
      const c = call(SALON);
      const first = await c.say('a haircut on Thursday at 9');
      const next = await c.say(line);
      expect(next).toMatch(/I have|I can do/);
      expect(next).not.toMatch(/not sure|message/i);
      expect(next).not.toBe(first);
    },
  );

  it.each(['is there nothing at all on Thursday?', 'anything Thursday?'])(
    '"%s" looks at the whole of the day asked for before',
    async (line) => {
      const c = call(SALON, FULL_THURSDAY);
      expect(await c.say('can I get a haircut Thursday morning')).not.toMatch(/March 12/);
      expect(await c.say(line)).toMatch(/Thursday, March 12 (at|I have) 4:30 PM/);
    },
  );

  it.each([
    "No, Thursday's the only day I can do. Could you take my number and let me know if someone cancels?",
    'can you put me on the waiting list for Thursday',
    'just call me if something opens up on Thursday morning',
  ])('"%s" leaves a message, and nothing is booked', async (line) => {
    const c = call(SALON, FULL_THURSDAY);
    await c.say('can I get a haircut Thursday morning');
    await c.say(line, 'Dana Kowalski', 'yes, this number');
    expect(c.world.appointments).toHaveLength(FULL_THURSDAY.length);
    expect(c.world.messages, c.said.join('\n')).toHaveLength(1);
  });
});

describe('asked to say it again, or to wait a moment', () => {
  it.each([
    'sorry, what was that?',
    'can you repeat the times?',
    'say that again?',
    'Pardon?',
    "sorry love, I didn't catch that",
    'sorry can you say those times again i was grabbing a pen',
    'you broke up there, can you repeat that?',
    'could you say that again a bit slower please',
  ])('"%s" hears the offer again, and the call goes on', async (line) => {
    const c = call(SALON);
    const offer = await c.say('a haircut on Thursday afternoon');
    expect(offer).toMatch(/I have/);
    const again = await c.say(line);
    expect(again).toContain(offer);
    expect(again).not.toMatch(/not sure|message|didn't catch/i);
    expect(await c.say(line)).toBe(again);
    await c.say('the first one', 'Dana Kowalski', 'yes');
    expect(c.world.appointments).toHaveLength(1);
  });

  it.each(['hang on one sec', 'Hold on a moment please', 'bear with me', 'let me check my calendar'])(
    '"%s" is given the moment, and the question still stands',
    async (line) => {
      const c = call(SALON);
      await c.say('a haircut on Thursday afternoon');
      expect(await c.say(line)).toMatch(/take your time/i);
      await c.say('the first one', 'Dana Kowalski', 'yes');
      expect(c.world.appointments).toHaveLength(1);
    },
  );

  it.each(['can you repeat the times? i was hoping for friday', 'say that again, i was thinking the 3 oclock'])(
    '"%s" carries a wish beside the request, and is not only a repeat',
    async (line) => {
      const c = call(SALON);
      const offer = await c.say('a haircut on Thursday afternoon');
      expect(offer).toMatch(/I have/);
      expect(await c.say(line)).not.toBe(`Sure. ${offer}`);
    },
  );

  it('a question that only starts like one is answered as itself: "sorry, can you do Friday at 3 instead?"', async () => {
    const c = call(SALON);
    await c.say('a haircut on Thursday afternoon');
    expect(await c.say('sorry, can you do Friday at 3 instead?')).toMatch(/Friday, March 13 at 3 PM/);
  });
});

describe('an address said in words to "what is the address?"', () => {
  const HANDYMAN: BusinessProfile = {
    ...LAW,
    name: 'Handy Andy',
    services: [{ name: 'Handyman Visit', durationMin: 60, onSite: true, synonyms: ['handyman'] }],
  };

  it.each([
    ['twenty two oh five south mill', '2205 south mill'],
    ["it's forty two oak", '42 oak'],
  ])('"%s" is the address and the time held stays', async (line, address) => {
    const c = call(HANDYMAN);
    await c.say('I need a handyman tomorrow at ten thirty', 'Dana Kowalski');
    const asked = c.said[c.said.length - 1];
    if (/address/i.test(asked)) await c.say(line);
    else {
      // the address is asked after the number on some businesses
      await c.say('yes, this number');
      await c.say(line);
    }
    await c.say('yes');
    expect(c.world.appointments).toHaveLength(1);
    expect(c.world.appointments[0].start).toContain('T10:30');
    expect(c.world.appointments[0].customer.address?.toLowerCase()).toContain(address);
  });
});

describe('a sign-off that names the day', () => {
  it.each([
    "nah that's it, ta! see ya this arvo",
    'no, see you Thursday!',
    "that's all, looking forward to it",
    'See you tomorrow then',
  ])('"%s" after the booking ends the call', async (line) => {
    const c = call(SALON);
    await c.say('a haircut on Thursday at 3', 'Dana Kowalski', 'yes');
    expect(c.world.appointments).toHaveLength(1);
    await c.say(line);
    expect(c.convo.done).toBe(true);
    expect(c.world.appointments).toHaveLength(1);
  });

  it('"see you Thursday, and can I book my daughter in too?" goes on', async () => {
    const c = call(SALON);
    await c.say('a haircut on Thursday at 3', 'Dana Kowalski', 'yes');
    await c.say('see you Thursday, and can I book a haircut for my daughter too?');
    expect(c.convo.done).toBe(false);
  });
});

describe('"what is the latest you can do?" while booking', () => {
  it.each([
    "What's the latest you can start that day then?",
    'how late can I come in that day?',
    "what's the latest I can drop it off?",
  ])('"%s" offers the day\'s last opening, and "I\'ll take that" books it', async (line) => {
    const c = call(SALON);
    await c.say('a haircut on Thursday at 9 pm');
    const last = await c.say(line);
    expect(last).toMatch(/Thursday, March 12 at 6:15 PM/);
    expect(last).not.toMatch(/open \d|closed/);
    await c.say("OK, I'll take that", 'Dana Kowalski', 'yes');
    expect(c.world.appointments[0]?.start).toContain('T18:15');
  });
});

describe('weeks on from the day talked about, and the end of the lunch break', () => {
  it.each([
    ['can you push my haircut back a week', '2026-04-02T15:00'],
    ['could you bring my haircut forward a week?', '2026-03-19T15:00'],
  ])('"%s" moves it that many weeks, same time', async (line, to) => {
    const c = call(SALON, [
      { service: 'Haircut', start: '2026-03-26T15:00', customerName: 'Dana Kowalski', customerPhone: CALLER },
    ]);
    await c.say(line, 'Dana Kowalski', 'yes');
    const moved = c.world.appointments[0];
    expect(
      DateTime.fromISO(moved.start, { zone: SALON.timezone }).toFormat("yyyy-MM-dd'T'HH:mm"),
      c.said.join('\n'),
    ).toBe(to);
  });

  it('"same time the week after?" while booking is the day offered, a week on', async () => {
    const c = call(SALON, [{ service: 'Haircut', start: '2026-03-12T15:00' }]);
    await c.say('a haircut Thursday at 3');
    expect(await c.say('Same time the week after?')).toMatch(/Thursday, March 19 at 3 PM is open/);
  });

  it('"straight after your lunch break" is when the business reopens that day', async () => {
    const SPLIT: BusinessProfile = {
      ...SALON,
      hours: {
        ...weekdays,
        thu: [
          ['09:00', '11:30'],
          ['12:30', '19:00'],
        ],
      },
    };
    const c = call(SPLIT);
    await c.say('a haircut Thursday at 11');
    expect(await c.say('how about straight after your lunch break instead?')).toMatch(/12:30 PM/);
  });
});

describe('a caller in crisis hears the crisis line that answers where the business is', () => {
  it.each([
    ['Australia/Adelaide', /000.*13 11 14/],
    ['Europe/London', /999.*116 123/],
    ['America/Los_Angeles', /911.*988/],
  ])('%s', async (timezone, said) => {
    const c = call({ ...LAW, timezone, country: zoneCountry(timezone) });
    const reply = await c.say("I've been thinking about ending it all and I don't know who else to call");
    expect(reply).toMatch(said);
    expect(c.world.escalations[0]?.priority).toBe('URGENT');
  });

  it('a country with no known crisis line hears the emergency number alone', async () => {
    const c = call({ ...LAW, timezone: 'Asia/Tokyo', country: 'JP' });
    const reply = await c.say("I don't want to be here anymore");
    expect(reply).not.toMatch(/988/);
    expect(reply).toMatch(/119/);
  });
});

describe('a medical emergency at any business', () => {
  const CHIRO: BusinessProfile = {
    ...LAW,
    name: 'Spine Align Chiropractic',
    services: [{ name: 'Adjustment', durationMin: 30 }],
  };

  it('chest pressure and a numb arm: 911 at once, the owner alerted, no transfer that keeps the caller on the line', async () => {
    const fake = createFakePorts(CHIRO, { transferAccepted: true });
    const convo = createConversation({ business: CHIRO, callerPhone: CALLER, now: fixedClock(TUE), deps: fake.ports });
    convo.greet();
    const r = await convo.handle({
      text: "I've got this pressure in my chest and my left arm's gone numb, can you fit me in for an adjustment?",
    });
    expect(r.text).toMatch(/911/);
    expect(r.text).not.toMatch(/shall I book|which works|connecting you/i);
    expect(fake.world.escalations[0]?.priority).toBe('URGENT');
    expect(fake.world.transfers).toHaveLength(0);
    expect(fake.world.appointments).toHaveLength(0);
  });
});

describe('a question asked along with a booking step is answered too', () => {
  const CPA: BusinessProfile = {
    ...LAW,
    name: 'Hollis & Grant CPA',
    services: [{ name: 'Tax Return', durationMin: 60, synonyms: ['taxes'] }],
    knowledge: [{ q: 'What do I need to bring?', a: "Please bring your W-2s, 1099s and last year's return." }],
  };

  it('"Yes, book that please. And what do I need to bring?" at the offers', async () => {
    const c = call(CPA);
    await c.say('can I get my taxes done Thursday afternoon');
    const r = await c.say('Yes, book that please. And what do I need to bring?');
    expect(r).toMatch(/W-2s/);
    expect(r).toMatch(/name/);
  });

  it.each([
    'how long does a tax return take? and could I come Thursday at 3',
    "how long is a tax return? I'd like one Thursday at 3",
  ])('"%s" answers the length and books the time', async (line) => {
    const c = call(CPA);
    const r = await c.say(line);
    expect(r).toMatch(/hour/);
    expect(r).toMatch(/Thursday, March 12 at 3 PM is open/);
  });

  it('"can we do 4 instead?" is the booking\'s own business: no answer is added', async () => {
    const c = call(CPA);
    await c.say('can I get my taxes done Thursday at 3');
    expect(await c.say('can we do 4 instead?')).toMatch(/^Thursday, March 12 at 4 PM is open/);
  });
});
